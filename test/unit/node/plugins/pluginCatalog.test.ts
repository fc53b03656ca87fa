// Plugin agents in the catalog the extension shares: plugins being written in a workspace and installed ones, named
// plugin:agent, linted by the plugin rules, ranked below user and project agents (Claude Code 2.1.197).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { claudeCodeProfiles } from '../../../../src/engine/formats/claudeCode/profiles';
import { discoverAgents } from '../../../../src/node/catalogLoading';

/** The oldest profile's rules: a user agent may still be named `helpers:fixer` and shadow the plugin's agent. */
const oldest = claudeCodeProfiles[0];

function write(root: string, files: Record<string, string>): void {
  for (const [relative, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), content);
  }
}

describe('plugin agents in the catalog', () => {
  let root: string;
  let home: string;
  let workspace: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-studio-plugin-catalog-'));
    home = path.join(root, 'home');
    workspace = path.join(root, 'workspace');
    // An installed plugin from a GitHub marketplace, laid out as `claude plugin install` leaves it (see
    // docs/claude-code-plugins.md): a copy under plugins/cache, named in installed_plugins.json, enabled in settings.
    const installPath = path.join(home, '.claude', 'plugins', 'cache', 'market', 'helpers', '1.0.0');
    write(home, {
      '.claude/settings.json': JSON.stringify({ enabledPlugins: { 'helpers@market': true } }),
      '.claude/plugins/known_marketplaces.json': JSON.stringify({ market: { source: { source: 'github', repo: 'example/market' }, installLocation: path.join(home, '.claude', 'plugins', 'marketplaces', 'market') } }),
      '.claude/plugins/installed_plugins.json': JSON.stringify({ version: 2, plugins: { 'helpers@market': [{ scope: 'user', installPath, version: '1.0.0' }] } }),
      '.claude/agents/mine.md': '---\nname: helpers:fixer\ndescription: my own fixer\n---\nBody\n',
    });
    write(installPath, {
      '.claude-plugin/plugin.json': JSON.stringify({ name: 'helpers' }),
      'agents/fixer.md': '---\nname: fixer\ndescription: Fixes\n---\nBody\n',
      'agents/docs/writer.md': '---\nname: writer\ndescription: Writes\npermissionMode: plan\n---\nBody\n',
    });
    write(workspace, {
      'my-plugin/.claude-plugin/plugin.json': JSON.stringify({ name: 'mine' }),
      'my-plugin/agents/draft.md': '---\ndescription: no name yet\n---\nBody\n',
    });
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('names plugin agents plugin:agent and lints them by the plugin rules', async () => {
    const catalog = await discoverAgents({ workspaceFolders: [workspace], homeDirectory: home, claudeCodeProfile: oldest });
    const byName = new Map(catalog.entries().map((entry) => [entry.result.agent?.name, entry]));
    assert.deepEqual([...byName.keys()].sort(), ['helpers:docs:writer', 'helpers:fixer', 'mine:draft']);
    const draft = byName.get('mine:draft')!;
    assert.equal(draft.result.loads, true, 'a plugin agent without name loads under its file name');
    assert.equal(draft.folder.plugin?.installedId, undefined);
    const writer = byName.get('helpers:docs:writer')!;
    assert.equal(writer.folder.plugin?.installedId, 'helpers@market');
    assert.deepEqual(writer.result.diagnostics.map((diagnostic) => diagnostic.code), ['plugin/ignored-key']);
  });

  it('finds an installed plugin agent by its full name, and a user agent of that name wins over it', async () => {
    const catalog = await discoverAgents({ workspaceFolders: [workspace], homeDirectory: home, claudeCodeProfile: oldest });
    assert.equal(catalog.winner('helpers:docs:writer')?.folder.plugin?.installedId, 'helpers@market');
    assert.equal(catalog.winner('helpers:fixer')?.path, path.join(home, '.claude', 'agents', 'mine.md'));
    const plugin = catalog.entries().find((entry) => entry.folder.plugin && entry.result.agent?.name === 'helpers:fixer')!;
    assert.equal(plugin.shadowedBy, path.join(home, '.claude', 'agents', 'mine.md'));
    assert.equal(catalog.winner('mine:draft'), undefined, 'a plugin being written is not loaded by Claude Code');
  });

  it('keeps the installed plugin agent where the newest Claude Code skips a user agent named with `:`', async () => {
    const catalog = await discoverAgents({ workspaceFolders: [workspace], homeDirectory: home });
    assert.equal(catalog.winner('helpers:fixer')?.folder.plugin?.installedId, 'helpers@market');
    const mine = catalog.get(path.join(home, '.claude', 'agents', 'mine.md'));
    assert.equal(mine?.result.loads, false, 'the user agent named helpers:fixer is skipped');
  });

  it('leaves out a plugin that the settings disable', async () => {
    write(home, { '.claude/settings.json': JSON.stringify({ enabledPlugins: { 'helpers@market': false } }) });
    const catalog = await discoverAgents({ workspaceFolders: [workspace], homeDirectory: home });
    assert.ok(!catalog.entries().some((entry) => entry.folder.plugin?.installedId));
  });
});
