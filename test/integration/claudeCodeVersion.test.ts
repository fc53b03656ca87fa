// The verdicts follow the Claude Code version: agentStudio.claudeCode.version picks the profile, files are read again
// under it, and the Agents view names the version.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { AgentStudioApi } from '../../src/extension';
import { claudeCodeProfiles } from '../../src/engine/formats/claudeCode/profiles';
import { agentPath, agentStudioApi, codeOf, diagnosticsOf, until } from './agentStudio';

const files: Record<string, string> = {
  'version-bom.md': '\uFEFF---\nname: version-bom\ndescription: Starts with a byte-order mark.\n---\n',
  'version-hooks.md': '---\nname: version-hooks\ndescription: Empty hooks.\nhooks: []\n---\n',
  'version-team.md': '---\nname: team:reviewer\ndescription: A colon in the name.\n---\n',
};

const newest = claudeCodeProfiles[claudeCodeProfiles.length - 1];
const oldest = claudeCodeProfiles[0];

function rowOf(api: AgentStudioApi, fileName: string) {
  return api.agentsView.snapshot().flatMap((group) => group.children).find((row) => row.path === agentPath(fileName));
}

/** File -> `loaded` or the code of its error, as the view and the Problems panel show it. */
function verdicts(api: AgentStudioApi): Record<string, string> | undefined {
  const result: Record<string, string> = {};
  for (const file of Object.keys(files)) {
    const row = rowOf(api, file);
    if (!row) return undefined;
    const errors = diagnosticsOf(vscode.Uri.file(agentPath(file))).filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error).map(codeOf);
    result[file] = row.contextValue === 'agentFile.loaded' && errors.length === 0 ? 'loaded' : `${row.contextValue}: ${errors.join(', ')}`;
  }
  return result;
}

async function follow(api: AgentStudioApi, version: string, expected: Record<string, string>): Promise<void> {
  await vscode.workspace.getConfiguration('agentStudio').update('claudeCode.version', version, vscode.ConfigurationTarget.Global);
  const wanted = JSON.stringify(expected);
  await until(vscode.languages.onDidChangeDiagnostics, () => {
    const now = verdicts(api);
    return api.catalog.claudeCodeChoice.version === version && JSON.stringify(now) === wanted ? now : undefined;
  }, `the verdicts of Claude Code ${version}: ${wanted} (now ${JSON.stringify(verdicts(api))})`, 20_000);
  assert.equal(api.agentsTreeView.description, `Claude Code ${version}`);
}

describe('Claude Code version', () => {
  let api: AgentStudioApi;

  before(async () => {
    api = await agentStudioApi();
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(agentPath(file), text);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('agentStudio').update('claudeCode.version', undefined, vscode.ConfigurationTarget.Global);
    for (const file of Object.keys(files)) fs.rmSync(agentPath(file), { force: true });
  });

  it(`under Claude Code ${newest.measuredUpTo}, lists a BOM file as an agent and shows \`hooks: []\` and \`name: team:reviewer\` skipped, with errors`, async () => {
    await follow(api, newest.measuredUpTo, {
      'version-bom.md': 'loaded',
      'version-hooks.md': 'agentFile.skipped: agent/hooks-skip-file',
      'version-team.md': 'agentFile.skipped: agent/name-colon',
    });
    assert.equal(api.agentsTreeView.message, undefined);
  });

  it(`under Claude Code ${oldest.firstVersion}, the opposite`, async () => {
    await follow(api, oldest.firstVersion, {
      'version-bom.md': 'agentFile.skipped: agent/bom',
      'version-hooks.md': 'loaded',
      'version-team.md': 'loaded',
    });
  });

  it('reads a version newer than any profile as the newest, and the view says up to which version rules were measured', async () => {
    const [major, minor, patch] = newest.measuredUpTo.split('.').map(Number);
    await follow(api, `${major}.${minor}.${patch + 1}`, {
      'version-bom.md': 'loaded',
      'version-hooks.md': 'agentFile.skipped: agent/hooks-skip-file',
      'version-team.md': 'agentFile.skipped: agent/name-colon',
    });
    assert.match(api.agentsTreeView.message ?? '', new RegExp(`measured up to ${newest.measuredUpTo.replaceAll('.', '\\.')}`));
  });
});
