// Rename and Duplicate from the Agents view ask what a user would want asked: the copy's name, and whether the body's
// introduction of the agent follows its new name.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { AgentStudioApi } from '../../src/extension';
import { agentPath, agentStudioApi, closeAllEditors, until } from './agentStudio';
import { browserAvailable, clickDialogButton, pressKey, typeText, visibleDialog, visibleText } from './workbenchBrowser';

describe('Rename and Duplicate', function () {
  let api: AgentStudioApi;

  before(async function () {
    if (!browserAvailable()) this.skip();
    api = await agentStudioApi();
  });

  afterEach(closeAllEditors);

  async function agentFile(fileName: string, text: string) {
    fs.writeFileSync(agentPath(fileName), text);
    await until(api.catalog.onDidChange, () => api.catalog.current.get(agentPath(fileName)), `${fileName} in the catalog`);
    return until(api.agentsView.onDidChangeTreeData, () => api.agentsView.itemFor(agentPath(fileName)), `${fileName} in the view`);
  }

  it('Duplicate asks for the copy\'s name, proposing a free one', async () => {
    const item = await agentFile('release-notes.md', '---\nname: release-notes\ndescription: Writes release notes.\n---\n\nYou are release-notes.\n');
    const copying = vscode.commands.executeCommand<vscode.Uri | undefined>('agentStudio.duplicateAgent', item);
    try {
      assert.match(await visibleText('.quick-input-widget .quick-input-message'), /name/);
      await pressKey('Control+a');
      await typeText('changelog-writer');
      await pressKey('Enter');
      const copy = await copying;
      assert.equal(copy?.fsPath, agentPath('changelog-writer.md'));
      assert.match(fs.readFileSync(copy.fsPath, 'utf8'), /^name: changelog-writer$/m);
    } finally {
      fs.rmSync(agentPath('changelog-writer.md'), { force: true });
      fs.rmSync(agentPath('release-notes.md'), { force: true });
    }
  });

  it('Rename offers to rename the agent in the body\'s first line too', async () => {
    const item = await agentFile('release-notes.md', '---\nname: release-notes\ndescription: Writes release notes.\n---\n\nYou are release-notes. Keep release-notes-style headings.\n');
    const renaming = vscode.commands.executeCommand<vscode.Uri | undefined>('agentStudio.renameAgent', item, 'changelog-writer');
    try {
      const dialog = await visibleDialog();
      assert.match(dialog.message, /release-notes.*changelog-writer/);
      assert.equal(dialog.detail, 'You are release-notes. Keep release-notes-style headings.');
      await clickDialogButton('Rename in Body Too');
      const renamed = await renaming;
      assert.equal(renamed?.fsPath, agentPath('changelog-writer.md'));
      assert.equal(fs.readFileSync(renamed.fsPath, 'utf8'), '---\nname: changelog-writer\ndescription: Writes release notes.\n---\n\nYou are changelog-writer. Keep release-notes-style headings.\n');
    } finally {
      fs.rmSync(agentPath('changelog-writer.md'), { force: true });
      fs.rmSync(agentPath('release-notes.md'), { force: true });
    }
  });
});
