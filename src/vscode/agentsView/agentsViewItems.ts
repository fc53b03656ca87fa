// The Agents view's nodes: one TreeItem subclass per kind. `contextValue`s are what package.json menus match.
import * as os from 'node:os';
import * as nodePath from 'node:path';
import vscode = require('vscode');
import { descriptionLead } from '../../engine/agents/agent';
import type { CatalogEntry } from '../../engine/catalog/catalog';
import type { AgentFolder } from '../../engine/formats/agentFiles';
import type { Diagnostic } from '../../engine/types';
import { agentThemeColor } from '../base/agentColors';
import { escapeMarkdown, markdownKeepingCode } from '../base/markdownText';
import { plainText } from '../base/plainText';
import { listingCost } from '../../engine/routing/listingCost';
import { groupedNumber } from '../../engine/text/groupedNumber';


/** Where a path lives, for people: relative to its workspace folder, or `~/...`. */
export function displayPath(path: string): string {
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(path));
  if (folder) return (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `${folder.name}/${nodePath.relative(folder.uri.fsPath, path)}` : nodePath.relative(folder.uri.fsPath, path);
  const home = os.homedir();
  return path.startsWith(home + nodePath.sep) ? `~/${nodePath.relative(home, path)}` : path;
}

export class AgentFolderItem extends vscode.TreeItem {
  constructor(readonly folder: AgentFolder) {
    super(AgentFolderItem.labelOf(folder), vscode.TreeItemCollapsibleState.Expanded);
    this.id = `folder:${folder.path}`;
    this.contextValue = `agentFolder.${folder.scope}`;
    this.resourceUri = vscode.Uri.file(folder.path);
    this.description = folder.plugin?.installedId ?? displayPath(folder.path);
    this.tooltip = folder.path;
    this.iconPath = new vscode.ThemeIcon(folder.format === 'copilot' ? 'github' : folder.plugin ? 'extensions' : folder.scope === 'user' ? 'account' : 'folder');
  }

  private static labelOf(folder: AgentFolder): string {
    if (folder.plugin) return folder.plugin.installedId ? vscode.l10n.t('Plugin {0}', folder.plugin.name) : vscode.l10n.t('Plugin {0} (in this workspace)', folder.plugin.name);
    if (folder.format === 'copilot') return vscode.l10n.t('Copilot agents');
    return folder.scope === 'user' ? vscode.l10n.t('User agents') : vscode.l10n.t('Project agents');
  }
}

/** What a file's problems add up to, from its diagnostics. */
function problemCounts(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  return {
    errors: diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
    warnings: diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length,
  };
}

