// Agent files in the language VS Code opens them in (Markdown before ~1.110; its own Agent mode, `chatagent`, since),
// with each editor feature used as a person does: typing and Ctrl+Space, hovering, Ctrl+., the command palette, the
// lens above the front matter, all through the rendered workbench.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { completeFrontmatter } from '../../src/engine/language/completion';
import { lintAgentFile } from '../../src/engine/lint/lint';
import { agentFileLanguages } from '../../src/vscode/base/agentFileSelector';
import { agentPath, agentStudioApi, closeAllEditors, codeAction, inWorkspace, showWithDiagnostics, until, untilDiagnostics } from './agentStudio';
import type { AgentStudioApi } from '../../src/extension';
import { browserAvailable, pressKey, takeScreenshot, typeText, visibleQuickPick, visibleText, visibleTexts } from './workbenchBrowser';

/**
 * The language each kind of agent file opens in, as seen in each VS Code the tests run in (by minor version). A VS Code
 * added to scripts/vscode-versions.json needs its row, looked at in that VS Code, not guessed.
 */
const languagesSeen: Record<string, { claudeAgent: string; copilotAgent: string }> = {
  '1.100': { claudeAgent: 'markdown', copilotAgent: 'markdown' },
  '1.139': { claudeAgent: 'chatagent', copilotAgent: 'chatagent' },
};

/**
 * VS Code's own warnings on cases/claude-code-accepts.md, an agent Claude Code loads as it is, by line: the false alarms
 * the README lists. (1.100 has no Agent mode and says nothing.)
 */
const vscodeFalseAlarms: Record<string, RegExp[]> = {
  '1.139': [
    /^4: Unknown value 'opus\[1m\]', valid: sonnet, opus, haiku, inherit\.$/,
    /^5: Unknown value 'auto', valid: /,
    /^7: Unknown hook event type 'Notification'\. Supported: /,
    /^11: Unknown property 'async' in hook command\.$/,
  ],
};

function expectedLanguages(): { claudeAgent: string; copilotAgent: string } {
  const minor = vscode.version.split('.').slice(0, 2).join('.');
  const seen = languagesSeen[minor];
  assert.ok(seen, `no row for VS Code ${vscode.version} in languagesSeen: open an agent file in it and record its language id`);
  return seen;
}

const errorsOf = (diagnostics: vscode.Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error);

/** A copy of a fixture agent (in `.claude/agents/`, or a path) under a new name, opened in an editor that has the keyboard focus. */
async function openCopy(fixture: string, copyName: string): Promise<vscode.TextEditor> {
  const copy = agentPath(copyName);
  // Named after the copy, so no other agent gets a "same name as" warning while it exists.
  const text = fs.readFileSync(fixture.includes('/') ? fixture : agentPath(fixture), 'utf8');
  fs.writeFileSync(copy, text.replace(/^name: .*$/m, `name: ${copyName.replace(/\.md$/, '')}`));
  copies.push(copy);
  const editor = await vscode.window.showTextDocument(vscode.Uri.file(copy));
  assert.equal(editor.document.languageId, expectedLanguages().claudeAgent, 'the language VS Code opens a Claude Code agent in');
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  return editor;
}

const copies: string[] = [];

/**
 * Puts the cursor there and gives the editor the keyboard. Setting a selection is a message to the workbench that is not
 * awaited; the command after it is, and the workbench handles both in order, so keys typed next land at the cursor.
 */
async function placeCursor(editor: vscode.TextEditor, position: vscode.Position): Promise<void> {
  editor.selection = new vscode.Selection(position, position);
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
}

function lineStartingWith(document: vscode.TextDocument, prefix: string): number {
  const line = document.getText().split('\n').findIndex((text) => text.startsWith(prefix));
  assert.ok(line >= 0, `a line starting with ${prefix}`);
  return line;
}

