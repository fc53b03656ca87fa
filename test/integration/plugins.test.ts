// Claude Code plugins in VS Code: a plugin being written in the workspace gets the plugin loader's verdicts and their
// quick fixes; a plugin installed by the real CLI (runCodeServer installs one, see test/support/installedPluginFixture)
// has its own group in the Agents view with read-only rows named plugin:agent.
import * as assert from 'node:assert/strict';
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

    const fix = await codeAction(uri, ignored.range, vscode.CodeActionKind.QuickFix, (action) => action.title === 'Remove `permissionMode`');
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
});
