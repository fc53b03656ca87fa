// `agentStudio.newAgent`: asks name, description, scope, model, tools and colour, writes a valid agent file, opens it.
// Every answer can also be passed as an argument, which skips its question (scripts and tests use that). Each question
// shows its step and a Back button.
import * as nodePath from 'node:path';
import { agentFileInFolder, pathTaken } from '../../node/agentFileTargets';
import vscode = require('vscode');
import { checkNewAgentDescription, checkNewAgentName, renderNewAgent, type NewAgentAnswers } from '../../engine/agents/newAgent';
import { claudeCodeFormat } from '../../engine/formats/claudeCode/format';
import { CLAUDE_CODE_COLORS } from '../../engine/formats/claudeCode/fields';
import { fieldOf } from '../../engine/formats/fieldSchema';
import { agentColorIcon } from '../base/agentColors';
import { askText, back, cancelled, pickItems, type StepAnswer, type StepPosition } from './wizardSteps';

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
  context.subscriptions.push(vscode.commands.registerCommand('agentStudio.newAgent', (args?: unknown) => newAgent(service, context.extensionUri, newAgentArguments(args))));
}

/**
 * The answers a caller passed, keeping only well-typed ones. VS Code hands a view title's command the tree's focused
 * item as its first argument; a tree item (any class instance) is no answer, so the wizard then asks every question.
 */
export function newAgentArguments(args: unknown): NewAgentArguments {
  if (typeof args !== 'object' || args === null || Object.getPrototypeOf(args) !== Object.prototype) return {};
  const given = args as Record<string, unknown>;
  const text = (key: string) => (typeof given[key] === 'string' ? given[key] as string : undefined);
  const scope = given.scope === 'project' || given.scope === 'user' ? given.scope : undefined;
  const tools = Array.isArray(given.tools) && given.tools.every((tool) => typeof tool === 'string') ? given.tools as string[] : undefined;
  const workspaceFolder = given.workspaceFolder instanceof vscode.Uri ? given.workspaceFolder : undefined;
  const answers: NewAgentArguments = { name: text('name'), description: text('description'), model: text('model'), color: text('color'), tools, scope, workspaceFolder };
  return Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined)) as NewAgentArguments;
}

interface Answers {
  name?: string;
  description?: string;
  folder?: string;
  model?: string;
  tools?: string[];
  color?: string;
}

type Step = (position: StepPosition, answers: Answers) => Promise<StepAnswer<Partial<Answers>>>;

async function newAgent(service: AgentCatalogService, extensionUri: vscode.Uri, args: NewAgentArguments): Promise<vscode.Uri | undefined> {
  const title = vscode.l10n.t('New Agent');
  const candidateFolders = () => [
    ...(vscode.workspace.workspaceFolders ?? []).map((folder) => nodePath.join(folder.uri.fsPath, ...agentFolderSegments)),
    nodePath.join(service.homeDirectory, ...agentFolderSegments),
  ];
  const existingFile = (name: string) => candidateFolders().map((folder) => nodePath.join(folder, `${name}.md`)).find(pathTaken);
  const answers: Answers = { ...args, folder: givenFolder(service, args) };

  // Only the questions the caller left open are asked, and only they count as steps.
  const steps: Step[] = [];
  if (args.name === undefined) steps.push(async (position, current) => mapAnswer(await askText({
    ...position, prompt: vscode.l10n.t('The agent\'s name, how Claude Code addresses it (e.g. code-reviewer)'), value: current.name,
    validate: (value) => nameValidation(checkNewAgentName(value, existingFile(value))),
  }), (name) => ({ name })));
  if (args.description === undefined) steps.push(async (position, current) => mapAnswer(await askText({
    ...position, prompt: vscode.l10n.t('When should Claude hand work to this agent?'), placeholder: vscode.l10n.t('Use this agent when ...'), value: current.description,
    validate: (value) => {
      const problem = checkNewAgentDescription(value);
      return problem && plainText(problem);
    },
  }), (description) => ({ description })));
  if (answers.folder === undefined) steps.push((position, current) => pickFolder(service, position, current.folder));
  if (args.model === undefined) steps.push((position, current) => pickModel(position, current.model));
  if (args.tools === undefined) steps.push((position, current) => pickTools(position, current.tools));
  if (args.color === undefined) steps.push((position, current) => pickColor(extensionUri, position, current.color));

  for (let index = 0; index < steps.length;) {
    const answer = await steps[index]({ title, step: index + 1, totalSteps: steps.length }, answers);
    if (answer === cancelled) return undefined;
    if (answer === back) {
      index = Math.max(0, index - 1);
      continue;
    }
    Object.assign(answers, answer);
    index++;
  }
  const { name, description, folder, model, tools, color } = answers;
  if (name === undefined || description === undefined || folder === undefined) return undefined;

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

function mapAnswer<T>(answer: StepAnswer<T>, toAnswers: (value: T) => Partial<Answers>): StepAnswer<Partial<Answers>> {
  if (answer === back) return back;
  if (answer === cancelled) return cancelled;
  return toAnswers(answer as T);
}

/** The folder the arguments decide without asking: the user's, or a project's when it is clear which. */
function givenFolder(service: AgentCatalogService, args: NewAgentArguments): string | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const scope = args.scope ?? (folders.length === 0 ? 'user' : undefined);
  if (scope === 'user') return nodePath.join(service.homeDirectory, ...agentFolderSegments);
  if (scope !== 'project') return undefined;
  const workspaceFolder = args.workspaceFolder ?? (folders.length === 1 ? folders[0].uri : undefined);
  return workspaceFolder && nodePath.join(workspaceFolder.fsPath, ...agentFolderSegments);
}

