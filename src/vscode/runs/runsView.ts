// The Runs view: this session's runs, newest first, with open, re-run, copy, insert and stop.
import vscode = require('vscode');
import { formatDuration } from '../../providers/runDocument';
import { providerLabels } from '../../providers/types';
import { Disposable } from '../base/disposable';
import { escapeMarkdown, escapeMarkdownLines, markdownKeepingCode } from '../base/markdownText';
import type { AgentRunner } from './agentRunner';
import { RUN_SCHEME, type AgentRun, type RunStatus, type RunStore } from './runStore';

const statusIcons: Record<RunStatus, vscode.ThemeIcon> = {
  running: new vscode.ThemeIcon('loading~spin'),
  completed: new vscode.ThemeIcon('check', new vscode.ThemeColor('testing.iconPassed')),
  cancelled: new vscode.ThemeIcon('circle-slash'),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')),
};

export class RunItem extends vscode.TreeItem {
  constructor(readonly run: AgentRun) {
    super(run.agentName, vscode.TreeItemCollapsibleState.None);
    this.id = `run:${run.id}`;
    this.refresh();
  }

  refresh(): void {
    const { run } = this;
    const prompt = run.origin.prompt.replace(/\s+/g, ' ').trim();
    const duration = run.status !== 'running' ? formatDuration(run.durationMs) : vscode.l10n.t('running');
    this.description = `${duration} · ${prompt.length > 60 ? `${prompt.slice(0, 57)}…` : prompt}`;
    this.iconPath = statusIcons[run.status];
    // `.answered` is what the menus key Copy Answer and Insert Answer on: a run that failed before answering has nothing to copy.
    this.contextValue = `agentRun.${run.status}${run.answer ? '.answered' : ''}`;
    this.command = { command: 'agentStudio.openRun', title: vscode.l10n.t('Open Run'), arguments: [this] };
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`${escapeMarkdown(`${run.agentName} · ${run.providerId ? providerLabels[run.providerId] : vscode.l10n.t('not started')}${run.model ? ` · ${run.model}` : ''}`)}\n\n`);
    tooltip.appendMarkdown(escapeMarkdownLines(run.origin.prompt.slice(0, 500)));
    if (run.error) tooltip.appendMarkdown(`\n\n${markdownKeepingCode(run.error.message)}`);
    this.tooltip = tooltip;
  }
}

export class RunsTreeProvider extends Disposable implements vscode.TreeDataProvider<RunItem> {
  private readonly changeEmitter = this._register(new vscode.EventEmitter<RunItem | undefined>());
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly items = new Map<string, RunItem>();

  constructor(private readonly store: RunStore) {
    super();
    this._register(store.onDidChangeRun((run) => {
      const item = run && this.items.get(run.id);
      item?.refresh();
      this.changeEmitter.fire(item);
    }));
  }

  getTreeItem(element: RunItem): vscode.TreeItem {
    return element;
  }

  /** Runs are all top-level rows; `reveal` needs this. */
  getParent(): undefined {
    return undefined;
  }

  itemOf(run: AgentRun): RunItem | undefined {
    return this.getChildren().find((item) => item.run === run);
  }

  getChildren(element?: RunItem): RunItem[] {
    if (element) return [];
    const runs = this.store.list();
    const kept = new Set(runs.map((run) => run.id));
    for (const id of this.items.keys()) if (!kept.has(id)) this.items.delete(id);
    return runs.map((run) => {
      let item = this.items.get(run.id);
      if (!item) this.items.set(run.id, (item = new RunItem(run)));
      return item;
    });
  }
}

/** The editor the user last typed in, so "Insert Answer" does not aim at a run document. */
class LastTextEditor extends Disposable {
  private editor: vscode.TextEditor | undefined;

  constructor() {
    super();
    this.remember(vscode.window.activeTextEditor);
    this._register(vscode.window.onDidChangeActiveTextEditor((editor) => this.remember(editor)));
  }

  get current(): vscode.TextEditor | undefined {
    const editor = this.editor;
    return editor && vscode.window.visibleTextEditors.includes(editor) ? editor : vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.scheme !== RUN_SCHEME);
  }

  private remember(editor: vscode.TextEditor | undefined): void {
    if (editor && editor.document.uri.scheme !== RUN_SCHEME) this.editor = editor;
  }
}

export interface RunsView {
  /** Shows the Runs view with the run's row selected; resolves once the row is drawn. */
  reveal(run: AgentRun): Promise<void>;
}

export function registerRunsView(context: vscode.ExtensionContext, store: RunStore, runner: AgentRunner): RunsView {
  const provider = new RunsTreeProvider(store);
  const lastEditor = new LastTextEditor();
  const treeView = vscode.window.createTreeView('agentStudio.runs', { treeDataProvider: provider });
  context.subscriptions.push(provider, lastEditor, treeView);

  /** A tree item, a run id (scripts, tests), or nothing: the newest run. */
  const runOf = (target: unknown): AgentRun | undefined => {
    if (target instanceof RunItem) return target.run;
    if (typeof target === 'string') return store.get(target);
    if (target instanceof vscode.Uri) return store.fromUri(target);
    return vscode.window.activeTextEditor ? store.fromUri(vscode.window.activeTextEditor.document.uri) ?? store.list()[0] : store.list()[0];
  };
  const command = (id: string, handler: (run: AgentRun) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, (target?: unknown) => {
      const run = runOf(target);
      return run ? handler(run) : undefined;
    }));

  command('agentStudio.openRun', (run) => vscode.window.showTextDocument(run.uri, { preview: false }));
  command('agentStudio.rerun', async (run) => (await runner.run(run.origin)).snapshot());
  command('agentStudio.stopRun', (run) => run.cancel());
  command('agentStudio.copyRunAnswer', async (run) => {
    await vscode.env.clipboard.writeText(run.answer);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Answer of {0} copied', run.agentName), 3000);
  });
  command('agentStudio.insertRunAnswer', async (run) => {
    const editor = lastEditor.current;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open the file to insert the answer into, then run this again.'));
      return false;
    }
    return editor.edit((builder) => builder.insert(editor.selection.active, run.answer));
  });
  context.subscriptions.push(vscode.commands.registerCommand('agentStudio.clearRuns', () => store.clearFinished()));
  return {
    reveal: async (run) => {
      const item = provider.itemOf(run);
      if (item) await treeView.reveal(item, { select: true, focus: true });
    },
  };
}
