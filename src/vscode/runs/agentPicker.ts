// The quick pick that asks which agent gets the prompt: recently used first, best matches marked as suggested.
import vscode = require('vscode');
import { rankAgents, recordRecentUse, type SuggestionCandidate } from '../../engine/agents/agentSuggestions';
import type { AgentCatalog } from '../../engine/catalog/catalog';
import { displayPath, shortDescription } from '../agentsView/agentsViewItems';

const RECENT_KEY = 'agentStudio.recentAgents';

/** Agent files run most recently in this workspace, newest first. */
export class RecentAgents {
  constructor(private readonly state: vscode.Memento) {}

  list(): string[] {
    return this.state.get<string[]>(RECENT_KEY, []);
  }

  record(agentPath: string): void {
    void this.state.update(RECENT_KEY, recordRecentUse(this.list(), agentPath));
  }
}

/** The agents a run can use: files the tool loads, without the definitions another file overrides. */
export function runnableAgents(catalog: AgentCatalog): SuggestionCandidate[] {
  return catalog.entries()
    // A plugin being written in the workspace is not one Claude Code loads there; an installed one is.
    .filter((entry) => entry.result.loads && entry.result.agent && !entry.shadowedBy && (!entry.folder.plugin || entry.folder.plugin.installedId !== undefined))
    .map((entry) => ({ id: entry.path, name: entry.result.agent!.name, description: entry.result.agent!.description }));
}

/** An agent given by name (as a keybinding would) or by path; undefined when the catalog has no such agent. */
export function findAgent(catalog: AgentCatalog, nameOrPath: string): string | undefined {
  const agents = runnableAgents(catalog);
  return (agents.find((agent) => agent.id === nameOrPath) ?? agents.find((agent) => agent.name === nameOrPath))?.id;
}

interface AgentPickItem extends vscode.QuickPickItem {
  agentPath?: string;
}

/** Resolves to the chosen agent file's path, or undefined when the user dismissed the pick. */
export async function pickAgent(catalog: AgentCatalog, prompt: string, recent: RecentAgents): Promise<string | undefined> {
  const agents = runnableAgents(catalog);
  if (agents.length === 0) {
    const create = vscode.l10n.t('New Agent…');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('There is no agent to send the prompt to: no agent file in .claude/agents/ or .github/agents/ loads.'), create);
    if (choice === create) await vscode.commands.executeCommand('agentStudio.newAgent');
    return undefined;
  }
  const ranked = rankAgents(prompt, agents, { recent: recent.list() });
  const items: AgentPickItem[] = [];
  ranked.forEach((entry, index) => {
    const isRecent = entry.recentIndex !== undefined;
    if (index === 0 && isRecent) items.push({ label: vscode.l10n.t('recently used'), kind: vscode.QuickPickItemKind.Separator });
    if (!isRecent && (index === 0 || ranked[index - 1].recentIndex !== undefined)) items.push({ label: vscode.l10n.t('agents'), kind: vscode.QuickPickItemKind.Separator });
    items.push({
      label: entry.agent.name,
      description: [entry.suggested ? `$(sparkle) ${vscode.l10n.t('suggested')}` : undefined, displayPath(entry.agent.id)].filter(Boolean).join(' · '),
      detail: shortDescription(entry.agent.description),
      agentPath: entry.agent.id,
    });
  });
  const choice = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Send to Agent'),
    placeHolder: vscode.l10n.t('Choose the agent that answers the prompt'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return choice?.agentPath;
}
