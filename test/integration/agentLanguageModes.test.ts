// Agent files in the language VS Code opens them in (Markdown before ~1.110; its own Agent mode, `chatagent`, since),
// with each editor feature used as a person does: typing and Ctrl+Space, hovering, Ctrl+., the command palette, the
// lens above the front matter, all through the rendered workbench.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { lintAgentFile } from '../../src/core/lint';
import { agentFileLanguages } from '../../src/features/agentFileSelector';
import { agentPath, agentStudioApi, closeAllEditors, inWorkspace, until, untilDiagnostics } from './agentStudio';
import { browserAvailable, click, pressKey, takeScreenshot, typeText, visibleQuickPick, visibleText, visibleTexts } from './workbenchBrowser';

/**
 * The language each kind of agent file opens in, as seen in each VS Code the tests run in (by minor version). A VS Code
 * added to scripts/vscode-versions.json needs its row, looked at in that VS Code, not guessed.
 */
const languagesSeen: Record<string, { claudeAgent: string; copilotAgent: string }> = {
  '1.100': { claudeAgent: 'markdown', copilotAgent: 'markdown' },
  '1.139': { claudeAgent: 'chatagent', copilotAgent: 'chatagent' },
};

function expectedLanguages(): { claudeAgent: string; copilotAgent: string } {
  const minor = vscode.version.split('.').slice(0, 2).join('.');
  const seen = languagesSeen[minor];
  assert.ok(seen, `no row for VS Code ${vscode.version} in languagesSeen: open an agent file in it and record its language id`);
  return seen;
}

const errorsOf = (diagnostics: vscode.Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error);

/** A copy of a fixture agent under a new name, opened in an editor that has the keyboard focus. */
async function openCopy(fixture: string, copyName: string): Promise<vscode.TextEditor> {
  const copy = agentPath(copyName);
  fs.copyFileSync(agentPath(fixture), copy);
  copies.push(copy);
  const editor = await vscode.window.showTextDocument(vscode.Uri.file(copy));
  assert.equal(editor.document.languageId, expectedLanguages().claudeAgent, 'the language VS Code opens a Claude Code agent in');
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  return editor;
}

const copies: string[] = [];

function lineStartingWith(document: vscode.TextDocument, prefix: string): number {
  const line = document.getText().split('\n').findIndex((text) => text.startsWith(prefix));
  assert.ok(line >= 0, `a line starting with ${prefix}`);
  return line;
}

