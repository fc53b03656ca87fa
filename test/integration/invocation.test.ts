// Sending a selection to an agent with the real Claude Code CLI against a loopback Messages API: the streamed run
// document, what the API received, cancelling mid-stream, the CodeLens on an unsaved agent, and the Runs view's actions.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { AgentStudioApi } from '../../src/extension';
import type { RunSnapshot } from '../../src/vscode/runs/runStore';
import { startAnthropicLoopback, type AnthropicLoopback, type RecordedRequest } from '../support/anthropicLoopback';
import { agentPath, agentStudioApi, closeAllEditors, inWorkspace, until, workspaceRoot } from './agentStudio';
import { fileStates, OfflineClaude, processesWith, runCommand, runProcessesWith, TestSettings, untilNewRunDocumentContaining, untilNoProcesses, withTimeout } from './invocationKit';
import { formatDuration } from '../../src/providers/runDocument';
import { browserAvailable, clickDialogButton, pressKey, takeScreenshot, typeText, visibleDialog, visibleQuickPick, visibleText } from './workbenchBrowser';

const reply = 'Found one bug: `add` subtracts. Return `a + b` instead.';
const selectedCode = 'function add(a, b) {\n  return a - b;\n}';

interface MessagesBody {
  system?: { text: string }[] | string;
  tools?: { name: string }[];
  model?: string;
}

/** The request that carried the agent's body (the CLI also sends small requests of its own, e.g. for titles). */
function agentRequest(loopback: AnthropicLoopback, bodyText: string): MessagesBody {
  const request = loopback.requests.find((candidate: RecordedRequest) => JSON.stringify((candidate.body as MessagesBody | undefined)?.system ?? '').includes(JSON.stringify(bodyText).slice(1, -1)));
  assert.ok(request, `no request carried the agent body; paths: ${loopback.requests.map((candidate) => candidate.path).join(', ')}`);
  return request.body as MessagesBody;
}

function runDocument(snapshot: RunSnapshot): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === snapshot.documentUri);
}

