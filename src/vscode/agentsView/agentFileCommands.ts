// The Agents view's context menu: reveal, duplicate, rename (the `name:` value and the file together), delete.
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import { agentFileNameBase, agentFileSuffix } from '../../engine/formats/agentFiles';
import { setNameEdit, uniqueName } from '../../engine/agents/agentEdits';
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
    vscode.commands.registerCommand('agentStudio.duplicateAgent', (item: AgentFileItem) => duplicateAgent(service, item)),
    vscode.commands.registerCommand('agentStudio.renameAgent', (item: AgentFileItem, newName?: string) => renameAgent(service, item, newName)),
    vscode.commands.registerCommand('agentStudio.deleteAgent', (item: AgentFileItem) => deleteAgent(service, item)),
  );
}

function agentNames(service: AgentCatalogService): Set<string> {
  return new Set(service.current.entries().flatMap((entry) => (entry.result.agent ? [entry.result.agent.name] : [])));
}

async function duplicateAgent(service: AgentCatalogService, item: AgentFileItem): Promise<vscode.Uri | undefined> {
  const text = (await vscode.workspace.fs.readFile(item.uri)).toString();
  const sourcePath = item.entry.path;
  // The copy is named after the agent, unless its name cannot be a file name here (`../x`, `a:b`): then after the file.
  const agentName = item.entry.result.agent?.name;
  const base = agentName !== undefined && 'path' in siblingAgentFile(sourcePath, `${agentName}-copy`) ? agentName : agentFileNameBase(sourcePath);
  const taken = agentNames(service);
  let name = uniqueName(base, taken);
  const targetFor = (candidate: string) => siblingAgentFile(sourcePath, candidate);
  for (let target = targetFor(name); 'path' in target && pathTaken(target.path); target = targetFor(name)) name = uniqueName(name, taken);
  const target = targetFor(name);
  if ('refused' in target) {
    void vscode.window.showErrorMessage(plainText(target.refused));
    return undefined;
  }
  const edit = setNameEdit(text, name);
  const targetUri = vscode.Uri.file(target.path);
  await vscode.workspace.fs.writeFile(targetUri, Buffer.from(edit ? applyTextEdits(text, [edit]) : text));
  await service.schedule(targetUri);
  await vscode.window.showTextDocument(targetUri);
  return targetUri;
}

/** Renames the agent: its `name:` value, then its file. Resolves to the new file, if renamed. */
async function renameAgent(service: AgentCatalogService, item: AgentFileItem, givenName?: string): Promise<vscode.Uri | undefined> {
  const oldPath = item.entry.path;
  const currentName = item.entry.result.agent?.name ?? agentFileNameBase(oldPath);
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
  const newUri = vscode.Uri.file(target.path);
  const couldNot = () => void vscode.window.showErrorMessage(vscode.l10n.t('Could not rename {0}.', nodePath.basename(oldPath)));
  if (nameEdit) {
    const edit = new vscode.WorkspaceEdit();
    edit.set(item.uri, [toVscodeTextEdit(nameEdit)]);
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