describe(`agent files in VS Code ${vscode.version}'s own language for them`, () => {
  before(agentStudioApi);
  afterEach(async () => {
    await pressKey('Escape').catch(() => undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closeAllEditors();
    for (const copy of copies.splice(0)) fs.rmSync(copy, { force: true });
  });

  it('opens Claude Code and Copilot agents in a language the features are registered for', async () => {
    const expected = expectedLanguages();
    const claude = await vscode.workspace.openTextDocument(vscode.Uri.file(agentPath('code-reviewer.md')));
    const copilot = await vscode.workspace.openTextDocument(vscode.Uri.file(inWorkspace('.github', 'agents', 'planner.agent.md')));
    assert.deepEqual({ claudeAgent: claude.languageId, copilotAgent: copilot.languageId }, expected);
    for (const languageId of [claude.languageId, copilot.languageId]) assert.ok((agentFileLanguages as readonly string[]).includes(languageId), `${languageId} is in the agent file selector`);
    // Each feature answers in that language: the selector is what every registration shares.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', claude.uri, new vscode.Position(lineStartingWith(claude, 'model:'), 1));
    assert.ok(hovers.some((hover) => hover.contents.some((content) => (typeof content === 'string' ? content : content.value).includes('The model the agent runs on'))));
  });

  it('completes a key only Claude Code knows, typed with Ctrl+Space, once', async function () {
    if (!browserAvailable()) this.skip();
    const editor = await openCopy('backend-specialist.md', 'language-mode-completion.md');
    const line = lineStartingWith(editor.document, 'model:');
    await editor.edit((builder) => builder.insert(new vscode.Position(line, 0), '\n'));
    editor.selection = new vscode.Selection(line, 0, line, 0);
    await typeText('isol');
    await pressKey('Control+Space');
    const labels = await visibleTexts('.suggest-widget.visible .monaco-list-row .label-name');
    assert.ok(labels.includes('isolation'), `isolation in ${labels.join(', ')}`);
    assert.equal(labels.filter((label) => label === 'isolation').length, 1, `offered once: ${labels.join(', ')}`);
    await takeScreenshot('agent-mode-completion');
    await click('.suggest-widget.visible .monaco-list-row:has(.label-name:text-is("isolation"))');
    await until(vscode.workspace.onDidChangeTextDocument, () => editor.document.lineAt(line).text.startsWith('isolation:') || undefined, 'the accepted completion in the text');
  });

  it('documents a key on hover beside whatever VS Code shows', async function () {
    if (!browserAvailable()) this.skip();
    const editor = await openCopy('backend-specialist.md', 'language-mode-hover.md');
    const position = new vscode.Position(lineStartingWith(editor.document, 'model:'), 2);
    editor.selection = new vscode.Selection(position, position);
    await vscode.commands.executeCommand('editor.action.showHover');
    assert.match(await visibleText('.monaco-hover:has-text("The model the agent runs on")'), /`?inherit`? for the calling conversation's model/);
    await takeScreenshot('agent-mode-model-hover');
  });

  it('offers the agent quick fix on Ctrl+. and applies it', async function () {
    if (!browserAvailable()) this.skip();
    const editor = await openCopy('broken-unindented-example.md', 'language-mode-quick-fix.md');
    const [error] = errorsOf(await untilDiagnostics(editor.document.uri, (diagnostics) => errorsOf(diagnostics).length > 0, 'the error for unindented example lines'));
    editor.selection = new vscode.Selection(error.range.start, error.range.start);
    await pressKey('Control+.');
    const titles = await visibleTexts('.action-widget .monaco-list-row.action');
    assert.ok(titles.some((title) => title.includes('Turn the description into a `|` block')), titles.join(' / '));
    await takeScreenshot('agent-mode-quick-fix');
    await click('.action-widget .monaco-list-row.action:has-text("Turn the description into a")');
    await untilDiagnostics(editor.document.uri, (diagnostics) => errorsOf(diagnostics).length === 0, 'the error to go after the fix');
    assert.equal(lintAgentFile(editor.document.getText(), { path: editor.document.uri.fsPath }).loads, true);
  });

  it('fixes all agent problems from the command palette\'s Fix All', async function () {
    if (!browserAvailable()) this.skip();
    const editor = await openCopy('broken-unindented-example.md', 'language-mode-fix-all.md');
    await untilDiagnostics(editor.document.uri, (diagnostics) => errorsOf(diagnostics).length > 0, 'the error for unindented example lines');
    await pressKey('F1');
    await typeText('Fix All');
    const palette = await visibleQuickPick();
    assert.ok(palette.rows.some((row) => row.label === 'Fix All'), JSON.stringify(palette.rows));
    await click('.quick-input-widget .monaco-list-row:has(.label-name:text-is("Fix All"))');
    await untilDiagnostics(editor.document.uri, (diagnostics) => errorsOf(diagnostics).length === 0, 'Fix All to remove the error');
    assert.equal(lintAgentFile(editor.document.getText(), { path: editor.document.uri.fsPath }).loads, true);
  });

  it('shows the Run agent lens above the front matter', async function () {
    if (!browserAvailable()) this.skip();
    await openCopy('code-reviewer.md', 'language-mode-lens.md');
    assert.match(await visibleText('.codelens-decoration:has-text("Run agent")'), /Run agent/);
    await takeScreenshot('agent-mode-run-lens');
  });
});

