// The Test Explorer's routing items: one per project agent file with examples (a child per `<example>`, on its
// line) and one per `.claude/agent-routing.json` (a child per case), rebuilt as the catalog and the cases files change.
import * as nodePath from 'node:path';
import vscode = require('vscode');
import { casesFromAgentFile, parseRoutingCasesFile, ROUTING_CASES_FILE, type RoutingCase } from '../../engine/routing/routingCases';
import { readAgentFile } from '../../node/agentFileReading';
import type { AgentCatalogService } from '../catalog/agentCatalogService';
import { Disposable } from '../base/disposable';
import { toVscodeRange } from '../base/vscodeRanges';

export class RoutingTestItems extends Disposable {
  /** The case behind each leaf item; items that leave the tree take their entry with them. */
  private readonly cases = new WeakMap<vscode.TestItem, RoutingCase>();
  private readonly changeEmitter = this._register(new vscode.EventEmitter<void>());
  /** Fires after the items were brought up to date with the disk. */
  readonly onDidChange = this.changeEmitter.event;
  private generation = 0;

  constructor(private readonly controller: vscode.TestController, private readonly catalog: AgentCatalogService) {
    super();
    this._register(catalog.onDidChange((change) => void (change.reset ? this.rebuild() : this.update([...change.changed, ...change.removed]))));
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(`**/${ROUTING_CASES_FILE}`));
    const onCasesFile = (uri: vscode.Uri) => void this.update([uri.fsPath]);
    this._register(watcher.onDidCreate(onCasesFile));
    this._register(watcher.onDidChange(onCasesFile));
    this._register(watcher.onDidDelete(onCasesFile));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rebuild()));
    void catalog.ready.then(() => this.rebuild());
  }

  caseOf(item: vscode.TestItem): RoutingCase | undefined {
    return this.cases.get(item);
  }

  /** Every file item and case item again, from the catalog and the cases files. */
  async rebuild(): Promise<void> {
    const generation = ++this.generation;
    const files = [...this.agentFiles(), ...this.casesFiles()];
    const items = await Promise.all(files.map((file) => this.fileItem(file)));
    if (generation !== this.generation) return; // a newer rebuild started meanwhile
    this.controller.items.replace(items.filter((item): item is vscode.TestItem => !!item));
    this.changeEmitter.fire();
  }

  /** Re-reads the given paths only (edited, created, deleted agent files or cases files). */
  private async update(paths: string[]): Promise<void> {
    const generation = this.generation;
    const wanted = new Set([...this.agentFiles(), ...this.casesFiles()]);
    for (const path of new Set(paths)) {
      const item = wanted.has(path) ? await this.fileItem(path) : undefined;
      if (generation !== this.generation) return;
      if (item) {
        this.controller.items.add(item);
      } else {
        this.controller.items.delete(path);
      }
    }
    this.changeEmitter.fire();
  }

  /** Project agent files Claude Code uses (loaded, not shadowed): user agents compete but are not the project's tests. */
  private agentFiles(): string[] {
    return this.catalog.current.entries()
      .filter((entry) => entry.folder.scope === 'project' && entry.folder.format === 'claude-code' && entry.result.loads && !entry.shadowedBy && !entry.ambiguousWith?.length)
      .map((entry) => entry.path);
  }

  private casesFiles(): string[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => nodePath.join(folder.uri.fsPath, ROUTING_CASES_FILE));
  }

  private async fileItem(path: string): Promise<vscode.TestItem | undefined> {
    // Never opens a FIFO or device that took a file's place (readAgentFile); such a file has no items.
    const read = readAgentFile(path);
    if (!('text' in read)) return undefined;
    const text = read.text;
    const uri = vscode.Uri.file(path);
    const isCasesFile = path.endsWith(nodePath.join(...ROUTING_CASES_FILE.split('/')));
    const agentName = isCasesFile ? undefined : this.catalog.current.get(path)?.result.agent?.name;
    const parsed = isCasesFile ? parseRoutingCasesFile(path, text) : { cases: agentName ? casesFromAgentFile(path, text, agentName) : [], problems: [] };
    if (parsed.cases.length === 0 && parsed.problems.length === 0) return undefined;
    const item = this.controller.createTestItem(path, agentName ?? vscode.workspace.asRelativePath(uri), uri);
    item.description = agentName ? vscode.workspace.asRelativePath(uri) : undefined;
    if (parsed.problems.length > 0) item.error = parsed.problems.map((problem) => `${problem.range.start.line + 1}: ${problem.message}`).join('\n');
    for (const routingCase of parsed.cases) {
      const child = this.controller.createTestItem(routingCase.id, oneLine(routingCase.prompt), uri);
      child.range = toVscodeRange(routingCase.range);
      child.description = routingCase.expected === null ? vscode.l10n.t('must not be delegated') : agentName ? undefined : routingCase.expected;
      this.cases.set(child, routingCase);
      item.children.add(child);
    }
    return item;
  }
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}
