// Discovery and the catalog over real folders: where agents live, which definition wins, incremental updates.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addFile, discoverAgents } from '../../../src/node/catalogLoading';
import { claudeCodeProfiles } from '../../../src/engine/formats/claudeCode/profiles';

const agent = (name: string, extra = '') => `---\nname: ${name}\ndescription: ${name} does things\n${extra}---\nBody of ${name}.\n`;

describe('discovery and the agent catalog', () => {
  let root: string;
  let project: string;
  let home: string;

  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-studio-catalog-'));
    project = path.join(root, 'project');
    home = path.join(root, 'home');
    write(path.join(project, '.claude', 'agents', 'reviewer.md'), agent('reviewer'));
    write(path.join(project, '.claude', 'agents', 'team', 'deep', 'tester.md'), agent('tester', 'model: haiku\ncolor: green\n'));
    write(path.join(project, '.claude', 'agents', '.hidden.md'), agent('hidden'));
    write(path.join(project, '.claude', 'agents', 'README.md'), '# Agents of this project\n');
    write(path.join(project, '.claude', 'agents', 'notes.txt'), agent('not-markdown'));
    write(path.join(project, '.claude', 'agents', 'UPPER.MD'), agent('upper-case-extension'));
    write(path.join(project, '.github', 'agents', 'planner.agent.md'), '---\ndescription: Plans\n---\n');
    write(path.join(home, '.claude', 'agents', 'reviewer.md'), agent('reviewer'));
    write(path.join(home, '.claude', 'agents', 'personal.md'), agent('personal'));
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds every *.md at any depth, hidden ones too, and nothing else, like Claude Code', async () => {
    const catalog = await discoverAgents({ workspaceFolders: [project], homeDirectory: home });
    const names = catalog.entries().filter((entry) => entry.result.loads).map((entry) => `${entry.folder.scope}:${entry.result.agent!.name}`).sort();
    assert.deepEqual(names, ['project:hidden', 'project:planner', 'project:reviewer', 'project:tester', 'user:personal', 'user:reviewer']);
    const readme = catalog.entries().find((entry) => entry.path.endsWith('README.md'))!;
    assert.equal(readme.result.loads, false);
    assert.deepEqual(catalog.diagnostics(readme.path), [], 'a README without front matter is documentation');
    const tester = catalog.entries().find((entry) => entry.result.agent?.name === 'tester')!;
    assert.deepEqual({ model: tester.result.agent!.model, color: tester.result.agent!.color }, { model: 'haiku', color: 'green' });
  });

  it('lets the project definition win over the user one, and says so', async () => {
    const catalog = await discoverAgents({ workspaceFolders: [project], homeDirectory: home });
    const projectReviewer = path.join(project, '.claude', 'agents', 'reviewer.md');
    const userReviewer = path.join(home, '.claude', 'agents', 'reviewer.md');
    assert.equal(catalog.winner('reviewer', 'claude-code', project)?.path, projectReviewer);
    assert.equal(catalog.get(userReviewer)!.shadowedBy, projectReviewer);
    const [shadowed] = catalog.diagnostics(userReviewer);
    assert.equal(shadowed.code, 'agent/shadowed');
    assert.deepEqual(shadowed.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 14 } }, 'on the name value');
    assert.deepEqual(catalog.relationDiagnostics(userReviewer), [shadowed]);
    assert.deepEqual(catalog.diagnostics(projectReviewer), []);
  });

  for (const profile of claudeCodeProfiles) {
    const byPath = profile.loader.duplicateNameWinner === 'last-path';
    it(`${byPath ? 'names the file that wins' : 'marks two definitions in one folder tree as ambiguous'} under Claude Code ${profile.version}`, async () => {
      // `copy/...` sorts before `reviewer.md` (`c` < `r`), so `reviewer.md` is the last path and wins.
      const again = path.join(project, '.claude', 'agents', 'copy', 'reviewer-again.md');
      const first = path.join(project, '.claude', 'agents', 'reviewer.md');
      write(again, agent('reviewer'));
      const catalog = await discoverAgents({ workspaceFolders: [project], homeDirectory: home, claudeCodeProfile: profile });
      const [duplicate] = catalog.diagnostics(first);
      assert.equal(duplicate?.code, 'agent/duplicate-name');
      assert.deepEqual(catalog.diagnostics(again).map((diagnostic) => diagnostic.code), ['agent/duplicate-name']);
      if (byPath) {
        assert.match(duplicate.message, new RegExp(`Claude Code ${profile.version.replaceAll('.', '\\.')} uses this file`));
        assert.match(catalog.diagnostics(again)[0].message, /reviewer\.md \(same folder\), which wins/);
        assert.equal(catalog.winner('reviewer', 'claude-code', project)?.path, first);
      } else {
        assert.match(duplicate.message, /listing order/);
        assert.equal(catalog.winner('reviewer', 'claude-code', project), undefined);
      }
    });
  }

  it('updates one file and re-ranks only its namesakes', async () => {
    const catalog = await discoverAgents({ workspaceFolders: [project], homeDirectory: home });
    const projectReviewer = path.join(project, '.claude', 'agents', 'reviewer.md');
    const userReviewer = path.join(home, '.claude', 'agents', 'reviewer.md');
    const renamed = catalog.update(projectReviewer, agent('critic'));
    assert.deepEqual(renamed.changed.sort(), [projectReviewer, userReviewer].sort());
    assert.equal(catalog.get(userReviewer)!.shadowedBy, undefined);
    assert.equal(catalog.winner('reviewer')?.path, userReviewer);
    const removed = catalog.remove(projectReviewer);
    assert.deepEqual(removed.removed, [projectReviewer]);
    assert.equal(catalog.get(projectReviewer), undefined);
    fs.writeFileSync(projectReviewer, '---\nname: reviewer\n---\n');
    await addFile(catalog, projectReviewer);
    assert.equal(catalog.get(projectReviewer)!.result.loads, false, 'a file without description is skipped');
    assert.equal(catalog.get(userReviewer)!.shadowedBy, undefined, 'a skipped file shadows nothing');
  });

  it('ignores paths outside agent folders', async () => {
    const catalog = await discoverAgents({ workspaceFolders: [project], homeDirectory: home });
    assert.deepEqual(catalog.update(path.join(project, 'docs', 'guide.md'), agent('guide')), { changed: [], removed: [] });
    assert.deepEqual(catalog.update(path.join(project, '.github', 'agents', 'sub', 'x.agent.md'), agent('x')), { changed: [], removed: [] }, 'Copilot reads .github/agents flat');
  });

  it('ends on symlink loops and follows links to files', async () => {
    const agents = path.join(project, '.claude', 'agents');
    fs.symlinkSync(agents, path.join(agents, 'loop'));
    fs.symlinkSync(path.join(home, '.claude', 'agents', 'personal.md'), path.join(agents, 'linked.md'));
    fs.symlinkSync(path.join(root, 'nowhere.md'), path.join(agents, 'broken.md'));
    const catalog = await discoverAgents({ workspaceFolders: [project], homeDirectory: home });
    assert.ok(catalog.entries().some((entry) => entry.path === path.join(agents, 'linked.md') && entry.result.loads));
    assert.equal(catalog.entries().filter((entry) => entry.path.includes(`${path.sep}loop${path.sep}`)).length, 0);
  });

  it('reports a file over 1 MiB without reading it', async () => {
    const big = path.join(project, '.claude', 'agents', 'big.md');
    write(big, agent('big') + 'x'.repeat(1_048_577));
    const catalog = await discoverAgents({ workspaceFolders: [project], homeDirectory: home });
    assert.deepEqual(catalog.diagnostics(big).map((diagnostic) => diagnostic.code), ['agent/file-too-large']);
  });
});
