// Plugin agents in the catalog the extension shares: plugins being written in a workspace and installed ones, named
// plugin:agent, linted by the plugin rules, ranked below user and project agents (Claude Code 2.1.197).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { claudeCodeProfiles } from '../../../../src/engine/formats/claudeCode/profiles';
import { isAgentFileOf } from '../../../../src/engine/formats/agentFiles';
import { agentFilesOf, discoverAgents } from '../../../../src/node/catalogLoading';
import { readPluginFolder } from '../../../../src/node/plugins/pluginDiscovery';
import { unlistedAgentFile } from '../../../../src/engine/formats/claudeCode/plugins/pluginManifest';

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

  describe('a plugin.json that lists its agent files', () => {
    const listing = () => path.join(workspace, 'listing');
    beforeEach(() => write(listing(), {
      '.claude-plugin/plugin.json': JSON.stringify({ name: 'lister', agents: ['./custom/one.md', './deep/sub/two.md', './not-yet.md'] }, null, 2),
      'custom/one.md': '---\nname: one\ndescription: First\n---\nBody\n',
      'deep/sub/two.md': '---\ndescription: Second, named after its file\n---\nBody\n',
      // Claude Code does not scan agents/ when the manifest lists files.
      'agents/ignored.md': '---\nname: ignored\ndescription: Not loaded\n---\nBody\n',
    }));

    it('makes the listed files (and only those) the plugin\'s agents, named without their folders', async () => {
      const catalog = await discoverAgents({ workspaceFolders: [workspace], homeDirectory: home });
      const names = catalog.entries().filter((entry) => entry.folder.plugin?.name === 'lister').map((entry) => entry.result.agent?.name).sort();
      assert.deepEqual(names, ['lister:one', 'lister:two']);
      const folder = catalog.folderOf(path.join(listing(), 'custom', 'one.md'))!;
      assert.equal(folder.path, listing());
      assert.deepEqual(folder.files, ['custom/one.md', 'deep/sub/two.md', 'not-yet.md'].map((file) => path.join(listing(), file)));
      assert.equal(catalog.folderOf(path.join(listing(), 'agents', 'ignored.md')), undefined, 'agents/ beside a listing manifest is no agent folder');
      assert.equal(catalog.folderOf(path.join(listing(), 'custom', 'other.md')), undefined, 'an unlisted file beside a listed one is not an agent');
    });

    it('counts a listed file that does not exist yet once it appears', async () => {
      const catalog = await discoverAgents({ workspaceFolders: [workspace], homeDirectory: home });
      const later = path.join(listing(), 'not-yet.md');
      const folder = catalog.folderOf(later)!;
      assert.ok(isAgentFileOf(folder, later));
      assert.deepEqual((await agentFilesOf(folder)).map((file) => path.basename(file.path)), ['one.md', 'two.md']);
      fs.writeFileSync(later, '---\nname: later\ndescription: Came later\n---\nBody\n');
      assert.deepEqual((await agentFilesOf(folder)).map((file) => path.basename(file.path)), ['one.md', 'two.md', 'not-yet.md']);
      catalog.update(later, fs.readFileSync(later, 'utf8'));
      assert.equal(catalog.get(later)?.result.agent?.name, 'lister:later');
    });

    it('warns on plugin.json about a listed path that names nothing and about the agents/ files it leaves out', () => {
      const plugin = readPluginFolder(listing());
      const text = fs.readFileSync(path.join(listing(), '.claude-plugin', 'plugin.json'), 'utf8');
      const at = (diagnostic: { range: { start: { line: number; character: number } } }) => text.split('\n')[diagnostic.range.start.line].slice(diagnostic.range.start.character);
      assert.deepEqual(plugin.manifestDiagnostics.map((diagnostic) => [diagnostic.code, at(diagnostic).slice(0, 14)]),
        [['plugin/manifest-agent-missing', '"./not-yet.md"'], ['plugin/agents-folder-unused', '"agents": [']]);
      assert.match(plugin.manifestDiagnostics[1].message, /ignored\.md/);
    });

    it('says on a file of agents/ that the manifest leaves out that Claude Code does not load it', () => {
      const diagnostic = unlistedAgentFile('---\nname: ignored\n---\n', 'agents/ignored.md');
      assert.equal(diagnostic.code, 'plugin/agents-folder-unused');
      assert.deepEqual(diagnostic.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
      assert.match(diagnostic.message, /does not load this file.*`\.\/agents\/ignored\.md` is not among them/);
    });

    it('ranks duplicates as Claude Code does: the file listed last wins, the others are shadowed by it', async () => {
      write(listing(), { 'custom/again.md': '---\nname: one\ndescription: Again\n---\nBody\n' });
      write(listing(), { '.claude-plugin/plugin.json': JSON.stringify({ name: 'lister', agents: ['./custom/again.md', './custom/one.md'] }) });
      const catalog = await discoverAgents({ workspaceFolders: [workspace], homeDirectory: home });
      const again = catalog.get(path.join(listing(), 'custom', 'again.md'))!;
      const one = catalog.get(path.join(listing(), 'custom', 'one.md'))!;
      assert.equal(again.shadowedBy, one.path);
      assert.deepEqual(one.winsOver, [again.path]);
      assert.match(catalog.diagnostics(again.path).find((diagnostic) => diagnostic.code === 'agent/duplicate-name')!.message, /listed later in plugin\.json, which wins/);
    });

    it('calls duplicates in a scanned agents/ folder unpredictable (the winner changes between runs of Claude Code)', async () => {
      write(workspace, { 'my-plugin/agents/copy.md': '---\nname: draft\ndescription: A copy\n---\nBody\n' });
      const catalog = await discoverAgents({ workspaceFolders: [workspace], homeDirectory: home });
      const copy = catalog.get(path.join(workspace, 'my-plugin', 'agents', 'copy.md'))!;
      assert.deepEqual(copy.ambiguousWith, [path.join(workspace, 'my-plugin', 'agents', 'draft.md')]);
      assert.equal(copy.shadowedBy, undefined);
      assert.match(catalog.diagnostics(copy.path).find((diagnostic) => diagnostic.code === 'agent/duplicate-name')!.message, /same plugin.*changes from run to run/);
    });
  });
});
