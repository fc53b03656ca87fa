// What the Agents view and the quick fixes say, read as a user reads them: no Markdown syntax in plain-text places,
// tooltips that wrap between words, and namesakes told apart by their folder.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AgentStudioApi } from '../../src/extension';
import { agentPath, agentStudioApi, closeAllEditors, codeAction, showWithDiagnostics, until } from './agentStudio';

describe('Agents view text', () => {
  let api: AgentStudioApi;
  const written: string[] = [];

  before(async () => {
    api = await agentStudioApi();
  });

  afterEach(async () => {
    await closeAllEditors();
    for (const file of written.splice(0)) fs.rmSync(file, { force: true });
    for (const folder of ['team-a', 'team-b']) fs.rmSync(agentPath(folder), { recursive: true, force: true });
  });

  function write(file: string, text: string): string {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written.push(file);
    return file;
  }

  const rowOf = (file: string) => api.agentsView.snapshot().flatMap((group) => group.children).find((row) => row.path === file);

  it('shows the engine\'s `code` without backticks in rows and quick-fix titles, and tooltips that wrap at spaces', async () => {
    // Skipped by every Claude Code version, with a code span in the reason.
    const blank = write(agentPath('blank-first.md'), '\n---\nname: blank-first\ndescription: Starts with a blank line.\n---\n');
    const row = await until(api.agentsView.onDidChangeTreeData, () => rowOf(blank), 'the file with a blank first line in the view');
    assert.match(row.description, /skipped: Blank lines precede '---'/);
    assert.doesNotMatch(row.description, /`/);
    assert.match(row.tooltip, /precede `---`/, 'the tooltip renders it as code');

    const seed = rowOf(agentPath('backend-specialist.md'));
    assert.ok(seed);
    assert.doesNotMatch(seed.tooltip, /&nbsp;/, 'spaces stay breakable');

    const cut = write(agentPath('cut-short.md'), '---\nname: cut-short\ndescription: Ends here --- and more\n---\nBody.\n');
    const diagnostics = await showWithDiagnostics(vscode.Uri.file(cut));
    const delimiter = diagnostics.find((diagnostic) => /ends the front matter at this/.test(diagnostic.message));
    assert.ok(delimiter, diagnostics.map((diagnostic) => diagnostic.message).join('; '));
    const fix = await codeAction(vscode.Uri.file(cut), delimiter.range, vscode.CodeActionKind.QuickFix, (action) => /em dash/.test(action.title));
    assert.equal(fix.title, 'Replace \'---\' with an em dash');
  });

  it('tells two agents of the same name apart by the folder each lives in, first in the row', async () => {
    const first = write(agentPath(path.join('team-a', 'twin.md')), '---\nname: twin\ndescription: The first twin, with a long description that fills the row.\n---\n');
    const second = write(agentPath(path.join('team-b', 'twin.md')), '---\nname: twin\ndescription: The second twin, with a long description that fills the row.\n---\n');
    // Older Claude Code versions pick either (same name as), newer ones the path that sorts last (wins over, shadowed by).
    const rows = await until(api.agentsView.onDidChangeTreeData, () => {
      const pair = [rowOf(first), rowOf(second)];
      return pair[0]?.description.includes('team-b/twin.md') && pair[1]?.description.includes('team-a/twin.md') ? pair : undefined;
    }, 'both twins in the view, each naming the other');
    assert.match(rows[0]!.description, /^team-a\/ · (same name as|shadowed by) team-b\/twin\.md/);
    assert.match(rows[1]!.description, /^team-b\/ · (same name as|wins over) team-a\/twin\.md/);
  });
});
