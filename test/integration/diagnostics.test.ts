// Diagnostics while typing, their quick fixes, and which files get none.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { diagnosticDocLine } from '../../src/engine/lint/docs';
import { lintAgentFile } from '../../src/engine/lint/lint';
import type { AgentStudioApi } from '../../src/extension';
import { agentPath, agentStudioApi, closeAllEditors, codeAction, codeOf, diagnosticsOf, inWorkspace, untilDiagnostics } from './agentStudio';
import { loadedAgentNames } from '../support/claudeCli';
import { claudeBinary } from './invocationKit';
import { browserAvailable, takeScreenshot, visibleText } from './workbenchBrowser';

const errorsOf = (diagnostics: vscode.Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error);

describe('diagnostics and quick fixes', () => {
  let api: AgentStudioApi;

  before(async () => {
    api = await agentStudioApi();
  });

  afterEach(closeAllEditors);

  it('reports problems of agent files that are not open, linked to their documentation', async () => {
    const diagnostics = diagnosticsOf(vscode.Uri.file(agentPath('broken-missing-description.md')));
    assert.equal(diagnostics.length, 1);
    const [missing] = diagnostics;
    assert.equal(codeOf(missing), 'agent/missing-description');
    assert.equal(missing.source, 'agent-studio');
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Error);
    // The link opens docs/diagnostics.md shipped in the extension, at the code's own section.
    assert.ok(typeof missing.code === 'object');
    assert.equal(missing.code.target.path.endsWith('/docs/diagnostics.md'), true, missing.code.target.toString());
    assert.equal(missing.code.target.fragment, `L${diagnosticDocLine('agent/missing-description')}`);
    const section = (await vscode.workspace.fs.readFile(missing.code.target.with({ fragment: '' }))).toString().split('\n')[diagnosticDocLine('agent/missing-description')! - 1];
    assert.equal(section, '## agent/missing-description');
  });

  it('raises an error within a second of typing a line that makes Claude Code skip the file; the preferred fix removes it', async () => {
    const path = agentPath('typing-breaks-description.md');
    fs.copyFileSync(inWorkspace('cases', 'typing-breaks-description.md'), path);
    const uri = vscode.Uri.file(path);
    const editor = await vscode.window.showTextDocument(uri);
    await untilDiagnostics(uri, (diagnostics) => diagnostics.length === 0, 'the valid agent to have no problems');

    const typedAt = Date.now();
    // An unindented line after a plain description: YAML reads it as a broken key, so Claude Code skips the file.
    await editor.edit((builder) => builder.insert(new vscode.Position(3, 0), 'Use it before tagging a release.\n'));
    const [error] = errorsOf(await untilDiagnostics(uri, (diagnostics) => errorsOf(diagnostics).length > 0, 'an error after typing', 1_000));
    assert.ok(Date.now() - typedAt < 1_000);
    assert.equal(codeOf(error), 'agent/yaml-syntax');
    const typed = editor.document.getText();

    const preferred = await codeAction(uri, error.range, vscode.CodeActionKind.QuickFix, (action) => action.isPreferred === true);
    assert.ok(preferred.edit);
    assert.equal(preferred.title, 'Turn the description into a \'|\' block');
    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    await untilDiagnostics(uri, (diagnostics) => errorsOf(diagnostics).length === 0, 'the error to go');
    assert.equal(lintAgentFile(editor.document.getText(), { path }).loads, true, 'the engine says Claude Code loads it');
    // And the real CLI agrees, before and after: the typed line made it skip the file, the fix makes it load it again.
    const loadedBy = (text: string) => loadedAgentNames([{ relativePath: 'release-notes.md', content: text }], { binary: claudeBinary() });
    assert.deepEqual(await loadedBy(editor.document.getText()), ['release-notes']);
    assert.deepEqual(await loadedBy(typed), []);
    assert.match(editor.document.getText(), /^description: \|\n  Drafts release notes from merged pull requests\.\n  Use it before tagging a release\.\n/m);

    await editor.document.save();
    await vscode.workspace.fs.delete(uri);
    await untilDiagnostics(uri, (diagnostics) => diagnostics.length === 0, 'the deleted file\'s diagnostics to go');
  });

  it('fixes all agent problems at once with source.fixAll.agentStudio', async () => {
    const uri = vscode.Uri.file(agentPath('broken-unindented-example.md'));
    const editor = await vscode.window.showTextDocument(uri);
    const fixAllKind = vscode.CodeActionKind.SourceFixAll.append('agentStudio');
    const fixAll = await codeAction(uri, new vscode.Range(0, 0, 0, 0), fixAllKind, (action) => action.kind?.value === fixAllKind.value);
    assert.ok(fixAll.edit);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.equal(lintAgentFile(editor.document.getText(), { path: uri.fsPath }).loads, true);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('leaves Markdown outside the agent folders alone', async () => {
    const outside = vscode.Uri.file(inWorkspace('notes', 'outside-agent-folders.md'));
    await vscode.window.showTextDocument(outside);
    // Open events are handled in order: once the agent file opened next has its diagnostics, the note was handled too.
    const agent = vscode.Uri.file(agentPath('broken-missing-description.md'));
    await vscode.window.showTextDocument(agent);
    await untilDiagnostics(agent, (diagnostics) => diagnostics.length === 1, 'the agent file\'s diagnostics');
    assert.deepEqual(vscode.languages.getDiagnostics(outside).filter((diagnostic) => diagnostic.source === 'agent-studio'), []);
    assert.deepEqual(diagnosticsOf(vscode.Uri.file(agentPath('README.md'))), []);
  });

  it('shows an agent file with a diagnostic and its hover (screenshot)', async () => {
    const uri = vscode.Uri.file(agentPath('broken-unindented-example.md'));
    const editor = await vscode.window.showTextDocument(uri);
    const [error] = await untilDiagnostics(uri, (diagnostics) => errorsOf(diagnostics).length > 0, 'the error');
    editor.selection = new vscode.Selection(error.range.start.translate(0, 1), error.range.start.translate(0, 1));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.selection.active);
    assert.ok(Array.isArray(hovers));
    // The hover shows only in the focused editor, wherever an earlier test left the focus.
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('editor.action.showHover');
    if (browserAvailable()) {
      // The hover as the user sees it: its text is the diagnostic's, with the code that links to the docs.
      assert.match(await visibleText('.monaco-hover:has-text("agent/yaml-syntax")'), /the description goes on over lines that are not indented/);
    }
    await takeScreenshot('agent-file-diagnostic-hover');
    assert.ok(api.catalog.current.get(uri.fsPath));
  });
});
