// The example snippet inside a `description: |` block, where the front matter is tokenised as YAML and Markdown
// snippets are not offered: typed, picked from the suggest widget with the keyboard, and the file still loads.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { lintAgentFile } from '../../src/engine/lint/lint';
import { agentPath, agentStudioApi, closeAllEditors, until } from './agentStudio';
import { browserAvailable, pressKey, takeScreenshot, visibleText } from './workbenchBrowser';

describe('example snippets in a description', () => {
  before(agentStudioApi);
  afterEach(closeAllEditors);

  it('offers `example` inside a | block and inserts it indented to fit; the file still loads', async function () {
    const file = agentPath('example-snippet.md');
    fs.writeFileSync(file, '---\nname: example-snippet\ndescription: |\n  Use this agent to review code.\n  exam\nmodel: sonnet\n---\nYou review code.\n');
    try {
      const uri = vscode.Uri.file(file);
      const editor = await vscode.window.showTextDocument(uri);
      const position = new vscode.Position(4, '  exam'.length);
      editor.selection = new vscode.Selection(position, position);
      const offered = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
      const example = offered.items.find((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'example' && item.kind === vscode.CompletionItemKind.Snippet);
      assert.ok(example, offered.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label)).join(', '));
      if (!browserAvailable()) this.skip();
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      assert.match(await visibleText('.suggest-widget .monaco-list-row.focused'), /example/);
      await takeScreenshot('example-snippet-in-description');
      await pressKey('Enter');
      const text = await until(vscode.workspace.onDidChangeTextDocument, () => (editor.document.getText().includes('</example>') ? editor.document.getText() : undefined), 'the inserted example');
      assert.match(text, /\n {2}<example>\n {2}Context: .*\n {2}user: ".*"\n {2}assistant: ".*"\n {2}<commentary>\n {2}.*\n {2}<\/commentary>\n {2}<\/example>\nmodel: sonnet\n/);
      const result = lintAgentFile(text, { path: file });
      assert.ok(result.loads);
      assert.deepEqual(result.diagnostics, []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      fs.rmSync(file, { force: true });
    }
  });
});
