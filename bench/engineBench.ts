// The engine's benchmarks, bundled like the CLI and run one per fresh process by bench/main.ts:
// `node --expose-gc bench/out/engineBench.js <benchmark> <arguments.json>`; each prints one JSON result line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { AgentCatalog } from '../src/engine/catalog/catalog';
import { discoverAgents } from '../src/node/catalogLoading';
import { agentFolders } from '../src/node/discovery';
import { CLAUDE_CODE_FRONTMATTER_PATTERN, splitFrontmatter } from '../src/engine/frontmatter/frontmatter';
import { fixAllEdits } from '../src/engine/lint/fixAll';
import { lintAgentFile } from '../src/engine/lint/lint';
import { agentFileFormats } from '../src/engine/formats/registry';
import { median, percentile, time, timeAsync } from './stats';

/** The options the engine itself gives yaml (src/engine/frontmatter/yamlDocument.ts), so the baseline parses as much. */
const YAML_OPTIONS = { version: '1.2', schema: 'core', uniqueKeys: false, merge: true, logLevel: 'silent' } as const;

type Benchmark = (argument: never) => unknown;

const benchmarks: Record<string, Benchmark> = {
  throughput, keystroke, catalogCold, readCold, catalogUpdate, heap, hostile,
};

/**
 * Issue 14's worst inputs, each a file on disk: the median time to read it and to lint it (Fix All's edits included),
 * and, on a small copy, what Claude Code's own front matter pattern costs, which is the quadratic the split avoids.
 */
function hostile({ files, rounds, patternFiles, slowestOf }: { files: { family: string; path: string; everyProfile?: boolean }[]; rounds: number; patternFiles: { family: string; path: string }[]; slowestOf: number }) {
  const rows = files.map(({ family, path: file, everyProfile }) => {
    const text = fs.readFileSync(file, 'utf8');
    const read: number[] = [];
    const lint: number[] = [];
    let result = lintAgentFile(text, { path: '.claude/agents/hostile.md' });
    // At least three rounds; no more once a row has taken five seconds (a slow family would otherwise take minutes).
    let spent = 0;
    for (let round = 0; round < rounds && (round < 3 || spent < 5000); round++) {
      spent += lint.length > 0 ? lint[lint.length - 1] : 0;
      read.push(time(() => fs.readFileSync(file, 'utf8')));
      lint.push(time(() => {
        result = lintAgentFile(text, { path: '.claude/agents/hostile.md' });
        fixAllEdits(result.diagnostics);
      }));
    }
    return { family, bytes: Buffer.byteLength(text), rounds: lint.length, readMs: median(read), lintMs: median(lint), codes: [...new Set(result.diagnostics.map((diagnostic) => diagnostic.code))], slowestProfile: everyProfile ? slowestProfile(text, slowestOf) : undefined };
  });
  const pattern = patternFiles.map(({ family, path: file }) => {
    const text = fs.readFileSync(file, 'utf8');
    return { family, bytes: Buffer.byteLength(text), patternMs: time(() => CLAUDE_CODE_FRONTMATTER_PATTERN.exec(text)) };
  });
  return { rows, pattern };
}

/** Where each format keeps its agents, for linting a hostile text as one of them. */
const HOSTILE_PATHS: Record<string, string> = { 'claude-code': '.claude/agents/hostile.md', copilot: '.github/agents/hostile.agent.md' };

/**
 * The text linted (Fix All's edits included) under every other profile of every format, `rounds` times each: the one
 * with the highest median. The rows above use the newest Claude Code profile, the default; an older one, or Copilot,
 * may load a file the newest skips at once (NUL in the front matter) and do all of its work.
 */
function slowestProfile(text: string, rounds: number): { profile: string; lintMs: number; codes: string[] } | undefined {
  if (rounds === 0) return undefined;
  let slowest: { profile: string; lintMs: number; codes: string[] } | undefined;
  for (const format of agentFileFormats) {
    for (const profile of format.profiles) {
      if (profile === format.defaultProfile && format.id === 'claude-code') continue;
      const options = { path: HOSTILE_PATHS[format.id], format: format.id, profile };
      let codes: string[] = [];
      const times: number[] = [];
      for (let round = 0; round < rounds; round++) {
        times.push(time(() => {
          const result = lintAgentFile(text, options);
          fixAllEdits(result.diagnostics);
          codes = [...new Set(result.diagnostics.map((diagnostic) => diagnostic.code))];
        }));
      }
      const lintMs = median(times);
      if (!slowest || lintMs > slowest.lintMs) slowest = { profile: `${format.id} ${profile.version}`, lintMs, codes };
    }
  }
  return slowest;
}

