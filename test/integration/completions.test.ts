// Completions and hovers in agent front matter, through the editor's own providers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { lintAgentFile } from '../../src/engine/lint/lint';
import { agentPath, agentStudioApi, closeAllEditors } from './agentStudio';
import { takeScreenshot } from './workbenchBrowser';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
}

/** The labels the editor's completion offers in an agent file, on the line that starts with `linePrefix`, at `character`. */
async function completionLabels(fileName: string, linePrefix: string, character: number): Promise<string[]> {
  const uri = vscode.Uri.file(agentPath(fileName));
  const document = await vscode.workspace.openTextDocument(uri);
  const line = document.getText().split('\n').findIndex((text) => text.startsWith(linePrefix));
  const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, character));
  return completions.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

describe('completions and hovers', () => {
  before(agentStudioApi);
  afterEach(closeAllEditors);

  it('completes `model:` with sonnet, opus, haiku and inherit', async () => {
    const labels = await completionLabels('backend-specialist.md', 'model:', 'model: '.length);
    for (const model of ['sonnet', 'opus', 'haiku', 'inherit']) assert.ok(labels.includes(model), `${model} in ${labels.join(', ')}`);
  });

  it('inserts the agent snippet with a name Claude Code loads, made from any file name', async () => {
    const file = agentPath('API_Designer v2.md');
    fs.writeFileSync(file, '');
    try {
      const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
      // Snippets are contributed for every language agent files open in (Markdown, VS Code's Agent mode).
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: editor.document.languageId, name: 'Claude Code agent' });
      const text = editor.document.getText();
      assert.match(text, /^---\nname: api-designer-v2\ndescription: \|\n/);
      const result = lintAgentFile(text, { path: file });
      assert.equal(result.loads, true, JSON.stringify(result.diagnostics));
      assert.equal(result.agent?.name, 'api-designer-v2');
      await vscode.commands.executeCommand('workbench.action.files.revert');
      assert.equal(editor.document.isDirty, false, 'reverted before the file goes');
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it('completes tool names inside `tools`', async () => {
    const labels = await completionLabels('security-reviewer.md', 'tools:', 'tools: Re'.length);
    assert.ok(labels.includes('WebFetch'));
    assert.ok(!labels.includes('Grep'), 'tools already listed are not offered again');
  });

  it('documents `tools` on hover', async () => {
    const uri = vscode.Uri.file(agentPath('security-reviewer.md'));
    const editor = await vscode.window.showTextDocument(uri);
    const line = editor.document.getText().split('\n').findIndex((text) => text.startsWith('tools:'));
    const position = new vscode.Position(line, 2);
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
    assert.match(text, /\*\*tools\*\* \(string-or-list, optional\)/);
    assert.match(text, /Omit it to inherit every tool/);
    editor.selection = new vscode.Selection(position, position);
    await vscode.commands.executeCommand('editor.action.showHover');
    await takeScreenshot('agent-file-tools-hover');
  });
});
