// The offline overlap hint in the editor: an example that reads like another agent's gets a warning on its lines once
// that other agent appears (a change to one file moves another file's hint), the warning follows typing, and a pair
// that does not overlap gets none.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { AgentStudioApi } from '../../src/extension';
import { agentPath, agentStudioApi, closeAllEditors, codeOf, diagnosticsOf, until, untilDiagnostics } from './agentStudio';
import { takeScreenshot } from './workbenchBrowser';

const helperFile = () => agentPath('overlap-translation-helper.md');
const keeperFile = () => agentPath('overlap-changelog-keeper.md');
const changelogRequest = 'Turn the merged pull requests into changelog entries for version 2.4';
const translationRequest = 'Translate the onboarding guide into German and Japanese';

const helper = (request: string) => `---\nname: translation-helper\ndescription: |\n  Translates user-facing text, guides and UI strings into other languages.\n  <example>\n  user: "${request}"\n  assistant: "I will use the translation-helper agent."\n  </example>\n---\nYou translate text.\n`;
const keeper = '---\nname: changelog-keeper\ndescription: Keeps CHANGELOG.md current, turning merged pull requests into changelog entries for each version.\n---\nYou keep the changelog.\n';
const overlaps = (diagnostics: vscode.Diagnostic[]) => diagnostics.filter((diagnostic) => codeOf(diagnostic).endsWith('-overlap'));
/** Line of `<example>` in the helper file (after `extra` lines typed above it). */
const exampleLine = (extra = 0) => 4 + extra;

describe('overlap hints in the editor', function () {
  this.timeout(60_000);
  let api: AgentStudioApi;

  before(async () => {
    api = await agentStudioApi();
  });

  after(async () => {
    await closeAllEditors();
    for (const file of [helperFile(), keeperFile()]) fs.rmSync(file, { force: true });
  });

  it('warns on an example that reads like another agent\'s, follows typing, and says nothing for a pair that does not overlap', async () => {
    const uri = vscode.Uri.file(helperFile());
    fs.writeFileSync(helperFile(), helper(changelogRequest));
    await until(api.catalog.onDidChange, () => (api.catalog.current.get(helperFile()) ? true : undefined), 'the catalog to file the helper agent');
    // The other agent arrives in another file: the helper's hint comes from that file's change.
    fs.writeFileSync(keeperFile(), keeper);
    const published = await untilDiagnostics(uri, (diagnostics) => overlaps(diagnostics).some((diagnostic) => diagnostic.message.includes('`changelog-keeper`')), 'the overlap warning on the helper\'s example', 15_000);
    const [warning] = overlaps(published);
    assert.equal(overlaps(published).length, 1);
    assert.equal(codeOf(warning), 'agent/example-overlap');
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(warning.source, 'agent-studio');
    assert.equal(warning.range.start.line, exampleLine());
    assert.equal(fs.readFileSync(helperFile(), 'utf8').split('\n')[warning.range.start.line].trim(), '<example>');
    assert.match(warning.message, /Claude Code may hand it to `changelog-keeper`/);
    assert.deepEqual(overlaps(diagnosticsOf(vscode.Uri.file(keeperFile()))), [], 'the other agent\'s description is not an example and claims nothing of the helper\'s');

    // In the editor, the warning stays on the example while lines are typed above it.
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((builder) => builder.insert(new vscode.Position(4, 0), '  Keeps terms consistent across languages.\n'));
    const moved = await untilDiagnostics(uri, (diagnostics) => overlaps(diagnostics).some((diagnostic) => diagnostic.range.start.line === exampleLine(1)), 'the warning to move with its example');
    assert.equal(overlaps(moved).length, 1);
    await takeScreenshot('overlap-warning');
    await closeAllEditors();

    // The same two agents once the example asks for what only its own agent does: no hint on either.
    fs.writeFileSync(helperFile(), helper(translationRequest));
    await untilDiagnostics(uri, (diagnostics) => overlaps(diagnostics).length === 0 && api.catalog.current.get(helperFile())?.examples?.[0]?.user === translationRequest, 'the warning to go once the pair no longer overlaps', 15_000);
    assert.deepEqual(overlaps(diagnosticsOf(vscode.Uri.file(keeperFile()))), []);
    assert.deepEqual(api.catalog.current.overlapDiagnostics(helperFile()), []);
    assert.deepEqual(api.catalog.current.overlapDiagnostics(keeperFile()), []);
  });
});
