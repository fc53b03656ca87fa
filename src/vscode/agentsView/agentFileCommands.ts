// The Agents view's context menu: reveal, duplicate, rename (the `name:` value and the file together), delete.
import * as nodePath from 'node:path';
import vscode = require('vscode');
import { agentFileNameBase, agentFileSuffix } from '../../engine/formats/agentFileNames';
import { bodyNameEdit, setNameEdit, uniqueName } from '../../engine/agents/agentEdits';
import { applyTextEdits } from '../../engine/text/textEdits';
import { checkNewAgentName, type NameProblem } from '../../engine/agents/newAgent';
import { pathTaken, siblingAgentFile } from '../../node/agentFileTargets';
import type { AgentCatalogService } from '../catalog/agentCatalogService';
import { nameValidation, plainText } from '../base/plainText';
import type { AgentFileItem } from './agentsViewItems';
import { toVscodeTextEdit } from '../base/vscodeRanges';

export function registerAgentFileCommands(context: vscode.ExtensionContext, service: AgentCatalogService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('agentStudio.revealAgentInExplorer', (item: AgentFileItem) => vscode.commands.executeCommand('revealInExplorer', item.uri)),
    vscode.commands.registerCommand('agentStudio.duplicateAgent', (item: AgentFileItem, newName?: unknown) => duplicateAgent(service, item, textArgument(newName))),
    vscode.commands.registerCommand('agentStudio.renameAgent', (item: AgentFileItem, newName?: unknown, updateBody?: unknown) =>
      renameAgent(service, item, textArgument(newName), typeof updateBody === 'boolean' ? updateBody : undefined)),
    vscode.commands.registerCommand('agentStudio.deleteAgent', (item: AgentFileItem) => deleteAgent(service, item)),
  );
}

/** A script's or test's answer; anything else (VS Code passes the selection as a second argument) is no answer. */
function textArgument(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function agentNames(service: AgentCatalogService): Set<string> {
  // Plugin agents by their own names too: a copy beside one is named in its file without the namespace.
  return new Set(service.current.entries().flatMap((entry) => (entry.result.agent ? [entry.result.agent.name, ...(entry.result.agent.ownName ? [entry.result.agent.ownName] : [])] : [])));
}

/** Copies the agent under a name the user chooses (a free `-copy` name is proposed). Resolves to the new file, if any. */
async function duplicateAgent(service: AgentCatalogService, item: AgentFileItem, givenName?: string): Promise<vscode.Uri | undefined> {
  const text = (await vscode.workspace.fs.readFile(item.uri)).toString();
  const sourcePath = item.entry.path;
  // The copy is named after the agent, unless its name cannot be a file name here (`../x`, `a:b`): then after the file.
  const agentName = item.entry.result.agent?.ownName ?? item.entry.result.agent?.name;
  const base = agentName !== undefined && 'path' in siblingAgentFile(sourcePath, `${agentName}-copy`) ? agentName : agentFileNameBase(sourcePath);
  const taken = agentNames(service);
  let proposed = uniqueName(base, taken);
  const targetFor = (candidate: string) => siblingAgentFile(sourcePath, candidate);
  for (let target = targetFor(proposed); 'path' in target && pathTaken(target.path); target = targetFor(proposed)) proposed = uniqueName(proposed, taken);
  const problemFor = (name: string): NameProblem | undefined => {
    const target = targetFor(name);
    const existing = 'path' in target && pathTaken(target.path) ? nodePath.basename(target.path) : undefined;
    const problem = checkNewAgentName(name, existing, agentFileSuffix(sourcePath) || '.md');
    return problem?.severity === 'error' || !('refused' in target) ? problem : { severity: 'error', message: target.refused };
  };
  const name = givenName ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('Duplicate Agent'),
    prompt: vscode.l10n.t('The copy\'s name; its file is named to match.'),
    value: proposed,
    // The Agents view refreshes as files change; a refresh that takes focus must not throw away a half-typed name.
    ignoreFocusOut: true,
    validateInput: (value) => nameValidation(problemFor(value)),
  }));
  if (name === undefined) return undefined;
  const problem = problemFor(name);
  const target = targetFor(name);
  if (problem?.severity === 'error' || 'refused' in target) {
    void vscode.window.showErrorMessage(plainText(problem?.message ?? ('refused' in target ? target.refused : '')));
    return undefined;
  }
  const edit = setNameEdit(text, name);
  const targetUri = vscode.Uri.file(target.path);
  await vscode.workspace.fs.writeFile(targetUri, Buffer.from(edit ? applyTextEdits(text, [edit]) : text));
  await service.schedule(targetUri);
  await vscode.window.showTextDocument(targetUri);
  return targetUri;
}

