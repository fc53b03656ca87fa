// The walk the extension's catalog shares with the command line is bounded (issue 14): through symlinks it never enters
// /proc, /sys or /dev nor a real folder twice, and special files named *.md are listed as unreadable, never opened.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverAgents } from '../../../src/node/catalogLoading';
import { agentFilesBelow, findAgentFiles } from '../../../src/node/discovery';
import { listPluginAgentFiles } from '../../../src/node/plugins/pluginDiscovery';
import { isAgentFileOf } from '../../../src/engine/formats/agentFiles';

describe('agent folder walk bounds', () => {
  let project: string;
  let agents: string;

  beforeEach(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-studio-walk-'));
    agents = path.join(project, '.claude', 'agents');
    fs.mkdirSync(path.join(project, 'shared'), { recursive: true });
    fs.mkdirSync(agents, { recursive: true });
    fs.writeFileSync(path.join(agents, 'good.md'), '---\nname: good\ndescription: d\n---\n');
    fs.writeFileSync(path.join(project, 'shared', 'other.md'), '---\nname: other\ndescription: d\n---\n');
    for (const [name, target] of [['proc', '/proc'], ['self', '/proc/self'], ['sys', '/sys'], ['dev', '/dev'], ['first', path.join(project, 'shared')], ['second', path.join(project, 'shared')], ['loop', agents]]) {
      fs.symlinkSync(target, path.join(agents, name));
    }
    fs.symlinkSync(path.join(project, 'missing.md'), path.join(agents, 'gone.md'));
    if (process.platform !== 'win32') assert.equal(spawnSync('mkfifo', [path.join(agents, 'pipe.md')]).status, 0);
  });

  afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

  it('lists each real file once, outside the kernel\'s folders, special files as unreadable', async () => {
    const found = await findAgentFiles({ path: agents, scope: 'project', format: 'claude-code', project, recursive: true });
    const relative = (file: { path: string }) => path.relative(agents, file.path);
    assert.deepEqual(found.filter((file) => !file.unreadable).map(relative), ['first/other.md', 'good.md']);
    assert.deepEqual(found.filter((file) => file.unreadable).map((file) => [relative(file), file.unreadable]), [
      ['gone.md', 'it is a symbolic link to nothing'],
      ...(process.platform === 'win32' ? [] : [['pipe.md', 'it is a named pipe (FIFO), not a regular file']]),
    ]);
  });

  it('is the one walk of project, user and plugin folders: the same bounds, the file names each reads', () => {
    fs.writeFileSync(path.join(agents, 'LOUD.MD'), '---\nname: loud\ndescription: d\n---\n');
    const walked = (isAgentFile: (name: string) => boolean, recursive = true) =>
      [...agentFilesBelow(agents, { recursive, isAgentFile })].flatMap((file) => (file ? [[file.relativePath, file.unreadable ?? 'readable']] : [])).sort();
    const pipe = process.platform === 'win32' ? [] : [['pipe.md', 'it is a named pipe (FIFO), not a regular file']];
    assert.deepEqual(walked((name) => name.endsWith('.md')), [['first/other.md', 'readable'], ['gone.md', 'it is a symbolic link to nothing'], ['good.md', 'readable'], ...pipe].sort());
    assert.deepEqual(walked((name) => /\.md$/i.test(name), false).map(([name]) => name), ['LOUD.MD', 'gone.md', 'good.md', ...pipe.map(([name]) => name)].sort());
    // A plugin's agents folder: any case, through the same bounds (no /proc, each real folder once), readable files only.
    assert.deepEqual(listPluginAgentFiles(agents).map((file) => file.relativePath), ['LOUD.MD', 'first/other.md', 'good.md']);
  });

  it('reads `.MD` in any case in a plugin\'s agents folder, as the plugin loader does, and only `.md` in a project\'s', async () => {
    fs.writeFileSync(path.join(agents, 'LOUD.MD'), '---\nname: loud\ndescription: d\n---\n');
    const readable = async (scope: 'project' | 'plugin') => (await findAgentFiles({ path: agents, scope, format: 'claude-code', project, recursive: true }))
      .filter((file) => !file.unreadable).map((file) => path.relative(agents, file.path)).sort();
    assert.deepEqual(await readable('project'), ['first/other.md', 'good.md']);
    assert.deepEqual(await readable('plugin'), ['LOUD.MD', 'first/other.md', 'good.md']);
    const plugin = { path: agents, scope: 'plugin' as const, format: 'claude-code' as const, recursive: true, plugin: { name: 'p', root: project, loads: true } };
    assert.equal(isAgentFileOf(plugin, path.join(agents, 'LOUD.MD')), true);
    assert.equal(isAgentFileOf({ ...plugin, scope: 'project', plugin: undefined }, path.join(agents, 'LOUD.MD')), false);
  });

  it('gives the catalog only the files it can read', async () => {
    const catalog = await discoverAgents({ workspaceFolders: [project], homeDirectory: path.join(project, 'no-home') });
    assert.deepEqual(catalog.entries().map((entry) => path.relative(agents, entry.path)).sort(), ['first/other.md', 'good.md']);
  });
});
