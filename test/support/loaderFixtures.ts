// The loader fixtures (test/fixtures/loader) as cases for the real CLI; the layout is described in that folder's README.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startAnthropicLoopback } from './anthropicLoopback';
import { type AgentFileSpec, BUILT_IN_AGENT_NAMES, findClaudeBinary, loadedAgentNames } from './claudeCli';
import type { ExpectedLoads } from './claudeCodeVersions';

export const loaderFixtureDir = path.resolve(__dirname, '..', 'fixtures', 'loader');

/** Entries of the fixture folder that are not cases (`expected/` holds one result file per Claude Code version). */
const notCases = new Set(['README.md', 'expected', '.gitattributes']);

export interface LoaderFixtureCase {
  /** Key in `expected/<version>.json`: the file name, or the folder name followed by `/`. */
  id: string;
  /** Files to place under `.claude/agents/`, paths relative to it. */
  files: AgentFileSpec[];
}

/** A top-level file is a case on its own; a top-level folder is a case whose whole tree goes under `.claude/agents/`. */
export function loaderFixtureCases(dir: string = loaderFixtureDir): LoaderFixtureCase[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !notCases.has(entry.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((entry) =>
      entry.isDirectory()
        ? { id: `${entry.name}/`, files: filesBelow(path.join(dir, entry.name)) }
        : { id: entry.name, files: [{ relativePath: entry.name, content: fs.readFileSync(path.join(dir, entry.name)) }] },
    );
}

function filesBelow(root: string, prefix = ''): AgentFileSpec[] {
  return fs.readdirSync(path.join(root, prefix), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const relativePath = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory()
        ? filesBelow(root, relativePath)
        : [{ relativePath, content: fs.readFileSync(path.join(root, relativePath)) }];
    });
}

/** Runs every case through the real CLI, `concurrency` processes at a time; returns id -> loaded agent names. */
export async function runLoaderFixtures(
  cases: LoaderFixtureCase[],
  options: { concurrency?: number; timeoutMs?: number; binary?: string; onResult?: (id: string, names: string[]) => void } = {},
): Promise<Map<string, string[]>> {
  const binary = options.binary ?? findClaudeBinary();
  const loopback = await startAnthropicLoopback();
  const results = new Map<string, string[]>();
  try {
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const fixture = cases[next++];
        const names = await loadedAgentNames(fixture.files, { binary, baseUrl: loopback.url, timeoutMs: options.timeoutMs });
        results.set(fixture.id, names);
        options.onResult?.(fixture.id, names);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 3, cases.length) }, worker));
  } finally {
    await loopback.close();
  }
  return results;
}

export interface BatchedRunResult {
  /** id -> names the CLI loaded for that case (see `runLoaderFixturesBatched` for how batches are attributed). */
  observed: Map<string, string[]>;
  /** How many CLI processes ran. */
  cliRuns: number;
}

/**
 * Like `runLoaderFixtures`, but one CLI process checks many single-file cases at once: the CLI parses each file on its
 * own and files interact only through equal names, so a batch holds cases whose expected names are pairwise distinct and
 * not built-in. When the batch loads exactly the union of its expected names, every case in it behaved as recorded;
 * otherwise each case of the batch is rerun alone to find which one changed. Folder cases and cases without a recorded
 * result always run alone. (A change that makes a case load a name another case of its batch expects goes unnoticed.)
 */
export async function runLoaderFixturesBatched(
  cases: LoaderFixtureCase[],
  expected: ExpectedLoads,
  options: { concurrency?: number; batchSize?: number; timeoutMs?: number; binary?: string } = {},
): Promise<BatchedRunResult> {
  const binary = options.binary ?? findClaudeBinary();
  const loopback = await startAnthropicLoopback();
  const observed = new Map<string, string[]>();
  let cliRuns = 0;
  const run = (files: AgentFileSpec[]) => {
    cliRuns++;
    return loadedAgentNames(files, { binary, baseUrl: loopback.url, timeoutMs: options.timeoutMs });
  };
  const runAlone = async (fixture: LoaderFixtureCase) => observed.set(fixture.id, await run(fixture.files));
  const runBatch = async (batch: LoaderFixtureCase[]) => {
    if (batch.length === 1) return void (await runAlone(batch[0]));
    const loaded = await run(batch.flatMap((fixture) => fixture.files));
    const union = batch.flatMap((fixture) => expected[fixture.id]);
    if (sameNames(loaded, union)) for (const fixture of batch) observed.set(fixture.id, expected[fixture.id]);
    else for (const fixture of batch) await runAlone(fixture);
  };

  const jobs: (() => Promise<unknown>)[] = [];
  const batches: { cases: LoaderFixtureCase[]; names: Set<string> }[] = [];
  for (const fixture of cases) {
    const names = expected[fixture.id];
    if (fixture.id.endsWith('/') || !names || names.some((name) => BUILT_IN_AGENT_NAMES.includes(name))) {
      jobs.push(() => runAlone(fixture));
      continue;
    }
    let batch = batches.find((b) => b.cases.length < (options.batchSize ?? 25) && names.every((name) => !b.names.has(name)));
    if (!batch) batches.push((batch = { cases: [], names: new Set() }));
    batch.cases.push(fixture);
    for (const name of names) batch.names.add(name);
  }
  for (const batch of batches) jobs.push(() => runBatch(batch.cases));

  try {
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) await jobs[next++]();
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 3, jobs.length) }, worker));
  } finally {
    await loopback.close();
  }
  return { observed, cliRuns };
}

function sameNames(a: string[], b: string[]): boolean {
  const sortedA = [...a].sort();
  const sortedB = [...b].sort();
  return sortedA.length === sortedB.length && sortedA.every((name, i) => name === sortedB[i]);
}

/** Ids whose recorded names differ between two expected files (a case missing from one counts as differing). */
export function differingCases(older: ExpectedLoads, newer: ExpectedLoads): string[] {
  const ids = [...new Set([...Object.keys(older), ...Object.keys(newer)])].sort();
  return ids.filter((id) => !older[id] || !newer[id] || !sameNames(older[id], newer[id]));
}
