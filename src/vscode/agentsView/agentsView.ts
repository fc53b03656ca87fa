// The Agents view: agent files grouped by the folder they live in, redrawn row by row as the catalog changes.
import vscode = require('vscode');
import type { AgentFolder } from '../../engine/formats/agentFiles';
import type { AgentCatalogChange, AgentCatalogService } from '../catalog/agentCatalogService';
import { AgentFileItem, AgentFolderItem } from './agentsViewItems';
import { Disposable } from '../base/disposable';

export type AgentsViewNode = AgentFolderItem | AgentFileItem;

/** What a test reads instead of the DOM: each group's label and its rows. */
export interface AgentsViewSnapshot {
  label: string;
  description: string;
  children: { label: string; description: string; contextValue: string; path: string; tooltip: string }[];
}

export class AgentsTreeProvider extends Disposable implements vscode.TreeDataProvider<AgentsViewNode> {
  private readonly changeEmitter = this._register(new vscode.EventEmitter<AgentsViewNode | AgentsViewNode[] | undefined>());
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private folderItems = new Map<string, AgentFolderItem>();
  private fileItems = new Map<string, AgentFileItem>();

  constructor(private readonly service: AgentCatalogService) {
    super();
    this._register(service.onDidChange((change) => this.onCatalogChange(change)));
  }

  getTreeItem(element: AgentsViewNode): vscode.TreeItem {
    return element;
  }

  getChildren(element?: AgentsViewNode): AgentsViewNode[] {
    if (!element) return this.groups();
    if (element instanceof AgentFolderItem) return this.filesOf(element.folder);
    return [];
  }

  getParent(element: AgentsViewNode): AgentsViewNode | undefined {
    return element instanceof AgentFileItem ? this.folderItems.get(element.entry.folder.path) : undefined;
  }

  /** The row showing a file (for `reveal` and commands run from outside the tree). */
  itemFor(path: string): AgentFileItem | undefined {
    if (!this.fileItems.has(path)) this.groups().forEach((group) => this.filesOf(group.folder));
    return this.fileItems.get(path);
  }

  snapshot(): AgentsViewSnapshot[] {
    const text = (value: string | vscode.TreeItemLabel | vscode.MarkdownString | boolean | undefined) =>
      typeof value === 'string' ? value : value instanceof vscode.MarkdownString ? value.value : typeof value === 'object' ? value.label : '';
    return this.groups().map((group) => ({
      label: text(group.label),
      description: text(group.description),
      children: this.filesOf(group.folder).map((item) => ({
        label: text(item.label), description: text(item.description), contextValue: item.contextValue ?? '', path: item.entry.path, tooltip: text(item.tooltip),
      })),
    }));
  }

  /** Folders that hold at least one file; none at all lets the welcome view show. */
  private groups(): AgentFolderItem[] {
    const catalog = this.service.current;
    const used = new Set(catalog.entries().filter((entry) => this.isShown(entry.path)).map((entry) => entry.folder.path));
    // Project, then user, then installed plugins (the order in which they lose to each other), then Copilot's.
    const order = (folder: AgentFolder) => (folder.format === 'copilot' ? 3 : folder.plugin?.installedId ? 2 : folder.scope === 'user' ? 1 : 0);
    const folders = catalog.folders.filter((folder) => used.has(folder.path)).sort((a, b) => order(a) - order(b));
    const items = new Map<string, AgentFolderItem>();
    for (const folder of folders) items.set(folder.path, this.folderItems.get(folder.path) ?? new AgentFolderItem(folder));
    this.folderItems = items;
    return [...items.values()];
  }

  private filesOf(folder: AgentFolder): AgentFileItem[] {
    const catalog = this.service.current;
    const items = catalog.entries().filter((entry) => entry.folder.path === folder.path && this.isShown(entry.path)).map((entry) => {
      const existing = this.fileItems.get(entry.path);
      const overrides = this.overridesOf(entry.path);
      if (existing) existing.update(entry, catalog.diagnostics(entry.path), overrides);
      const item = existing ?? new AgentFileItem(entry, catalog.diagnostics(entry.path), overrides);
      this.fileItems.set(entry.path, item);
      return item;
    });
    return items.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  }

  /** A file that is no agent and no problem either (a README without front matter) is documentation, not a row. */
  private isShown(path: string): boolean {
    const entry = this.service.current.get(path);
    return entry !== undefined && (entry.result.loads || this.service.current.diagnostics(path).length > 0);
  }

  /** Paths whose definition this file beats. */
  private overridesOf(path: string): string[] {
    return this.service.current.entries().filter((entry) => entry.shadowedBy === path).map((entry) => entry.path);
  }

  /** Redraws the rows that changed; a group only when rows come, go or reorder; the root only when groups do. */
  private onCatalogChange(change: AgentCatalogChange): void {
    if (change.reset) {
      this.fileItems.clear();
      this.changeEmitter.fire(undefined);
      return;
    }
    const catalog = this.service.current;
    const groupsBefore = new Set(this.folderItems.keys());
    const groupsAfter = new Set(catalog.entries().filter((entry) => this.isShown(entry.path)).map((entry) => entry.folder.path));
    if (groupsBefore.size !== groupsAfter.size || [...groupsAfter].some((path) => !groupsBefore.has(path))) {
      this.changeEmitter.fire(undefined);
      return;
    }
    const redraw = new Set<AgentsViewNode>();
    const redrawGroupOf = (folderPath: string) => {
      const group = this.folderItems.get(folderPath);
      if (group) redraw.add(group);
    };
    for (const path of change.removed) {
      const item = this.fileItems.get(path);
      this.fileItems.delete(path);
      if (item) redrawGroupOf(item.entry.folder.path);
    }
    // A changed file may change how its namesakes read ("wins over"), so every affected row is refreshed.
    const winners = change.changed.map((path) => catalog.get(path)?.shadowedBy).filter((path): path is string => path !== undefined);
    // Rows that said they win over a file that changed or went; other winners read as before.
    const changedOrRemoved = new Set([...change.changed, ...change.removed]);
    const formerWinners = [...this.fileItems.values()].filter((item) => item.overrides.some((path) => changedOrRemoved.has(path))).map((item) => item.entry.path);
    const affected = new Set([...change.changed, ...winners, ...formerWinners]);
    for (const path of affected) {
      const entry = catalog.get(path);
      const item = this.fileItems.get(path);
      if (!entry) continue;
      if (!item || !this.isShown(path)) {
        if (item) this.fileItems.delete(path);
        redrawGroupOf(entry.folder.path);
        continue;
      }
      const labelBefore = item.label;
      item.update(entry, catalog.diagnostics(path), this.overridesOf(path));
      if (item.label !== labelBefore) redrawGroupOf(entry.folder.path);
      else redraw.add(item);
    }
    if (redraw.size > 0) this.changeEmitter.fire([...redraw]);
  }
}

function sortKey(item: AgentFileItem): string {
  return `${item.status === 'skipped' ? 1 : 0}${typeof item.label === 'string' ? item.label : ''}`;
}

export interface AgentsView {
  provider: AgentsTreeProvider;
  treeView: vscode.TreeView<AgentsViewNode>;
}

export function registerAgentsView(context: vscode.ExtensionContext, service: AgentCatalogService): AgentsView {
  const provider = new AgentsTreeProvider(service);
  const treeView = vscode.window.createTreeView('agentStudio.agents', { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, treeView, vscode.commands.registerCommand('agentStudio.refreshAgents', () => service.refresh()));
  return { provider, treeView };
}