/** Where the file goes: each project's `.claude/agents/` (one row per workspace folder) or the user's. */
async function pickFolder(service: AgentCatalogService, position: StepPosition, current: string | undefined): Promise<StepAnswer<Partial<Answers>>> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const projects = folders.map((folder) => ({
    label: folders.length > 1 ? vscode.l10n.t('Project: {0}', folder.name) : vscode.l10n.t('Project'),
    description: vscode.l10n.t('.claude/agents/ in this workspace, shared with the team'),
    folder: nodePath.join(folder.uri.fsPath, ...agentFolderSegments),
  }));
  const user = { label: vscode.l10n.t('User'), description: vscode.l10n.t('~/.claude/agents/, available in all your projects'), folder: nodePath.join(service.homeDirectory, ...agentFolderSegments) };
  const items = [...projects, user];
  const picked = await pickItems({ ...position, placeholder: vscode.l10n.t('Where should the agent live?'), items, selected: items.filter((item) => item.folder === current) });
  return mapAnswer(picked, ([item]) => ({ folder: item?.folder }));
}

/** `inherit` is the default, so it is the one default row; no separate "leave out" that would mean the same. */
async function pickModel(position: StepPosition, current: string | undefined): Promise<StepAnswer<Partial<Answers>>> {
  const values = fieldOf(claudeCodeFormat.fields, 'model')!.values!;
  const items = [...values].sort((a, b) => Number(b.value === 'inherit') - Number(a.value === 'inherit')).map((value) => ({
    label: value.value, description: value.value === 'inherit' ? vscode.l10n.t('default') : undefined, detail: plainText(value.documentation),
    value: value.value === 'inherit' ? undefined : value.value,
  }));
  const picked = await pickItems({ ...position, placeholder: vscode.l10n.t('Model'), items, selected: items.filter((item) => item.value === current) });
  return mapAnswer(picked, ([item]) => ({ model: item?.value }));
}

async function pickColor(extensionUri: vscode.Uri, position: StepPosition, current: string | undefined): Promise<StepAnswer<Partial<Answers>>> {
  const none = { label: vscode.l10n.t('No colour'), description: vscode.l10n.t('Claude Code picks none'), value: undefined as string | undefined };
  const items = [none, ...CLAUDE_CODE_COLORS.map((color) => ({ label: color, iconPath: agentColorIcon(extensionUri, color), value: color as string | undefined }))];
  const picked = await pickItems({ ...position, placeholder: vscode.l10n.t('Colour'), items, selected: items.filter((item) => item.value === current) });
  return mapAnswer(picked, ([item]) => ({ color: item?.value }));
}

/** Tools from the schema; picking none leaves `tools` out, so the agent inherits every tool. */
async function pickTools(position: StepPosition, current: string[] | undefined): Promise<StepAnswer<Partial<Answers>>> {
  const items = claudeCodeFormat.tools.map((tool) => ({ label: tool.name, description: plainText(tool.documentation) }));
  const picked = await pickItems({
    ...position, canPickMany: true, placeholder: vscode.l10n.t('Tools the agent may use (none picked: all tools)'), items,
    selected: items.filter((item) => current?.includes(item.label)),
  });
  return mapAnswer(picked, (chosen) => ({ tools: chosen.length > 0 ? chosen.map((item) => item.label) : undefined }));
}
