// `agentStudio.newAgent`: asks name, description, scope, model, tools and colour, writes a valid agent file, opens it.
// Every answer can also be passed as an argument, which skips its question (scripts and tests use that).
import * as nodePath from 'node:path';
import { agentFileInFolder, pathTaken } from '../../node/agentFileTargets';
import * as vscode from 'vscode';
import { checkNewAgentDescription, checkNewAgentName, renderNewAgent, type NewAgentAnswers } from '../../engine/agents/newAgent';
import { claudeCodeFormat } from '../../engine/formats/claudeCode/format';
import { fieldOf } from '../../engine/formats/fieldSchema';

/** New agents are Claude Code sub-agents, written to its (first) agent folder of a project or the home directory. */
const agentFolderSegments = claudeCodeFormat.locations[0].segments;
import type { AgentCatalogService } from '../catalog/agentCatalogService';
import { nameValidation, plainText } from '../base/plainText';

export interface NewAgentArguments extends Partial<NewAgentAnswers> {
  scope?: 'project' | 'user';
  /** The workspace folder for a project agent; asked when there are several. */
  workspaceFolder?: vscode.Uri;
}

export function registerNewAgentCommand(context: vscode.ExtensionContext, service: AgentCatalogService): void {
  context.subscriptions.push(vscode.commands.registerCommand('agentStudio.newAgent', (args?: NewAgentArguments) => newAgent(service, args ?? {})));
}

const cancelled = Symbol('cancelled');

async function newAgent(service: AgentCatalogService, args: NewAgentArguments): Promise<vscode.Uri | undefined> {
  const title = vscode.l10n.t('New Agent');
  const candidateFolders = () => [
    ...(vscode.workspace.workspaceFolders ?? []).map((folder) => nodePath.join(folder.uri.fsPath, ...agentFolderSegments)),
    nodePath.join(service.homeDirectory, ...agentFolderSegments),
  ];
  const existingFile = (name: string) => candidateFolders().map((folder) => nodePath.join(folder, `${name}.md`)).find(pathTaken);

  const name = args.name ?? (await vscode.window.showInputBox({
    title, prompt: vscode.l10n.t('The agent\'s name, how Claude Code addresses it (e.g. code-reviewer)'), ignoreFocusOut: true,
    validateInput: (value) => {
      const problem = checkNewAgentName(value, existingFile(value));
      return nameValidation(problem);
    },
  }));
  if (name === undefined) return undefined;
  const description = args.description ?? (await vscode.window.showInputBox({
    title, prompt: vscode.l10n.t('When should Claude hand work to this agent?'), ignoreFocusOut: true,
    placeHolder: vscode.l10n.t('Use this agent when ...'),
    validateInput: (value) => {
      const problem = checkNewAgentDescription(value);
      return problem && plainText(problem);
    },
  }));
  if (description === undefined) return undefined;
  const folder = await agentFolderFor(service, args, title);
  if (folder === cancelled) return undefined;
  const model = args.model ?? (await pickOne(title, vscode.l10n.t('Model'), 'model'));
  if (model === cancelled) return undefined;
  const tools = args.tools ?? (await pickTools(title));
  if (tools === undefined) return undefined;
  const color = args.color ?? (await pickOne(title, vscode.l10n.t('Colour'), 'color'));
  if (color === cancelled) return undefined;

  // A name given by a script or keybinding has not been through the input box's checks.
  const file = agentFileInFolder(folder, name);
  const problem = 'refused' in file ? { message: file.refused, severity: 'error' } : checkNewAgentName(name, pathTaken(file.path) ? file.path : undefined);
  if ('refused' in file || problem?.severity === 'error') {
    void vscode.window.showErrorMessage(plainText(problem!.message));
    return undefined;
  }
  const target = vscode.Uri.file(file.path);
  await vscode.workspace.fs.writeFile(target, Buffer.from(renderNewAgent({ name, description, model, tools, color })));
  await service.schedule(target);
  await vscode.window.showTextDocument(target);
  return target;
}

/** The folder the file goes in: the project's `.claude/agents/` (asking which project in multi-root) or the user's. */
async function agentFolderFor(service: AgentCatalogService, args: NewAgentArguments, title: string): Promise<string | typeof cancelled> {
  const userFolder = nodePath.join(service.homeDirectory, ...agentFolderSegments);
  const folders = vscode.workspace.workspaceFolders ?? [];
  let scope = args.scope;
  if (!scope && folders.length === 0) scope = 'user';
  if (!scope) {
    const project = { label: vscode.l10n.t('Project'), description: vscode.l10n.t('.claude/agents/ in this workspace, shared with the team'), scope: 'project' as const };
    const user = { label: vscode.l10n.t('User'), description: vscode.l10n.t('~/.claude/agents/, available in all your projects'), scope: 'user' as const };
    const picked = await vscode.window.showQuickPick([project, user], { title, placeHolder: vscode.l10n.t('Where should the agent live?'), ignoreFocusOut: true });
    if (!picked) return cancelled;
    scope = picked.scope;
  }
  if (scope === 'user') return userFolder;
  const workspaceFolder = args.workspaceFolder
    ?? (folders.length === 1 ? folders[0].uri : (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which project?'), ignoreFocusOut: true }))?.uri);
  return workspaceFolder ? nodePath.join(workspaceFolder.fsPath, ...agentFolderSegments) : cancelled;
}

/** A value from the schema's list for `model` or `color`; `undefined` leaves the key out. */
async function pickOne(title: string, placeHolder: string, key: 'model' | 'color'): Promise<string | undefined | typeof cancelled> {
  const omit = { label: vscode.l10n.t('(leave out)'), description: vscode.l10n.t('use the default'), value: undefined };
  const values = fieldOf(claudeCodeFormat.fields, key)!.values!.map((value) => ({ label: value.value, description: plainText(value.documentation), value: value.value }));
  const picked = await vscode.window.showQuickPick([...values, omit], { title, placeHolder, ignoreFocusOut: true });
  return picked ? picked.value : cancelled;
}

/** Tools from the schema; picking none leaves `tools` out, so the agent inherits every tool. */
async function pickTools(title: string): Promise<string[] | undefined> {
  const items = claudeCodeFormat.tools.map((tool) => ({ label: tool.name, description: plainText(tool.documentation) }));
  const picked = await vscode.window.showQuickPick(items, {
    title, canPickMany: true, ignoreFocusOut: true, placeHolder: vscode.l10n.t('Tools the agent may use (none picked: all tools)'),
  });
  return picked?.map((item) => item.label);
}
