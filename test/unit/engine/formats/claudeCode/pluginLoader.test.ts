// Ground truth for plugin agents: which agents each profiled Claude Code version loads from each plugin fixture
// (real CLI, `--plugin-dir`), versus expected.json, versus the engine's prediction for that version's profile.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pluginLoaderProfiles, type PluginProfileId } from '../../../../../src/engine/formats/claudeCode/profiles/pluginLoader';
import { lintPluginAgents, loadedPluginAgentNames } from '../../../../../src/node/plugins/pluginAgentFiles';
import { readPluginFolder } from '../../../../../src/node/plugins/pluginDiscovery';
import { claudeBinaryOrSkip, recordedVersions } from '../../../../support/claudeCodeVersions';
import { pluginFixtureCases, pluginLoaderFixtureDir, runPluginFixtures, type PluginRun } from '../../../../support/pluginLoaderFixtures';

const cases = pluginFixtureCases();
const expected: Record<string, Record<string, string[]>> = JSON.parse(fs.readFileSync(path.join(pluginLoaderFixtureDir, 'expected.json'), 'utf8'));
const rerecord = 'If Claude Code changed on purpose, rerun `npx tsx scripts/record-plugin-loader-truth.ts` and update docs/claude-code-plugins.md.';

describe('plugin loader fixtures', () => {
  it('expected.json has one entry per fixture for every profiled version', () => {
    assert.deepEqual(Object.keys(expected).sort(), [...recordedVersions()].sort());
    for (const version of recordedVersions()) assert.deepEqual(Object.keys(expected[version]).sort(), cases, rerecord);
  });
});

for (const version of recordedVersions()) {
  describe(`Claude Code ${version} (real CLI) loads each plugin fixture as recorded`, function () {
    this.timeout(15 * 60_000);
    let run: PluginRun | undefined;

    before(async function () {
      const binary = claudeBinaryOrSkip(this, version);
      run = await runPluginFixtures(binary, cases);
      assert.equal(run.init.claude_code_version, version);
    });

    for (const name of cases) {
      it(`${name} -> ${JSON.stringify(expected[version]?.[name] ?? 'unrecorded').slice(0, 120)}`, () => {
        assert.deepEqual(run?.agentsByCase.get(name), expected[version][name], rerecord);
      });
    }

    it('logs that hooks, mcpServers and permissionMode of a plugin agent are ignored', () => {
      for (const key of ['permissionMode', 'hooks', 'mcpServers']) {
        assert.match(run!.debugLog, new RegExp(`ignored-keys/agents/risky\\.md sets ${key}, which is ignored for plugin agents`));
      }
    });
  });

  describe(`the engine predicts Claude Code ${version}'s plugin agents`, () => {
    const profile = pluginLoaderProfiles[version as PluginProfileId];
    for (const name of cases) {
      it(name, () => {
        const folder = readPluginFolder(path.join(pluginLoaderFixtureDir, name), { profile });
        assert.deepEqual(loadedPluginAgentNames(lintPluginAgents(folder, profile)), expected[version][name]);
      });
    }
  });
}
