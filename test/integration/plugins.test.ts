// Claude Code plugins in VS Code: a plugin being written in the workspace gets the plugin loader's verdicts and their
// quick fixes; a plugin installed by the real CLI (runCodeServer installs one, see test/support/installedPluginFixture)
// has its own group in the Agents view with read-only rows named plugin:agent. A plugin whose plugin.json lists its
// agent files (`plugin-listed`) has exactly those files as agents, its manifest checked against the disk, live.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { agentStudioApi, closeAllEditors, codeAction, codeOf, inWorkspace, showWithDiagnostics, untilDiagnostics, until } from './agentStudio';
import { takeScreenshot } from './workbenchBrowser';

describe('Claude Code plugins', () => {
  afterEach(closeAllEditors);

  it('checks an agent of a plugin being written by the plugin rules, and its quick fix removes the ignored key', async function () {
    // A bound, not a pause: the first Markdown file of the window waits for VS Code's Markdown server (see codeAction).
    this.timeout(120_000);
    await agentStudioApi();
    const uri = vscode.Uri.file(inWorkspace('plugin-dev', 'agents', 'auditor.md'));
    const diagnostics = await showWithDiagnostics(uri);
    // A name starting with `-` skips a .claude/agents file, but the plugin loader accepts it: no error here.
    assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error).map(codeOf), []);
    const ignored = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'plugin/ignored-key');
    assert.ok(ignored, `plugin/ignored-key among ${diagnostics.map(codeOf).join(', ')}`);
    assert.equal(ignored.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(ignored.message, /ignores `permissionMode` in plugin agents/);

    const fix = await codeAction(uri, ignored.range, vscode.CodeActionKind.QuickFix, (action) => action.title === "Remove 'permissionMode'");
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)), 'the fix applies');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.doesNotMatch(document.getText(), /permissionMode/);
    assert.match(document.getText(), /^---\nname: -auditor\ndescription: .*\ntools: Read, Grep\n---\n/);
    await untilDiagnostics(uri, (current) => !current.some((diagnostic) => codeOf(diagnostic) === 'plugin/ignored-key'), 'the ignored-key warning to go');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('shows the plugin being written as its own group, its agent under the plugin:agent name', async () => {
    const api = await agentStudioApi();
    const group = api.agentsView.snapshot().find((candidate) => candidate.label === 'Plugin dev-kit (in this workspace)');
    assert.ok(group, `groups: ${api.agentsView.snapshot().map((candidate) => candidate.label).join(', ')}`);
    assert.deepEqual(group.children.map((row) => [row.label, row.contextValue]), [['dev-kit:-auditor', 'agentFile.loaded']]);
  });

  it('renames a plugin agent by its own name: the namespace stays out of its name and body', async () => {
    const api = await agentStudioApi();
    const source = inWorkspace('plugin-dev', 'agents', 'rename-me.md');
    const target = inWorkspace('plugin-dev', 'agents', 'renamed-one.md');
    fs.writeFileSync(source, '---\nname: rename-me\ndescription: Renamed by the test.\n---\n\nYou are rename-me.\n');
    try {
      const item = await until(api.agentsView.onDidChangeTreeData, () => api.agentsView.itemFor(source), 'the plugin agent\'s row');
      assert.equal(item.label, 'dev-kit:rename-me');
      const renamed = await vscode.commands.executeCommand<vscode.Uri | undefined>('agentStudio.renameAgent', item, 'renamed-one', true);
      assert.equal(renamed?.fsPath, target);
      assert.equal(fs.readFileSync(target, 'utf8'), '---\nname: renamed-one\ndescription: Renamed by the test.\n---\n\nYou are renamed-one.\n');
    } finally {
      await closeAllEditors();
      fs.rmSync(source, { force: true });
      fs.rmSync(target, { force: true });
    }
  });

  it('shows an installed plugin\'s agents in a group of their own, read-only, named plugin:agent; a click opens the file', async () => {
    const api = await agentStudioApi();
    const group = await until(api.agentsView.onDidChangeTreeData, () => api.agentsView.snapshot().find((candidate) => candidate.label === 'Plugin review-kit'), 'the installed plugin\'s group');
    assert.equal(group.description, 'review-kit@agent-studio-plugins');
    assert.equal(group.children.length, 1);
    const [row] = group.children;
    assert.equal(row.label, 'review-kit:reviewer');
    // Not `agentFile.*`: rename, duplicate and delete are not offered for a file Claude Code's plugin install owns.
    assert.equal(row.contextValue, 'pluginAgentFile.loaded');
    assert.match(row.description, /^Reviews a change for bugs/);

    const item = api.agentsView.itemFor(row.path);
    assert.ok(item?.command, 'the row has a command');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, row.path);
    await api.agentsTreeView.reveal(item, { select: true, focus: true });
    await takeScreenshot('agents-view-plugins');
  });

  describe('a plugin.json that lists its agent files', () => {
    const manifest = () => vscode.Uri.file(inWorkspace('plugin-listed', '.claude-plugin', 'plugin.json'));
    const listed = (name: string) => vscode.Uri.file(inWorkspace('plugin-listed', 'roles', name));
    const listKit = (api: Awaited<ReturnType<typeof agentStudioApi>>) => api.agentsView.snapshot().find((candidate) => candidate.label === 'Plugin list-kit (in this workspace)');

    it('checks a listed file by the plugin rules, with quick fixes, and leaves agents/ beside the manifest alone', async function () {
      this.timeout(120_000);
      const api = await agentStudioApi();
      const uri = listed('planner.md');
      const diagnostics = await showWithDiagnostics(uri);
      const ignored = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'plugin/ignored-key');
      assert.ok(ignored, `plugin/ignored-key among ${diagnostics.map(codeOf).join(', ')}`);
      const fix = await codeAction(uri, ignored.range, vscode.CodeActionKind.QuickFix, (action) => action.title === "Remove 'permissionMode'");
      assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)), 'the fix applies');
      await untilDiagnostics(uri, (current) => !current.some((diagnostic) => codeOf(diagnostic) === 'plugin/ignored-key'), 'the ignored-key warning to go');
      await vscode.commands.executeCommand('workbench.action.files.revert');
      // Claude Code does not load agents/ when the manifest lists files: no agent folder, so no agent diagnostics; the
      // one warning there says why.
      const stray = vscode.Uri.file(inWorkspace('plugin-listed', 'agents', 'stray.md'));
      assert.equal(api.catalog.agentFolderOf(stray), undefined);
      const strayDiagnostics = await showWithDiagnostics(stray);
      assert.deepEqual(strayDiagnostics.map(codeOf), ['plugin/agents-folder-unused']);
      assert.match(strayDiagnostics[0].message, /Claude Code does not load this file.*`\.\/agents\/stray\.md` is not among them/);
      assert.equal(api.catalog.agentFolderOf(uri)?.plugin?.name, 'list-kit');
      // Hovers answer in a listed file as in any agent file.
      const document = await vscode.workspace.openTextDocument(uri);
      const line = document.getText().split('\n').findIndex((text) => text.startsWith('description:'));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 2));
      assert.match(hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : content.value)).join('\n'), /\*\*description\*\*/);
    });

    it('shows the listed files under the plugin, the duplicate name with the file Claude Code uses (the one listed last)', async () => {
      const api = await agentStudioApi();
      const group = listKit(api);
      assert.ok(group, `groups: ${api.agentsView.snapshot().map((candidate) => candidate.label).join(', ')}`);
      assert.deepEqual(group.children.map((row) => [row.label, row.contextValue, row.description.split(' · ').slice(0, 2).join(' · ')]).sort(), [
        // `pluginAgentFile`: no Rename, Duplicate or Delete, which the manifest's list would not follow.
        ['list-kit:planner', 'pluginAgentFile.loaded', 'roles/ · wins over roles/planner.md'],
        ['list-kit:planner', 'pluginAgentFile.shadowed', 'roles/ · shadowed by roles/planner-copy.md'],
      ]);
      await takeScreenshot('agents-view-listed-plugin');
    });

    it('warns on plugin.json about a listed path that names nothing and about agents/ files it leaves out, live as files come and go', async function () {
      this.timeout(60_000);
      const api = await agentStudioApi();
      const diagnostics = await untilDiagnostics(manifest(), (current) => current.some((diagnostic) => codeOf(diagnostic) === 'plugin/manifest-agent-missing'), 'the missing-file warning');
      const document = await vscode.workspace.openTextDocument(manifest());
      const missing = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'plugin/manifest-agent-missing')!;
      assert.equal(missing.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(document.getText(missing.range), '"./roles/reviewer.md"');
      const unused = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'plugin/agents-folder-unused');
      assert.ok(unused, `plugin/agents-folder-unused among ${diagnostics.map(codeOf).join(', ')}`);
      assert.equal(document.getText(unused.range), '"agents"');
      assert.match(unused.message, /stray\.md/);

      const reviewer = listed('reviewer.md');
      fs.writeFileSync(reviewer.fsPath, '---\nname: reviewer\ndescription: Reviews a change.\n---\nYou review.\n');
      try {
        await untilDiagnostics(manifest(), (current) => !current.some((diagnostic) => codeOf(diagnostic) === 'plugin/manifest-agent-missing'), 'the warning to go once the file exists');
        await until(api.agentsView.onDidChangeTreeData, () => listKit(api)?.children.find((row) => row.label === 'list-kit:reviewer'), 'the new listed agent\'s row');
      } finally {
        fs.rmSync(reviewer.fsPath, { force: true });
      }
      await untilDiagnostics(manifest(), (current) => current.some((diagnostic) => codeOf(diagnostic) === 'plugin/manifest-agent-missing'), 'the warning back once the file is gone');
      await until(api.agentsView.onDidChangeTreeData, () => (listKit(api)?.children.some((row) => row.label === 'list-kit:reviewer') ? undefined : true), 'the row to go');
    });

    it('follows edits of the list: a file taken out of plugin.json leaves the view, and the manifest\'s warnings follow the live text', async function () {
      this.timeout(60_000);
      const api = await agentStudioApi();
      const editor = await vscode.window.showTextDocument(manifest());
      const original = editor.document.getText();
      try {
        const text = original.replace('"./roles/planner.md", ', '');
        await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(original.length)), text));
        // While typing: from the live text (the missing path is still listed; nothing else changed).
        await untilDiagnostics(manifest(), (current) => current.some((diagnostic) => codeOf(diagnostic) === 'plugin/manifest-agent-missing' && editor.document.getText(diagnostic.range) === '"./roles/reviewer.md"'), 'live diagnostics');
        await editor.document.save();
        const group = await until(api.agentsView.onDidChangeTreeData, () => {
          const current = listKit(api);
          return current && current.children.length === 1 ? current : undefined;
        }, 'the view to drop the file taken out of the list');
        assert.deepEqual(group.children.map((row) => [row.label, row.contextValue]), [['list-kit:planner', 'pluginAgentFile.loaded']]);
        assert.equal(api.catalog.agentFolderOf(listed('planner.md')), undefined, 'no longer an agent file');
      } finally {
        await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length)), original));
        await editor.document.save();
      }
      await until(api.agentsView.onDidChangeTreeData, () => (listKit(api)?.children.length === 2 ? true : undefined), 'both rows back');
    });
  });
});
