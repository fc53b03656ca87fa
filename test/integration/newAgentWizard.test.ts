// The New Agent wizard as a user drives it: from the Agents view's + button, with the mouse and the keyboard.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { AgentStudioApi } from '../../src/extension';
import { agentPath, agentStudioApi, closeAllEditors, until } from './agentStudio';
import { TestSettings } from './invocationKit';
import { browserAvailable, click, countElements, pressKey, takeScreenshot, typeText, visibleQuickPick, visibleText } from './workbenchBrowser';

const quickInput = '.quick-input-widget';
const title = `${quickInput} .quick-input-title`;
const inputPrompt = `${quickInput} .quick-input-message`;

/** The title once it shows `step/total`: each question replaces the last, so waiting on the step keeps reads in order. */
async function untilStep(step: string): Promise<string> {
  return visibleText(`${title}:has-text("${step}")`);
}

describe('New Agent wizard', function () {
  let api: AgentStudioApi;
  const settings = new TestSettings();

  before(async function () {
    if (!browserAvailable()) this.skip();
    api = await agentStudioApi();
    // View title buttons otherwise show only while the pointer is over the view.
    await settings.set({ 'workbench.view.alwaysShowHeaderActions': true });
  });

  after(async () => {
    await settings.restore();
    await closeAllEditors();
  });

  it('from the view\'s + with a row selected asks every question, counts the steps, goes back, and offers one default model and colour swatches', async () => {
    const created = agentPath('made-from-plus.md');
    fs.rmSync(created, { force: true });
    await vscode.commands.executeCommand('workbench.view.extension.agentStudio');
    const selected = api.agentsView.itemFor(agentPath('backend-architect-no-frontmatter.md'));
    assert.ok(selected, 'the skipped seed is in the view');
    await api.agentsTreeView.reveal(selected, { select: true, focus: true });

    await click('.pane-header .action-label[aria-label^="New Agent"]');
    assert.match(await untilStep('1/6'), /New Agent/);
    assert.match(await visibleText(inputPrompt), /name/);
    await typeText('made-from-plus');
    await pressKey('Enter');

    await untilStep('2/6');
    assert.match(await visibleText(inputPrompt), /When should Claude hand work to this agent/, 'the description is asked, not taken from the selected row');
    await typeText('Use this agent to check the plus button.');
    await pressKey('Enter');

    await untilStep('3/6');
    assert.deepEqual((await visibleQuickPick()).rows.map((row) => row.label), ['Project', 'User']);
    await click(`${quickInput} .quick-input-left-action-bar .action-label`);
    await untilStep('2/6');
    await pressKey('Enter');
    await untilStep('3/6');
    await pressKey('Enter');

    await untilStep('4/6');
    const models = (await visibleQuickPick()).rows;
    assert.equal(models[0].label, 'inherit');
    assert.equal(models.filter((row) => /default/i.test(`${row.label} ${row.description ?? ''}`)).length, 1, `one default among ${JSON.stringify(models)}`);
    await pressKey('Enter');

    await untilStep('5/6');
    await pressKey('Enter');

    await untilStep('6/6');
    const colours = (await visibleQuickPick()).rows.map((row) => row.label);
    assert.deepEqual(colours.slice(0, 3), ['No colour', 'red', 'blue']);
    assert.ok(await countElements(`${quickInput} .monaco-list-row .quick-input-list-icon[style*="red.svg"]`) === 1, 'red shows its swatch');
    await takeScreenshot('new-agent-wizard-colour');
    await pressKey('ArrowDown');
    await pressKey('Enter');

    const entry = await until(api.catalog.onDidChange, () => api.catalog.current.get(created), 'the new agent in the catalog');
    try {
      assert.equal(entry.result.agent?.name, 'made-from-plus');
      assert.equal(entry.result.agent?.description.trim(), 'Use this agent to check the plus button.');
      const text = fs.readFileSync(created, 'utf8');
      assert.match(text, /^color: red$/m);
      assert.doesNotMatch(text, /^model:/m, 'inherit is the default, so no model line');
      // The wizard opens what it wrote; deleting the file before that would fail the command, not the test.
      await until(vscode.window.onDidChangeActiveTextEditor, () => vscode.window.activeTextEditor?.document.uri.fsPath === created, 'the new agent open in an editor');
    } finally {
      fs.rmSync(created, { force: true });
    }
  });

  it('shows colour swatches among the completions of `color:`', async () => {
    const file = agentPath('colour-completion.md');
    fs.writeFileSync(file, '---\nname: colour-completion\ndescription: Shows colours.\ncolor: \n---\n');
    try {
      const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
      const position = new vscode.Position(3, 'color: '.length);
      editor.selection = new vscode.Selection(position, position);
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await visibleText('.suggest-widget .monaco-list-row');
      assert.ok(await countElements('.suggest-widget .monaco-list-row .colorspan[style*="background-color"]') >= 2, 'the colour items show swatches');
      await takeScreenshot('color-completions');
      await pressKey('Escape');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      fs.rmSync(file, { force: true });
    }
  });
});