function summarizeProblems(diagnostics: readonly Diagnostic[]): string | undefined {
  const { errors, warnings } = problemCounts(diagnostics);
  const parts = [
    errors === 1 ? vscode.l10n.t('1 error') : errors > 1 ? vscode.l10n.t('{0} errors', errors) : undefined,
    warnings === 1 ? vscode.l10n.t('1 warning') : warnings > 1 ? vscode.l10n.t('{0} warnings', warnings) : undefined,
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** The first line of a description, without its examples, short enough for one row. */
export function shortDescription(description: string): string {
  const firstLine = descriptionLead(description);
  return firstLine.length > 90 ? `${firstLine.slice(0, 87).trimEnd()}...` : firstLine;
}

export type AgentStatus = 'loaded' | 'skipped' | 'shadowed' | 'ambiguous';

export class AgentFileItem extends vscode.TreeItem {
  status: AgentStatus = 'loaded';
  /** Paths whose definition of the same name this file beats. */
  overrides: readonly string[] = [];

  constructor(public entry: CatalogEntry, diagnostics: readonly Diagnostic[], overrides: readonly string[]) {
    super(nodePath.basename(entry.path), vscode.TreeItemCollapsibleState.None);
    this.id = `agent:${entry.path}`;
    this.update(entry, diagnostics, overrides);
  }

  get uri(): vscode.Uri {
    return vscode.Uri.file(this.entry.path);
  }

  /** Refreshes the item in place (its identity stays, so the view redraws just this row). `overrides`: paths it wins over. */
  update(entry: CatalogEntry, diagnostics: readonly Diagnostic[], overrides: readonly string[]): void {
    this.entry = entry;
    this.overrides = overrides;
    const agent = entry.result.loads ? entry.result.agent : null;
    const problems = summarizeProblems(diagnostics);
    this.resourceUri = this.uri;
    this.command = { command: 'vscode.open', title: vscode.l10n.t('Open Agent'), arguments: [this.uri] };
    this.label = agent ? agent.name : nodePath.basename(entry.path);
    this.status = !agent ? 'skipped' : entry.ambiguousWith?.length ? 'ambiguous' : entry.shadowedBy ? 'shadowed' : 'loaded';
    // An installed plugin's files belong to Claude Code's plugin cache or marketplace: shown and run, never edited here.
    // Nor are files a plugin.json lists renamed, duplicated or deleted from here: the list would not follow, and the
    // agent would be lost (or the copy not loaded).
    this.contextValue = `${entry.folder.plugin?.installedId || entry.folder.files ? 'pluginAgentFile' : 'agentFile'}.${this.status}`;
    /** Status in Markdown: the engine's reasons keep their `code` spans for the tooltip; the row shows them plain. */
    let status: string | undefined;
    // A namesake in the same folder tree is told apart by where it lives, which comes first so it is never cut off;
    // the other file is named relative to that tree too.
    const inTree = (other: string) => other.startsWith(entry.folder.path + nodePath.sep);
    const relativeInTree = (other: string) => (inTree(other) ? nodePath.relative(entry.folder.path, other) : displayPath(other));
    const treeNamesake = Boolean(entry.ambiguousWith?.length || entry.winsOver?.length || (entry.shadowedBy && inTree(entry.shadowedBy)));
    const where = treeNamesake ? nodePath.relative(entry.folder.path, nodePath.dirname(entry.path)) : '';
    if (!agent) {
      const firstError = diagnostics.find((diagnostic) => diagnostic.severity === 'error');
      // The message's own "Claude Code skips this file:" would repeat the label's "skipped".
      const reason = firstError?.message.replace(/^(Claude Code|VS Code) skips this file: /, '');
      status = vscode.l10n.t('skipped: {0}', reason ?? vscode.l10n.t('not an agent file'));
    } else if (entry.ambiguousWith?.length) {
      const others = entry.ambiguousWith.map((other) => nodePath.relative(entry.folder.path, other) || displayPath(other));
      status = vscode.l10n.t('same name as {0}', others.join(', '));
    } else if (entry.shadowedBy) {
      status = vscode.l10n.t('shadowed by {0}', relativeInTree(entry.shadowedBy));
    } else if (overrides.length > 0) {
      status = vscode.l10n.t('wins over {0}', overrides.map(relativeInTree).join(', '));
    }
    this.description = [where && `${where}/`, status && plainText(status), agent ? problems : undefined, agent ? shortDescription(agent.description) : undefined]
      .filter((part): part is string => Boolean(part)).join(' · ');
    this.iconPath = this.icon(agent?.color);
    this.tooltip = this.tooltipFor(entry, problems, status);
  }

  private icon(color: string | undefined): vscode.ThemeIcon {
    if (this.status === 'skipped') return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('errorForeground'));
    if (this.status === 'shadowed') return new vscode.ThemeIcon('robot', new vscode.ThemeColor('disabledForeground'));
    return new vscode.ThemeIcon('robot', agentThemeColor(color));
  }

  private tooltipFor(entry: CatalogEntry, problems: string | undefined, status: string | undefined): vscode.MarkdownString {
    const agent = entry.result.agent;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(agent?.name ?? nodePath.basename(entry.path))}**`);
    if (status) tooltip.appendMarkdown(` \u2014 ${markdownKeepingCode(status)}`);
    tooltip.appendMarkdown('\n\n');
    if (agent) {
      const description = agent.description.replace(/\s+/g, ' ');
      // Escaped by hand: appendText turns spaces into no-break spaces, so the tooltip could only wrap inside words.
      tooltip.appendMarkdown(escapeMarkdown(description.length > 400 ? `${description.slice(0, 400).replace(/\s+\S*$/, '')}...` : description));
      tooltip.appendMarkdown('\n\n');
      tooltip.appendMarkdown(`${vscode.l10n.t('Model')}: \`${agent.model ?? 'inherit'}\`  \n`);
      const tools = agent.tools === undefined ? vscode.l10n.t('all (inherited)') : agent.tools.length === 0 ? vscode.l10n.t('none') : escapeMarkdown(agent.tools.join(', '));
      tooltip.appendMarkdown(`${vscode.l10n.t('Tools')}: ${tools}  \n`);
      if (entry.folder.format === 'claude-code' && entry.result.loads) {
        // Without disallowedTools (the summary does not keep them): a few characters off at most.
        const cost = listingCost(agent);
        tooltip.appendMarkdown(`${vscode.l10n.t('Listing: {0} characters (about {1} tokens) sent to the model in every Claude Code session', groupedNumber(cost.characters), groupedNumber(cost.estimatedTokens))}  \n`);
      }
    }
    if (problems) tooltip.appendMarkdown(`${vscode.l10n.t('Problems')}: ${escapeMarkdown(problems)}  \n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Path')}: \`${entry.path}\``);
    return tooltip;
  }
}
