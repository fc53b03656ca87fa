// Records which agents each profiled Claude Code version loads from every plugin loader fixture
// (test/fixtures/plugin-loader/expected.json). Usage: npx tsx scripts/record-plugin-loader-truth.ts
import * as fs from 'node:fs';
import * as path from 'node:path';
import { claudeBinaryFor, recordedVersions } from '../test/support/claudeCodeVersions';
import { pluginFixtureCases, pluginLoaderFixtureDir, runPluginFixtures } from '../test/support/pluginLoaderFixtures';

async function main(): Promise<void> {
  const cases = pluginFixtureCases();
  const expected: Record<string, Record<string, string[]>> = {};
  for (const version of recordedVersions()) {
    const run = await runPluginFixtures(claudeBinaryFor(version), cases);
    if (run.init.claude_code_version !== version) throw new Error(`asked for ${version}, ran ${run.init.claude_code_version}`);
    expected[version] = Object.fromEntries(cases.map((name) => [name, run.agentsByCase.get(name)!]));
    process.stderr.write(`${version}: ${cases.length} cases, ${run.init.agents.length} agents in the init event\n`);
  }
  fs.writeFileSync(path.join(pluginLoaderFixtureDir, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
