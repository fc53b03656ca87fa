// The Agents view's context menu: reveal, duplicate, rename (the `name:` value and the file together), delete.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import { agentFileNameBase, agentFileSuffix } from '../core/discovery';
import { setNameEdit, uniqueName } from '../core/agentEdits';
import { applyTextEdits } from '../core/textEdits';
import { checkNewAgentName } from '../core/newAgent';
import type { AgentCatalogService } from './agentCatalogService';
import { nameValidation, plainText } from './plainText';
import type { AgentFileItem } from './agentsViewItems';
import { toVscodeTextEdit } from './vscodeRanges';

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

/** The file an agent named `name` gets beside `path`, of the same kind. */
function siblingPath(path: string, name: string): string {
  return nodePath.join(nodePath.dirname(path), `${name}${agentFileSuffix(path) || '.md'}`);
}

async function duplicateAgent(service: AgentCatalogService, item: AgentFileItem): Promise<vscode.Uri> {
  const text = (await vscode.workspace.fs.readFile(item.uri)).toString();
  const base = item.entry.result.agent?.name ?? agentFileNameBase(item.entry.path);
  const taken = agentNames(service);
  let name = uniqueName(base, taken);
  while (fs.existsSync(siblingPath(item.entry.path, name))) name = uniqueName(name, taken);
  const edit = setNameEdit(text, name);
  const target = vscode.Uri.file(siblingPath(item.entry.path, name));
  await vscode.workspace.fs.writeFile(target, Buffer.from(edit ? applyTextEdits(text, [edit]) : text));
  await service.schedule(target);
  await vscode.window.showTextDocument(target);
  return target;
}

/** Renames the agent: its `name:` value, then its file. Resolves to the new file, if renamed. */
async function renameAgent(service: AgentCatalogService, item: AgentFileItem, givenName?: string): Promise<vscode.Uri | undefined> {
  const oldPath = item.entry.path;
  const currentName = item.entry.result.agent?.name ?? agentFileNameBase(oldPath);
  const problemFor = (name: string) => {
    const target = siblingPath(oldPath, name);
    return checkNewAgentName(name, target !== oldPath && fs.existsSync(target) ? nodePath.basename(target) : undefined);
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
  if (problem?.severity === 'error') {
    void vscode.window.showErrorMessage(plainText(problem.message));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(item.uri);
  const nameEdit = setNameEdit(document.getText(), newName);
  const newUri = vscode.Uri.file(siblingPath(oldPath, newName));
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
