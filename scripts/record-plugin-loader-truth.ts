// Records which agents each profiled Claude Code version loads from every plugin loader fixture
// (test/fixtures/plugin-loader/expected.json), and which file wins a full name that several files of a plugin give
// (winners.json: every winner seen over several runs, since in a scanned agents/ folder it changes from run to run).
// Usage: npx tsx scripts/record-plugin-loader-truth.ts
import * as fs from 'node:fs';
import * as path from 'node:path';
import { claudeBinaryFor, recordedVersions } from '../test/support/claudeCodeVersions';
import { duplicateFixtureCases, pluginFixtureCases, pluginLoaderFixtureDir, runPluginFixtures } from '../test/support/pluginLoaderFixtures';

/** Runs per version for winners.json: enough to see a scanned folder's winner change (it did within 3 of 5). */
const WINNER_RUNS = 5;

async function main(): Promise<void> {
  const cases = pluginFixtureCases();
  const expected: Record<string, Record<string, string[]>> = {};
  const winners: Record<string, Record<string, Record<string, string[]>>> = {};
  for (const version of recordedVersions()) {
    const seen: Record<string, Record<string, Set<string>>> = {};
    for (let run = 0; run < WINNER_RUNS; run++) {
      const result = await runPluginFixtures(claudeBinaryFor(version), cases);
      if (result.init.claude_code_version !== version) throw new Error(`asked for ${version}, ran ${result.init.claude_code_version}`);
      if (run === 0) {
        expected[version] = Object.fromEntries(cases.map((name) => [name, result.agentsByCase.get(name)!]));
        process.stderr.write(`${version}: ${cases.length} cases, ${result.init.agents.length} agents in the init event\n`);
      }
      for (const name of duplicateFixtureCases(cases)) {
        for (const fullName of result.agentsByCase.get(name)!) {
          // The duplicate fixtures describe each file by its path below the plugin root.
          ((seen[name] ??= {})[fullName] ??= new Set()).add(result.descriptions.get(fullName)!);
        }
      }
    }
    winners[version] = Object.fromEntries(Object.entries(seen).map(([name, byName]) => [name, Object.fromEntries(Object.entries(byName).map(([fullName, files]) => [fullName, [...files].sort()]))]));
  }
  fs.writeFileSync(path.join(pluginLoaderFixtureDir, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  fs.writeFileSync(path.join(pluginLoaderFixtureDir, 'winners.json'), JSON.stringify(winners, null, 2) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