describe(`agent files in VS Code ${vscode.version}'s own language for them`, () => {
  let api: AgentStudioApi;
  before(async () => {
    api = await agentStudioApi();
  });
  afterEach(async () => {
    if (browserAvailable()) await pressKey('Escape');
    await closeAllEditors();
    const removed = copies.splice(0);
    removed.forEach((copy) => fs.rmSync(copy, { force: true }));
    // The next tests see the workspace without them: the catalog has dropped every copy.
    await Promise.all(removed.map((copy) => api.catalog.schedule(vscode.Uri.file(copy))));
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

  it('offers each completion once where VS Code completes too: keys, values, tools', async () => {
    const claude = await openCopy(inWorkspace('cases', 'completion-positions.md'), 'completion-positions.md');
    const copilotPath = inWorkspace('.github', 'agents', 'completion-positions.agent.md');
    fs.copyFileSync(inWorkspace('cases', 'completion-positions.agent.md'), copilotPath);
    copies.push(copilotPath);
    const copilot = await vscode.workspace.openTextDocument(vscode.Uri.file(copilotPath));
    assert.equal(copilot.languageId, expectedLanguages().copilotAgent);
    const places: [vscode.TextDocument, 'claude-code' | 'copilot', string][] = [
      [claude.document, 'claude-code', 'tools: Read, '], [claude.document, 'claude-code', '  - '], [claude.document, 'claude-code', 'model: '],
      [claude.document, 'claude-code', 'permissionMode: '], [claude.document, 'claude-code', 'memory: '], [claude.document, 'claude-code', 'isolation: '],
      [claude.document, 'claude-code', 'effort: '], [claude.document, 'claude-code', 'mc'], [copilot, 'copilot', 'target: '], [copilot, 'copilot', 'ar'],
    ];
    for (const [document, format, lineText] of places) {
      const line = document.getText().split('\n').indexOf(lineText);
      assert.ok(line >= 0, lineText);
      const position = new vscode.Position(line, lineText.length);
      // Everything the engine completes there must show exactly once: ours, or VS Code's identical item instead.
      const ours = completeFrontmatter(document.getText(), { line, character: lineText.length }, format).map((item) => item.label);
      assert.ok(ours.length > 0, `the engine completes at '${lineText}'`);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      const shown = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      const notOnce = ours.filter((label) => shown.filter((candidate) => candidate === label).length !== 1);
      assert.deepEqual(notOnce, [], `at '${lineText}' in ${document.languageId}: each of ${ours.join(', ')} once among ${shown.join(', ')}`);
    }
  });

  it('completes a key only Claude Code knows, typed with Ctrl+Space, once', async function () {
    if (!browserAvailable()) this.skip();
    const editor = await openCopy('backend-specialist.md', 'language-mode-completion.md');
    const line = lineStartingWith(editor.document, 'model:');
    await editor.edit((builder) => builder.insert(new vscode.Position(line, 0), '\n'));
    await placeCursor(editor, new vscode.Position(line, 0));
    await typeText('isol');
    await pressKey('Control+Space');
    const labels = await visibleTexts('.suggest-widget.visible .monaco-list-row .label-name');
    assert.equal(labels[0], 'isolation', `isolation first: ${labels.join(', ')}`);
    assert.equal(labels.filter((label) => label === 'isolation').length, 1, `offered once: ${labels.join(', ')}`);
    await takeScreenshot('agent-mode-completion');
    await pressKey('Enter');
    await until(vscode.workspace.onDidChangeTextDocument, () => editor.document.lineAt(line).text.startsWith('isolation:') || undefined, 'the accepted completion in the text');
  });

  it('documents a key on hover beside whatever VS Code shows', async function () {
    if (!browserAvailable()) this.skip();
    const editor = await openCopy('backend-specialist.md', 'language-mode-hover.md');
    await placeCursor(editor, new vscode.Position(lineStartingWith(editor.document, 'model:'), 2));
    await vscode.commands.executeCommand('editor.action.showHover');
    const shown = await visibleText('.monaco-hover:has-text("The model the agent runs on")');
    assert.match(shown, /`?inherit`? for the calling conversation's model/);
    // In the Agent mode VS Code adds its own line; both show, in one hover.
    if (expectedLanguages().claudeAgent === 'chatagent') assert.match(shown, /Model to use: sonnet, opus, haiku, or inherit/);
    await takeScreenshot('agent-mode-model-hover');
  });

  it('offers the agent quick fix on Ctrl+. and applies it', async function () {
    if (!browserAvailable()) this.skip();
    const editor = await openCopy('broken-unindented-example.md', 'language-mode-quick-fix.md');
    const [error] = errorsOf(await untilDiagnostics(editor.document.uri, (diagnostics) => errorsOf(diagnostics).length > 0, 'the error for unindented example lines'));
    // The fix is offered once the workbench has the diagnostic too (the request below goes through it), not before.
    await codeAction(editor.document.uri, error.range, vscode.CodeActionKind.QuickFix, (action) => action.title === "Turn the description into a '|' block");
    await placeCursor(editor, error.range.start);
    await pressKey('Control+.');
    // The menu waits for every code action provider, Copilot's among them in 1.139: slow on a busy machine.
    const titles = await visibleTexts('.action-widget .monaco-list-row.action', 30_000);
    // Ours is the preferred fix; on VS Code 1.139 Copilot's own actions may be listed beside it.
    const ours = titles.findIndex((title) => /Turn the description into a '\|' block/.test(title));
    assert.ok(ours >= 0, titles.join(' / '));
    await takeScreenshot('agent-mode-quick-fix');
    // The menu opens on its first row; the keyboard walks down to ours and applies it.
    for (let step = 0; step < ours; step++) await pressKey('ArrowDown');
    await pressKey('Enter');
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
    assert.equal(palette.rows[0]?.label, 'Fix All', JSON.stringify(palette.rows));
    await pressKey('Enter');
    await untilDiagnostics(editor.document.uri, (diagnostics) => errorsOf(diagnostics).length === 0, 'Fix All to remove the error');
    assert.equal(lintAgentFile(editor.document.getText(), { path: editor.document.uri.fsPath }).loads, true);
  });

  it('raises none of our diagnostics on an agent Claude Code loads, whatever VS Code\'s own validator says', async () => {
    const copy = agentPath('claude-code-accepts.md');
    fs.copyFileSync(inWorkspace('cases', 'claude-code-accepts.md'), copy);
    copies.push(copy);
    const uri = vscode.Uri.file(copy);
    assert.deepEqual(await showWithDiagnostics(uri), [], 'Agent Studio reports nothing');
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.languageId, expectedLanguages().claudeAgent);
    const expected = vscodeFalseAlarms[vscode.version.split('.').slice(0, 2).join('.')] ?? [];
    const vscodeOwn = () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source !== 'agent-studio');
    // VS Code validates open editors after a short debounce; its diagnostics arrive as one change.
    const own = await until(vscode.languages.onDidChangeDiagnostics, () => (vscodeOwn().length >= expected.length ? vscodeOwn() : undefined), 'VS Code\'s own diagnostics');
    assert.equal(lintAgentFile(editor.document.getText(), { path: uri.fsPath }).loads, true);
    // What the README's "Alongside VS Code's own agent support" lists, line by line: a new false alarm fails here.
    const seen = [...own].sort((a, b) => a.range.start.line - b.range.start.line).map((diagnostic) => `${diagnostic.range.start.line + 1}: ${diagnostic.message}`);
    assert.equal(seen.length, expected.length, seen.join('\n'));
    expected.forEach((pattern, index) => assert.match(seen[index], pattern));
  });

  it('shows the Run agent lens above the front matter', async function () {
    if (!browserAvailable()) this.skip();
    await openCopy('code-reviewer.md', 'language-mode-lens.md');
    assert.match(await visibleText('.codelens-decoration:has-text("Run agent")'), /Run agent/);
    await takeScreenshot('agent-mode-run-lens');
  });
});