describe('invocation with Claude Code', function () {
  this.timeout(90_000);
  let api: AgentStudioApi;
  let loopback: AnthropicLoopback;
  let claude: OfflineClaude;
  const settings = new TestSettings();

  before(async () => {
    api = await agentStudioApi();
    fs.writeFileSync(samplePath(), `// Adds two numbers.\n${selectedCode}\n`);
  });

  after(() => fs.rmSync(samplePath(), { force: true }));

  beforeEach(async () => {
    loopback = await startAnthropicLoopback({ replyText: reply, deltaCount: 4 });
    claude = new OfflineClaude(loopback.url);
    // code-server saves edits after a second by default; these tests need unsaved ones.
    await settings.set({ 'files.autoSave': 'off', 'agentStudio.provider': 'claude-code', 'agentStudio.claudeCode.path': claude.executable });
  });

  afterEach(async () => {
    // A test that failed with a quick pick open must not leave it to the next.
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    // Reverted before auto-save comes back on, or code-server would save the edits.
    await revertUnsavedDocuments();
    await closeAllEditors();
    await settings.restore();
    await loopback.close();
    await claude.dispose();
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  /** Opens a source file of the workspace with its function selected. */
  async function selectSample(): Promise<vscode.TextEditor> {
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(samplePath()));
    const start = editor.document.positionAt(editor.document.getText().indexOf(selectedCode));
    editor.selection = new vscode.Selection(start, editor.document.positionAt(editor.document.offsetAt(start) + selectedCode.length));
    return editor;
  }

  it('streams the answer to a selection into a run document beside the editor; the API gets the body as system prompt and the tools', async () => {
    const before = fileStates(workspaceRoot());
    await vscode.commands.executeCommand('workbench.view.extension.agentStudio');
    await selectSample();
    const snapshot = await runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer' });

    assert.equal(snapshot.status, 'completed', JSON.stringify(snapshot.error));
    assert.equal(snapshot.answer, reply);
    assert.equal(snapshot.providerId, 'claude-code');
    assert.equal(snapshot.prompt, selectedCode);
    assert.match(snapshot.markdown, /^# Run of `code-reviewer`\n\n- \*\*Provider:\*\* Claude Code\n- \*\*Model:\*\* `sonnet`\n\n```javascript\nfunction add\(a, b\) \{\n  return a - b;\n\}\n```\n/);
    assert.ok(snapshot.markdown.includes(reply));
    assert.match(snapshot.markdown, /\*Completed in [\d.]+ (ms|s) · 1 input token · \d+ output tokens · \$[\d.]+ · `claude-sonnet-[^`]+`\*\n$/);
    // One duration: the footer's is the Runs view's (Claude Code's own duration_ms counts only its API time).
    const item = api.runs.runs().find((run) => run.id === snapshot.id);
    assert.ok(snapshot.durationMs !== undefined && item?.durationMs === snapshot.durationMs);
    assert.ok(snapshot.markdown.includes(`*Completed in ${formatDuration(snapshot.durationMs)} · `), `footer of ${formatDuration(snapshot.durationMs)}: ${snapshot.markdown.slice(-200)}`);

    const document = await until(vscode.workspace.onDidChangeTextDocument, () => {
      const candidate = runDocument(snapshot);
      return candidate?.getText() === snapshot.markdown ? candidate : undefined;
    }, 'the run document to show the whole run');
    assert.equal(document.languageId, 'markdown');
    const shown = vscode.window.visibleTextEditors.find((visible) => visible.document === document);
    assert.ok(shown && shown.viewColumn !== undefined && shown.viewColumn > vscode.ViewColumn.One, 'opened beside the editor');

    const body = agentRequest(loopback, 'You are a careful code reviewer.');
    assert.ok(Array.isArray(body.system) && body.system.some((block) => block.text.startsWith('You are a careful code reviewer.')), JSON.stringify(body.system));
    assert.deepEqual((body.tools ?? []).map((tool) => tool.name).sort(), ['Glob', 'Grep', 'Read']);
    assert.match(body.model ?? '', /^claude-sonnet-/);
    assert.deepEqual(fileStates(workspaceRoot()), before, 'nothing was written into the workspace');
    assert.deepEqual(api.runs.runs()[0], snapshot);

    await api.runs.revealRun(snapshot.id);
    await vscode.window.showTextDocument(document, { viewColumn: shown.viewColumn, preserveFocus: true });
    await takeScreenshot('run-document');
  });

  it('stops the stream and ends the claude process and its children within a second of a cancel', async function () {
    if (process.platform !== 'linux') this.skip(); // finds the run's processes through /proc
    loopback.options = { replyText: 'alpha bravo charlie delta echo foxtrot golf hotel india juliet', deltaCount: 10, delayMs: 400 };
    const firstText = untilNewRunDocumentContaining('alpha', 30_000);
    const running = runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: 'Count to ten.' });
    const document = await firstText;
    const processes = processesWith(claude.marker);
    assert.ok(processes.length >= 1, 'the run has a claude process');

    const cancelledAt = Date.now();
    await vscode.commands.executeCommand('agentStudio.stopRun', document.uri);
    const snapshot = await running;
    await untilNoProcesses(claude.marker, 1_000);
    assert.ok(Date.now() - cancelledAt < 1_500, `ended ${Date.now() - cancelledAt} ms after the cancel`);
    assert.equal(snapshot.status, 'cancelled');
    assert.ok(snapshot.answer.startsWith('alpha') && !snapshot.answer.includes('juliet'), `stopped mid-answer: "${snapshot.answer}"`);
    assert.match(snapshot.markdown, /\*Cancelled in /);
    assert.equal(snapshot.offeredActions.length, 0, 'a cancel shows no error');
  });

  it('runs the agent of an Agents view row with the editor\'s selection as the prompt', async () => {
    const path = agentPath('code-reviewer.md');
    api.agentsView.getChildren().forEach((group) => api.agentsView.getChildren(group));
    const item = api.agentsView.itemFor(path);
    assert.ok(item?.contextValue, 'the Agents view shows code-reviewer.md');
    const menus = (vscode.extensions.getExtension('agent-studio.agent-studio')!.packageJSON as { contributes: { menus: Record<string, { command: string; when: string; group?: string }[]> } }).contributes.menus;
    const entries = menus['view/item/context'].filter((menu) => menu.command === 'agentStudio.runAgent');
    const showsOn = (entry: { when: string }, contextValue: string) => new RegExp(/viewItem =~ \/(.*)\/$/.exec(entry.when)![1]).test(contextValue);
    assert.deepEqual(entries.map((entry) => entry.group === 'inline' ? 'inline' : 'context menu'), ['context menu', 'inline']);
    for (const entry of entries) {
      assert.ok(showsOn(entry, item.contextValue), `${entry.group} matches ${item.contextValue}`);
      assert.ok(!showsOn(entry, 'agentFile.skipped'), `${entry.group} is not offered on a file Claude Code skips`);
    }

    await selectSample();
    const snapshot = await runCommand('agentStudio.runAgent', item);
    assert.equal(snapshot.status, 'completed', JSON.stringify(snapshot.error));
    assert.equal(snapshot.agentPath, path);
    assert.equal(snapshot.prompt, selectedCode);
  });

  it('auto: uses Claude Code when `claude --version` runs', async () => {
    await settings.set({ 'agentStudio.provider': 'auto' });
    const snapshot = await runCommand('agentStudio.sendToAgent', { agent: 'test-writer', prompt: 'Write a test for add().' });
    assert.equal(snapshot.status, 'completed', JSON.stringify(snapshot.error));
    assert.equal(snapshot.providerId, 'claude-code');
    assert.equal(snapshot.answer, reply);
  });

  it('runs an agent file from its CodeLens as the editor has it, unsaved edits included', async () => {
    const uri = vscode.Uri.file(agentPath('code-reviewer.md'));
    const editor = await vscode.window.showTextDocument(uri);
    const unsavedBody = 'You review code for off-by-one errors only.';
    await editor.edit((builder) => builder.replace(bodyRange(editor.document), `${unsavedBody}\n`));
    assert.ok(editor.document.isDirty);
    // afterEach reverts the edit: nothing is saved.

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const lens = lenses.find((candidate) => candidate.command?.command === 'agentStudio.runAgent');
    assert.ok(lens?.command, `a Run agent lens among ${lenses.map((candidate) => candidate.command?.title).join(', ')}`);
    assert.equal(lens.range.start.line, 0);
    assert.match(lens.command.title, /Run agent/);
    const snapshot = await runCommand(lens.command.command, ...(lens.command.arguments ?? []), { prompt: 'Check the loop bounds.' });
    assert.equal(snapshot.status, 'completed', JSON.stringify(snapshot.error));
    assert.ok(editor.document.isDirty && !fs.readFileSync(uri.fsPath, 'utf8').includes(unsavedBody), 'the edit is still unsaved');
    assert.ok(JSON.stringify(agentRequest(loopback, unsavedBody).system).includes(unsavedBody));
  });

  it('ends a run of an invalid agent with one message that opens the file at its first error', async () => {
    const uri = vscode.Uri.file(agentPath('code-reviewer.md'));
    const editor = await vscode.window.showTextDocument(uri);
    const descriptionLine = editor.document.getText().split('\n').findIndex((line) => line.startsWith('description:'));
    await editor.edit((builder) => builder.delete(editor.document.lineAt(descriptionLine).rangeIncludingLineBreak));
    // The lens gives the reason instead of offering a run that can only fail.
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.deepEqual(lenses.map((lens) => lens.command?.command), ['workbench.actions.view.problems']);
    assert.match(lenses[0].command!.title, /Cannot run: Claude Code skips this file: its `description` is missing/);
    const snapshot = await runCommand('agentStudio.runAgent', uri, { prompt: 'Review.' });
    assert.equal(snapshot.status, 'failed');
    assert.equal(snapshot.error?.kind, 'invalid-agent');
    assert.match(snapshot.error?.message ?? '', /code-reviewer\.md .*description/);
    assert.deepEqual(snapshot.offeredActions, ['openAgent']);
    assert.equal(loopback.requests.length, 0, 'nothing was sent');
  });

  it('ends a run with a missing claude binary with one message offering to install it or open the settings', async () => {
    await settings.set({ 'agentStudio.claudeCode.path': inWorkspace('no-such-claude') });
    const snapshot = await runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: 'Review.' });
    assert.equal(snapshot.status, 'failed');
    assert.equal(snapshot.error?.kind, 'not-found');
    assert.deepEqual(snapshot.offeredActions, ['installClaude', 'openSettings']);
  });

  it('ends a run the API refuses with 401 with one message offering to log in', async () => {
    loopback.options = { errorStatus: 401, errorMessage: 'invalid x-api-key' };
    const snapshot = await runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: 'Review.' });
    assert.equal(snapshot.status, 'failed');
    assert.equal(snapshot.error?.kind, 'unauthorized');
    assert.deepEqual(snapshot.offeredActions, ['loginClaude', 'howToLogIn']);
    assert.doesNotMatch(snapshot.markdown, /sk-ant-loopback-test/);
  });

  it('re-runs a run from the Runs view and inserts its answer at the cursor', async () => {
    const first = await runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: 'Review add().' });
    const again = await runCommand('agentStudio.rerun', first.id);
    assert.notEqual(again.id, first.id);
    assert.equal(again.status, 'completed');
    assert.equal(again.prompt, first.prompt);

    const editor = await vscode.window.showTextDocument(vscode.Uri.file(samplePath()));
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    assert.equal(await vscode.commands.executeCommand('agentStudio.insertRunAnswer', again.id), true);
    assert.equal(editor.document.lineAt(1).text, `${reply}function add(a, b) {`);
    await vscode.commands.executeCommand('agentStudio.clearRuns');
    assert.deepEqual(api.runs.runs(), []);
  });

  it('asks for the agent in a quick pick: recently used first, the best match suggested; the keyboard picks it', async function () {
    if (!browserAvailable()) this.skip(); // reading and typing into the quick pick needs the code-server runner's browser
    await runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: 'Review add().' });
    const prompt = 'Check the new login handler for vulnerabilities in how it keeps secrets.';
    const picked = vscode.commands.executeCommand<RunSnapshot | undefined>('agentStudio.sendToAgent', { prompt });

    const pick = await visibleQuickPick();
    assert.equal(pick.title, 'Send to Agent');
    // Earlier tests may have used other agents too; the one used last leads.
    assert.deepEqual(pick.rows.slice(0, 2).map((row) => row.separator ?? row.label), ['recently used', 'code-reviewer'], JSON.stringify(pick.rows));
    const others = pick.rows.findIndex((row) => row.separator === 'agents');
    assert.equal(pick.rows[others + 1]?.label, 'security-reviewer', 'the best match leads the agents not used recently');
    const row = (name: string) => pick.rows.find((candidate) => candidate.label === name);
    assert.match(row('security-reviewer')?.description ?? '', /suggested/, JSON.stringify(pick.rows));
    assert.doesNotMatch(row('test-writer')?.description ?? '', /suggested/);
    assert.match(row('test-writer')?.detail ?? '', /^Writes focused unit tests/);
    assert.ok(!row('broken-missing-description'), 'a file the tool skips is not offered');
    await takeScreenshot('send-to-agent-quick-pick');

    await typeText('security-reviewer');
    await pressKey('Enter');
    const snapshot = await withTimeout(Promise.resolve(picked), 60_000, 'the picked run');
    assert.equal(snapshot?.agentName, 'security-reviewer');
    assert.equal(snapshot?.status, 'completed', JSON.stringify(snapshot?.error));
    assert.equal(snapshot?.prompt, prompt);
    agentRequest(loopback, 'You are a security reviewer');

    const dismissed = vscode.commands.executeCommand<RunSnapshot | undefined>('agentStudio.sendToAgent', { prompt: 'Anything.' });
    const reopened = await visibleQuickPick();
    assert.deepEqual(reopened.rows.slice(0, 3).map((candidate) => candidate.separator ?? candidate.label), ['recently used', 'security-reviewer', 'code-reviewer'], JSON.stringify(reopened.rows));
    const runsBefore = api.runs.runs().length;
    await pressKey('Escape');
    assert.equal(await withTimeout(Promise.resolve(dismissed), 5_000, 'the dismissed pick'), undefined);
    assert.equal(api.runs.runs().length, runsBefore, 'a dismissed pick starts no run');
  });

  it('shows what a hooked agent will run and starts it only once the user agrees, once per version of the file', async function () {
    if (!browserAvailable()) this.skip(); // answering the modal dialog needs the code-server runner's browser
    const file = agentPath('hooked-formatter.md');
    const hookCommand = 'npx prettier --check .';
    const agentText = (description: string) => [
      '---',
      'name: hooked-formatter',
      `description: ${description}`,
      'tools: Read',
      'hooks:',
      '  PreToolUse:',
      '    - matcher: Bash',
      '      hooks:',
      '        - type: command',
      `          command: ${hookCommand}`,
      '---',
      '',
      'You format code.',
      '',
    ].join('\n');
    fs.writeFileSync(file, agentText('Formats changed files. Use after editing.'));
    try {
      await until(api.catalog.onDidChange, () => api.catalog.current.get(file)?.result.loads || undefined, 'the catalog to load hooked-formatter.md');
      const send = () => vscode.commands.executeCommand<RunSnapshot | undefined>('agentStudio.sendToAgent', { agent: 'hooked-formatter', prompt: 'Format add.js.' });

      const declined = send();
      const dialog = await visibleDialog();
      assert.equal(dialog.message, 'Run hooked-formatter with Claude Code?');
      assert.ok(dialog.detail.includes(`PreToolUse hook for Bash: ${hookCommand}`), dialog.detail);
      assert.ok(dialog.buttons.includes('Run Agent'), dialog.buttons.join(', '));
      await takeScreenshot('risk-confirmation');
      await clickDialogButton('Cancel');
      assert.equal((await withTimeout(Promise.resolve(declined), 5_000, 'the declined run'))?.status, 'cancelled');
      assert.equal(loopback.requests.length, 0, 'nothing was sent');
      assert.deepEqual(runProcessesWith(claude.marker), [], 'claude was not started');

      const agreed = send();
      await visibleDialog();
      await clickDialogButton('Run Agent');
      const snapshot = await withTimeout(Promise.resolve(agreed), 60_000, 'the agreed run');
      assert.equal(snapshot?.status, 'completed', JSON.stringify(snapshot?.error));
      agentRequest(loopback, 'You format code.');

      // Agreed for this version: no dialog stands in the way (the run would wait for an answer and time out).
      assert.equal((await runCommand('agentStudio.sendToAgent', { agent: 'hooked-formatter', prompt: 'Again.' })).status, 'completed');

      fs.writeFileSync(file, agentText('Formats changed files and lists them. Use after editing.'));
      await until(api.catalog.onDidChange, () => api.catalog.current.get(file)?.result.agent?.description.includes('lists them') || undefined, 'the catalog to see the edit');
      const changed = send();
      assert.equal((await visibleDialog()).message, 'Run hooked-formatter with Claude Code?', 'a changed file asks again');
      await pressKey('Escape');
      assert.equal((await withTimeout(Promise.resolve(changed), 5_000, 'the dismissed run'))?.status, 'cancelled');
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('names the project\'s settings hooks and .mcp.json servers before Claude Code runs any agent there', async function () {
    if (!browserAvailable()) this.skip(); // answering the modal dialog needs the code-server runner's browser
    const settings = inWorkspace('.claude', 'settings.json');
    const mcp = inWorkspace('.mcp.json');
    fs.writeFileSync(settings, JSON.stringify({ hooks: { SessionStart: [{ hooks: [{ type: 'command', command: 'echo project-hook' }] }] }, permissions: { defaultMode: 'acceptEdits' } }));
    fs.writeFileSync(mcp, JSON.stringify({ mcpServers: { 'project-db': { command: 'npx', args: ['db-server'] } } }));
    try {
      const declined = vscode.commands.executeCommand<RunSnapshot | undefined>('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: 'Review add().' });
      const dialog = await visibleDialog();
      assert.equal(dialog.message, 'Run code-reviewer with Claude Code?');
      for (const expected of ['SessionStart hook: echo project-hook (from .claude/settings.json)', 'MCP server project-db: npx db-server (from .mcp.json)', 'permission mode acceptEdits']) {
        assert.ok(dialog.detail.includes(expected), `${expected} in: ${dialog.detail}`);
      }
      await clickDialogButton('Cancel');
      assert.equal((await withTimeout(Promise.resolve(declined), 5_000, 'the declined run'))?.status, 'cancelled');
      assert.deepEqual(runProcessesWith(claude.marker), [], 'claude was not started');
    } finally {
      fs.rmSync(settings, { force: true });
      fs.rmSync(mcp, { force: true });
    }
  });

  it('keeps the end of a long streaming answer in view', async () => {
    const longReply = Array.from({ length: 120 }, (_, index) => `Finding ${index + 1}: something to look at.`).join('\n');
    loopback.options = { replyText: longReply, deltaCount: 60, delayMs: 20 };
    await selectSample();
    const snapshot = await runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer' });
    assert.equal(snapshot.status, 'completed', JSON.stringify(snapshot.error));
    const shown = await until(vscode.window.onDidChangeTextEditorVisibleRanges, () => {
      const editor = vscode.window.visibleTextEditors.find((visible) => visible.document.uri.toString() === snapshot.documentUri);
      const lastVisible = editor?.visibleRanges.at(-1)?.end.line;
      return editor && lastVisible !== undefined && lastVisible >= editor.document.lineCount - 2 ? editor : undefined;
    }, 'the run document to show its last line');
    assert.ok((shown.visibleRanges[0]?.start.line ?? 0) > 0, 'scrolled down to the end');
    await takeScreenshot('run-document-follows-stream');
  });

  it('asks for the prompt of a ▶ run naming the agent, not its file', async function () {
    if (!browserAvailable()) this.skip();
    const file = agentPath('review-helper-file.md');
    fs.writeFileSync(file, '---\nname: careful-reviewer\ndescription: Reviews code carefully.\n---\n\nYou review code.\n');
    try {
      await until(api.catalog.onDidChange, () => api.catalog.current.get(file)?.result.agent, 'the agent in the catalog');
      await closeAllEditors();
      const running = vscode.commands.executeCommand<RunSnapshot | undefined>('agentStudio.runAgent', vscode.Uri.file(file));
      assert.match(await visibleText('.quick-input-widget .quick-input-title'), /careful-reviewer/);
      await pressKey('Escape');
      assert.equal(await withTimeout(Promise.resolve(running), 5_000, 'the cancelled prompt'), undefined);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('copies an answer from the Runs view', async () => {
    const run = await runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: 'Review add().' });
    await vscode.commands.executeCommand('agentStudio.copyRunAnswer', run.id);
    // The runner grants Chromium clipboard access; without it this read would hang, so it is bounded.
    const copied = await withTimeout(Promise.resolve(vscode.env.clipboard.readText()), 5_000, 'the clipboard');
    assert.equal(copied, reply);
  });
});

function bodyRange(document: vscode.TextDocument): vscode.Range {
  const text = document.getText();
  const bodyStart = text.indexOf('\n---\n', 3) + 5;
  return new vscode.Range(document.positionAt(bodyStart), document.positionAt(text.length));
}

function samplePath(): string {
  return inWorkspace('add.js');
}

/** Puts back every file a test edited without saving, so closing the editors asks nothing. */
async function revertUnsavedDocuments(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty && candidate.uri.scheme === 'file')) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}
