// Ground truth for plugin agents: which agents each profiled Claude Code version loads from each plugin fixture
// (real CLI, `--plugin-dir`), versus expected.json, versus the engine's prediction for that version's profile.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AgentCatalog } from '../../../../../src/engine/catalog/catalog';
import { claudeCodeProfileFor } from '../../../../../src/engine/formats/claudeCode/profiles';
import { discoverAgents } from '../../../../../src/node/catalogLoading';
import { pluginLoaderProfiles, type PluginProfileId } from '../../../../../src/engine/formats/claudeCode/profiles/pluginLoader';
import { lintPluginAgents, loadedPluginAgentNames } from '../../../../../src/node/plugins/pluginAgentFiles';
import { readPluginFolder } from '../../../../../src/node/plugins/pluginDiscovery';
import { claudeBinaryOrSkip, recordedVersions } from '../../../../support/claudeCodeVersions';
import { duplicateFixtureCases, pluginFixtureCases, pluginLoaderFixtureDir, runPluginFixtures, type PluginRun } from '../../../../support/pluginLoaderFixtures';

const cases = pluginFixtureCases();
const expected: Record<string, Record<string, string[]>> = JSON.parse(fs.readFileSync(path.join(pluginLoaderFixtureDir, 'expected.json'), 'utf8'));
/** Per version, case and full name: every file seen winning that name over the recorded runs (paths below the plugin). */
const winners: Record<string, Record<string, Record<string, string[]>>> = JSON.parse(fs.readFileSync(path.join(pluginLoaderFixtureDir, 'winners.json'), 'utf8'));
const rerecord = 'If Claude Code changed on purpose, rerun `npx tsx scripts/record-plugin-loader-truth.ts` and update docs/claude-code-plugins.md.';

describe('plugin loader fixtures', () => {
  it('expected.json has one entry per fixture for every profiled version', () => {
    assert.deepEqual(Object.keys(expected).sort(), [...recordedVersions()].sort());
    for (const version of recordedVersions()) assert.deepEqual(Object.keys(expected[version]).sort(), cases, rerecord);
  });

  it('winners.json has every duplicate fixture for every profiled version', () => {
    assert.deepEqual(Object.keys(winners).sort(), [...recordedVersions()].sort());
    for (const version of recordedVersions()) assert.deepEqual(Object.keys(winners[version]).sort(), duplicateFixtureCases(cases), rerecord);
  });
});

/** The files of a duplicate fixture giving `fullName`, and the one the catalog says Claude Code uses (none: unpredictable). */
function catalogRanking(catalog: AgentCatalog, name: string, fullName: string): { candidates: string[]; winner?: string } {
  const root = path.join(pluginLoaderFixtureDir, name);
  const entries = catalog.entries().filter((entry) => entry.folder.plugin?.root === root && entry.result.loads && entry.result.agent?.name === fullName);
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const winner = entries.find((entry) => entry.winsOver?.length);
  for (const entry of entries) {
    if (winner) assert.equal(entry === winner ? undefined : entry.shadowedBy, entry === winner ? undefined : winner.path, `${entry.path} is shadowed by the winner`);
    else assert.ok(entry.ambiguousWith?.length, `${entry.path}: no winner, so it is ambiguous`);
  }
  return { candidates: entries.map((entry) => relative(entry.path)).sort(), ...(winner ? { winner: relative(winner.path) } : {}) };
}

async function fixtureCatalog(version: string): Promise<AgentCatalog> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-studio-plugin-home-'));
  try {
    return await discoverAgents({ workspaceFolders: [pluginLoaderFixtureDir], homeDirectory: home, claudeCodeProfile: claudeCodeProfileFor(version).profile });
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

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

    it('uses, of the files giving one full name, the one the catalog ranks first, or one of them where it cannot say which', async () => {
      const catalog = await fixtureCatalog(version);
      for (const name of duplicateFixtureCases(cases)) {
        for (const fullName of run!.agentsByCase.get(name)!) {
          const { candidates, winner } = catalogRanking(catalog, name, fullName);
          const used = run!.descriptions.get(fullName)!;
          if (winner) assert.equal(used, winner, `${fullName}: ${rerecord}`);
          else assert.ok(candidates.includes(used), `${fullName}: ${used} is one of ${candidates.join(', ')}`);
        }
      }
    });

    it('logs that hooks, mcpServers and permissionMode of a plugin agent are ignored', () => {
      for (const key of ['permissionMode', 'hooks', 'mcpServers']) {
        assert.match(run!.debugLog, new RegExp(`ignored-keys/agents/risky\\.md sets ${key}, which is ignored for plugin agents`));
      }
    });
  });

  describe(`the engine predicts Claude Code ${version}'s plugin agents`, () => {
    const profile = pluginLoaderProfiles[version as PluginProfileId];

    describe('which of several files giving one full name wins (winners.json)', () => {
      let catalog: AgentCatalog;
      before(async () => (catalog = await fixtureCatalog(version)));
      for (const name of duplicateFixtureCases(cases)) {
        it(name, () => {
          for (const [fullName, seen] of Object.entries(winners[version][name])) {
            const { candidates, winner } = catalogRanking(catalog, name, fullName);
            assert.ok(candidates.length > 1, `${fullName} is given by several files`);
            // A predicted winner won every recorded run; "unpredictable" only where the runs saw files but none rule.
            if (winner) assert.deepEqual(seen, [winner]);
            else assert.ok(seen.every((file) => candidates.includes(file)), `${seen.join(', ')} are among ${candidates.join(', ')}`);
          }
        });
      }

      it('the recorded runs saw the winner change in a scanned agents/ folder, so the catalog calls it unpredictable there', () => {
        assert.ok(winners[version]['duplicate-order']['duplicate-order:same'].length > 1, rerecord);
        assert.equal(catalogRanking(catalog, 'duplicate-order', 'duplicate-order:same').winner, undefined);
      });

      it('the command line says the same: the last listed file of a manifest wins, scanned duplicates are unpredictable', () => {
        const listed = lintPluginAgents(readPluginFolder(path.join(pluginLoaderFixtureDir, 'duplicate-manifest-list'), { profile }), profile);
        assert.deepEqual(listed.map((agent) => [agent.relativePath, agent.diagnostics.find((diagnostic) => diagnostic.code === 'agent/duplicate-name')?.message.includes('Claude Code uses this file')]),
          [['c.md', false], ['e.md', false], ['a.md', false], ['d.md', false], ['b.md', true]]);
        const scanned = lintPluginAgents(readPluginFolder(path.join(pluginLoaderFixtureDir, 'duplicate-names'), { profile }), profile);
        assert.ok(scanned.every((agent) => agent.diagnostics.some((diagnostic) => /changes from run to run/.test(diagnostic.message))));
      });
    });

    for (const name of cases) {
      it(name, () => {
        const folder = readPluginFolder(path.join(pluginLoaderFixtureDir, name), { profile });
        assert.deepEqual(loadedPluginAgentNames(lintPluginAgents(folder, profile)), expected[version][name]);
      });
    }
  });
}