/** Read + split (the floor), read + split + parseDocument, read + lint: interleaved rounds over the same files. */
function throughput({ files, rounds }: { files: string[]; rounds: number }) {
  let sink = 0;
  const floor = () => { for (const file of files) sink += splitFrontmatter(fs.readFileSync(file, 'utf8'))?.bodyStart ?? 0; };
  const yaml = () => {
    for (const file of files) {
      const block = splitFrontmatter(fs.readFileSync(file, 'utf8'));
      if (block) sink += parseDocument(block.yamlText, YAML_OPTIONS).errors.length;
    }
  };
  const lint = () => { for (const file of files) sink += lintAgentFile(fs.readFileSync(file, 'utf8'), { path: file }).diagnostics.length; };
  // The same again on texts already in memory: what parsing costs without the disk.
  const texts = files.map((file) => fs.readFileSync(file, 'utf8'));
  const yamlTexts = texts.map((text) => splitFrontmatter(text)?.yamlText ?? '');
  const yamlInMemory = () => { for (const text of yamlTexts) sink += parseDocument(text, YAML_OPTIONS).errors.length; };
  const lintInMemory = () => { for (const [index, text] of texts.entries()) sink += lintAgentFile(text, { path: files[index] }).diagnostics.length; };

  const runs = { floor, yaml, lint, yamlInMemory, lintInMemory };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(runs).map((name) => [name, []]));
  for (const run of Object.values(runs)) run(); // warm-up: JIT and page cache
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(runs)) times[name].push(time(run));
  }
  const filesPerSecond = (name: string) => Math.round(files.length / (median(times[name]) / 1000));
  return { files: files.length, rounds, sink: sink > 0, filesPerSecond: Object.fromEntries(Object.keys(runs).map((name) => [name, filesPerSecond(name)])) };
}

/** Each iteration lints a new version of the document (one more character typed), timed on its own. */
function keystroke({ text, iterations, editAt, fixChecks }: { text: string; iterations: number; editAt: number; fixChecks: 'beforeReturning' | 'onFirstRead' }) {
  const lintVersion = (version: number) => {
    const typed = 'abcdefghij '.repeat(3).slice(0, version % 30);
    return lintAgentFile(text.slice(0, editAt) + typed + text.slice(editAt), { path: '.claude/agents/typing.md', fixChecks });
  };
  for (let version = 0; version < 500; version++) lintVersion(version);
  const durations: number[] = [];
  for (let version = 0; version < iterations; version++) durations.push(time(() => lintVersion(version)));
  return { bytes: Buffer.byteLength(text), loads: lintVersion(0).loads, p50: median(durations), p99: percentile(durations, 0.99), max: Math.max(...durations) };
}

/** First discovery in a fresh process: walk, read and lint every agent file. */
async function catalogCold({ workspace, home }: { workspace: string; home: string }) {
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let catalog: AgentCatalog | undefined;
  const ms = await timeAsync(async () => { catalog = await discoverAgents({ workspaceFolders: [workspace], homeDirectory: home }); });
  gc();
  return { ms, files: catalog!.size, heapMB: (process.memoryUsage().heapUsed - heapBefore) / 1048576 };
}

/** The floor for discovery, in a fresh process: the same files' bytes read from disk, nothing else. */
function readCold({ files }: { files: string[] }) {
  let bytes = 0;
  const ms = time(() => { for (const file of files) bytes += fs.readFileSync(file).length; });
  return { ms, bytes };
}

/** `AgentCatalog.update` for one changed file of a full catalog: the text edited, and the name changed (re-ranking). */
async function catalogUpdate({ workspace, home, iterations }: { workspace: string; home: string; iterations: number }) {
  const catalog = await discoverAgents({ workspaceFolders: [workspace], homeDirectory: home });
  const [entry] = catalog.entries().filter((candidate) => candidate.result.loads);
  const original = fs.readFileSync(entry.path, 'utf8');
  const name = entry.result.agent!.name;
  const edits = (version: number) => `${original}\nEdited ${version}.\n`;
  const renames = (version: number) => original.replace(`name: ${name}`, `name: ${name}-${version % 2}`);
  const measure = (versionText: (version: number) => string) => {
    for (let version = 0; version < 200; version++) catalog.update(entry.path, versionText(version));
    const durations = Array.from({ length: iterations }, (_, version) => time(() => catalog.update(entry.path, versionText(version))));
    return { p50: median(durations), p99: percentile(durations, 0.99) };
  };
  return { catalogSize: catalog.size, sameName: measure(edits), renamed: measure(renames), namesake: catalog.entries().filter((other) => other.result.agent?.name === name).length };
}

/** Heap after 100,000 edits of one document, linted as the editor does, and filed in a catalog as saving does. */
function heap({ text, edits }: { text: string; edits: number }) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const settle = () => {
    for (let index = 0; index < 3; index++) gc();
    return process.memoryUsage().heapUsed;
  };
  const folder = agentFolders([path.resolve('/bench-project')], '/bench-home')[0];
  const catalog = new AgentCatalog([folder]);
  const file = path.join(folder.path, 'typing.md');
  const version = (index: number) => `${text}\nEdit ${index}\n`;
  for (let index = 0; index < 2000; index++) {
    lintAgentFile(version(index), { path: file });
    catalog.update(file, version(index));
  }
  const before = settle();
  for (let index = 0; index < edits; index++) lintAgentFile(version(index), { path: file });
  const afterLint = settle();
  for (let index = 0; index < edits; index++) catalog.update(file, version(index));
  const afterCatalog = settle();
  return { edits, beforeMB: before / 1048576, lintGrowthMB: (afterLint - before) / 1048576, catalogGrowthMB: (afterCatalog - afterLint) / 1048576 };
}

async function main(): Promise<void> {
  const [name, argumentsFile] = process.argv.slice(2);
  const benchmark = benchmarks[name];
  if (!benchmark) throw new Error(`unknown benchmark '${name}'; one of ${Object.keys(benchmarks).join(', ')}`);
  // A file, not the command line: 10,000 paths are more than one argument may hold.
  const result = await benchmark(JSON.parse(fs.readFileSync(argumentsFile, 'utf8')) as never);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