/** Renames the agent: its `name:` value (and, when asked, its name in the body's first line), then its file. Resolves to the new file, if renamed. */
async function renameAgent(service: AgentCatalogService, item: AgentFileItem, givenName?: string, givenUpdateBody?: boolean): Promise<vscode.Uri | undefined> {
  const oldPath = item.entry.path;
  // A plugin agent's name holds its plugin's namespace; the file says only its own part.
  const currentName = item.entry.result.agent?.ownName ?? item.entry.result.agent?.name ?? agentFileNameBase(oldPath);
  const problemFor = (name: string): NameProblem | undefined => {
    const target = siblingAgentFile(oldPath, name);
    const existing = 'path' in target && target.path !== oldPath && pathTaken(target.path) ? nodePath.basename(target.path) : undefined;
    const problem = checkNewAgentName(name, existing, agentFileSuffix(oldPath) || '.md');
    // Also what the name checks cannot know: where the file would land.
    return problem?.severity === 'error' || !('refused' in target) ? problem : { severity: 'error', message: target.refused };
  };
  const newName = givenName ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('Rename Agent'),
    prompt: vscode.l10n.t('The new name; the file is renamed to match.'),
    value: currentName,
    // As for Duplicate: a view refresh that takes focus must not throw away a half-typed name.
    ignoreFocusOut: true,
    validateInput: (value) => {
      const problem = problemFor(value);
      return nameValidation(problem);
    },
  }));
  if (newName === undefined || newName === currentName) return undefined;
  const problem = problemFor(newName);
  const target = siblingAgentFile(oldPath, newName);
  if (problem?.severity === 'error' || 'refused' in target) {
    void vscode.window.showErrorMessage(plainText(problem?.message ?? ('refused' in target ? target.refused : '')));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(item.uri);
  const nameEdit = setNameEdit(document.getText(), newName);
  const bodyEdit = bodyNameEdit(document.getText(), currentName, newName);
  const updateBody = bodyEdit !== undefined && (givenUpdateBody ?? (await askToUpdateBody(document, bodyEdit.range.start.line, currentName, newName)));
  if (updateBody === undefined) return undefined;
  const newUri = vscode.Uri.file(target.path);
  const couldNot = () => void vscode.window.showErrorMessage(vscode.l10n.t('Could not rename {0}.', nodePath.basename(oldPath)));
  const textEdits = [nameEdit, updateBody ? bodyEdit : undefined].filter((textEdit) => textEdit !== undefined);
  if (textEdits.length > 0) {
    const edit = new vscode.WorkspaceEdit();
    edit.set(item.uri, textEdits.map(toVscodeTextEdit));
    if (!(await vscode.workspace.applyEdit(edit))) return couldNot();
  }
  // Saved before the file moves: VS Code 1.139 does not carry an open editor's unsaved edit across a rename (the moved
  // file kept the old name, the edit stayed in an editor of the old path). The agent is renamed for Claude Code on disk.
  await document.save();
  if (newUri.fsPath !== oldPath) {
    const move = new vscode.WorkspaceEdit();
    move.renameFile(item.uri, newUri);
    if (!(await vscode.workspace.applyEdit(move))) return couldNot();
  }
  await Promise.all([service.schedule(item.uri), service.schedule(newUri)]);
  return newUri;
}

/** Whether the body's introduction ("You are old-name.") should follow the rename; `undefined`: the rename was called off. */
async function askToUpdateBody(document: vscode.TextDocument, line: number, oldName: string, newName: string): Promise<boolean | undefined> {
  const update = vscode.l10n.t('Rename in Body Too');
  const keep = vscode.l10n.t('Only the Name');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('The body also calls the agent {0}. Rename it there to {1}?', oldName, newName),
    { modal: true, detail: document.lineAt(line).text.trim() }, update, keep);
  return answer === update ? true : answer === keep ? false : undefined;
}

async function deleteAgent(service: AgentCatalogService, item: AgentFileItem): Promise<boolean> {
  const fileName = nodePath.basename(item.entry.path);
  const confirm = vscode.l10n.t('Move to Trash');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete the agent {0}?', fileName), { modal: true, detail: item.entry.path }, confirm);
  if (answer !== confirm) return false;
  try {
    await vscode.workspace.fs.delete(item.uri, { useTrash: true });
  } catch {
    // Remote and web file systems often have no trash; deleting for good needs a second yes.
    const permanently = vscode.l10n.t('Delete Permanently');
    const again = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} cannot be moved to the trash here. Delete it permanently?', fileName), { modal: true }, permanently);
    if (again !== permanently) return false;
    await vscode.workspace.fs.delete(item.uri, { useTrash: false });
  }
  await service.schedule(item.uri);
  return true;
}
