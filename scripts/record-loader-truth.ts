// Records which agents one Claude Code version loads from each loader fixture into
// test/fixtures/loader/expected/<version>.json, installing that exact version first when needed (cached, ~400 MB),
// and prints the fixtures whose result differs from the newest other recorded version.
// Usage: npm run loader-truth -- [--version X] [--concurrency N]   (default: the newest recorded version)
import { claudeInitEvent } from '../test/support/claudeCli';
import { type ExpectedLoads, ensureClaudeCode, isExactVersion, readExpected, recordedVersions, writeExpected } from '../test/support/claudeCodeVersions';
import { differingCases, loaderFixtureCases, runLoaderFixtures } from '../test/support/loaderFixtures';

function option(args: string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args.splice(index, 2)[1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const concurrency = Number(option(args, '--concurrency') ?? 3);
  const version = option(args, '--version') ?? recordedVersions().at(-1);
  if (!version || !isExactVersion(version)) {
    process.stderr.write(`--version needs an exact version such as 2.1.332 (recorded: ${recordedVersions().join(', ')})\n`);
    process.exitCode = 2;
    return;
  }
  const binary = await ensureClaudeCode(version, (line) => process.stderr.write(`${line}\n`));
  const { claude_code_version: reported } = await claudeInitEvent([], { binary });
  if (reported !== version) throw new Error(`${binary} says it is Claude Code ${reported}, not ${version}`);

  const cases = loaderFixtureCases();
  const started = Date.now();
  const results = await runLoaderFixtures(cases, {
    concurrency,
    binary,
    onResult: (id, names) => process.stderr.write(`${JSON.stringify(names).slice(0, 60).padEnd(62)} ${id}\n`),
  });
  const expected: ExpectedLoads = {};
  for (const { id } of cases) expected[id] = results.get(id)!;
  writeExpected(version, expected);
  process.stderr.write(
    `Recorded ${cases.length} cases with Claude Code ${version} in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
      `(${cases.filter(({ id }) => expected[id].length === 0).length} load nothing) into test/fixtures/loader/expected/${version}.json\n`,
  );
  printDifferences(version, expected);
}

/** Compares with the newest other recorded version: what a new profile (or a changed one) has to model. */
function printDifferences(version: string, expected: ExpectedLoads): void {
  const others = recordedVersions().filter((other) => other !== version);
  const baseline = others.at(-1);
  if (!baseline) return;
  const before = readExpected(baseline);
  const changed = differingCases(before, expected);
  process.stdout.write(`${changed.length} fixtures differ between ${baseline} and ${version}${changed.length ? ':' : '.'}\n`);
  for (const id of changed) {
    process.stdout.write(`  ${id}: ${JSON.stringify(before[id] ?? 'unrecorded')} -> ${JSON.stringify(expected[id] ?? 'unrecorded')}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
