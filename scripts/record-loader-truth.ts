// Records which agents the real Claude Code CLI loads from each loader fixture into test/fixtures/loader/expected.json.
// Usage: npx tsx scripts/record-loader-truth.ts [fixture-folder] [--concurrency N]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { claudeInitEvent } from '../test/support/claudeCli';
import { loaderFixtureCases, loaderFixtureDir, runLoaderFixtures } from '../test/support/loaderFixtures';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const concurrencyFlag = args.indexOf('--concurrency');
  const concurrency = concurrencyFlag >= 0 ? Number(args.splice(concurrencyFlag, 2)[1]) : 3;
  const dir = path.resolve(args[0] ?? loaderFixtureDir);

  const { claude_code_version: version } = await claudeInitEvent([]);
  const cases = loaderFixtureCases(dir);
  const started = Date.now();
  const results = await runLoaderFixtures(cases, {
    concurrency,
    onResult: (id, names) => process.stderr.write(`${JSON.stringify(names).padEnd(40)} ${id}\n`),
  });

  const expected: Record<string, string[]> = {};
  for (const { id } of cases) expected[id] = results.get(id)!;
  fs.writeFileSync(path.join(dir, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  process.stderr.write(
    `Recorded ${cases.length} cases with Claude Code ${version} in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
      `(${cases.filter(({ id }) => expected[id].length === 0).length} load nothing).\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
