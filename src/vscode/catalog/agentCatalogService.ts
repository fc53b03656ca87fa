// The one AgentCatalog the view, diagnostics and invocation share, kept current from disk: watchers per agent folder
// (recreated as workspace folders come and go) plus VS Code's own file and save events, coalesced per path.
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import vscode = require('vscode');
import { AgentCatalog, type CatalogChange } from '../../engine/catalog/catalog';
import { addFile, agentFilesOf, discoverAgents } from '../../node/catalogLoading';
import { isAgentFileOf, withTrailingSeparator, type AgentFolder } from '../../engine/formats/agentFiles';
import { agentFolderLocations } from '../../engine/formats/registry';
import { newestChoice } from '../../node/claudeCodeVersion';
import type { ProfileChoice } from '../../engine/formats/claudeCode/profiles';
import { claudeConfigDirectory } from '../../node/plugins/pluginDiscovery';
import { Disposable } from '../base/disposable';

export interface AgentCatalogChange extends CatalogChange {
  /** The whole catalog was rebuilt (first scan, Refresh, workspace folders changed). */
  reset: boolean;
}

/** Bursts of file events (a save writes, renames and changes) are handled together after this pause. */
const COALESCE_MS = 30;

export class AgentCatalogService extends Disposable {
  private catalog: AgentCatalog;
  private readonly pendingPaths = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly waitingForFlush: (() => void)[] = [];
  /** Updates run one after another, so a rebuild and a file event never interleave. */
  private queue: Promise<void> = Promise.resolve();
  private readonly folderWatchers = new Map<string, vscode.Disposable>();
  /** Per plugin whose plugin.json lists its agent files: a watcher on exactly those files (they may lie anywhere in it). */
  private listedFileWatchers = new Map<string, vscode.Disposable>();
  private readonly changeEmitter = this._register(new vscode.EventEmitter<AgentCatalogChange>());
  readonly onDidChange = this.changeEmitter.event;
  /** Settles once the first scan is done. */
  readonly ready: Promise<void>;
  /** The Claude Code whose rules apply: the newest profile until the user's version is known. */
  private claudeCode: ProfileChoice = newestChoice();
  private readonly claudeCodeEmitter = this._register(new vscode.EventEmitter<ProfileChoice>());
  readonly onDidChangeClaudeCode = this.claudeCodeEmitter.event;

  constructor(readonly homeDirectory: string = os.homedir()) {
    super();
    this.catalog = new AgentCatalog([]);
    for (const { location } of agentFolderLocations()) {
      if (location.inHomeDirectory) this._register(this.watch(vscode.Uri.file(nodePath.join(homeDirectory, ...location.segments)), '**'));
    }
    // Installing, enabling or disabling a plugin changes which plugin agents exist: rescan.
    this._register(this.watchForRefresh(vscode.Uri.file(claudeConfigDirectory(homeDirectory)), '{settings.json,plugins/*.json}'));
    this.syncFolderWatchers();
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => {
      this.syncFolderWatchers();
      void this.refresh();
    }));
    this._register(vscode.workspace.onDidSaveTextDocument((document) => this.schedule(document.uri)));
    this._register(vscode.workspace.onDidCreateFiles((event) => event.files.forEach((uri) => this.schedule(uri))));
    this._register(vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => this.schedule(uri))));
    this._register(vscode.workspace.onDidRenameFiles((event) => event.files.forEach(({ oldUri, newUri }) => (this.schedule(oldUri), this.schedule(newUri)))));
    this._register({ dispose: () => (clearTimeout(this.flushTimer), this.folderWatchers.forEach((watcher) => watcher.dispose()), this.listedFileWatchers.forEach((watcher) => watcher.dispose())) });
    this.ready = this.refresh();
  }

  get current(): AgentCatalog {
    return this.catalog;
  }

  get claudeCodeChoice(): ProfileChoice {
    return this.claudeCode;
  }

  /** Follows another Claude Code version: every file is read again under its rules. */
  setClaudeCodeChoice(choice: ProfileChoice): Promise<void> {
    const previous = this.claudeCode;
    this.claudeCode = choice;
    if (previous.version === choice.version && previous.profile === choice.profile && previous.note === choice.note) return this.queue;
    this.claudeCodeEmitter.fire(choice);
    return previous.profile === choice.profile ? this.queue : this.refresh();
  }

  /** The agent folder a file belongs to, when the file is one its tool reads as an agent. */
  agentFolderOf(uri: vscode.Uri): AgentFolder | undefined {
    if (uri.scheme !== 'file') return undefined;
    const folder = this.catalog.folderOf(uri.fsPath);
    return folder && isAgentFileOf(folder, uri.fsPath) ? folder : undefined;
  }

  /** Rescans every agent folder. */
  refresh(): Promise<void> {
    return this.enqueue(async () => {
      const workspaceFolders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
      this.catalog = await discoverAgents({ workspaceFolders, homeDirectory: this.homeDirectory, claudeCodeProfile: this.claudeCode.profile });
      this.syncListedFileWatchers();
      this.changeEmitter.fire({ changed: this.catalog.entries().map((entry) => entry.path), removed: [], reset: true });
    });
  }

  /** Re-reads a path (file, folder, or gone) after the coalescing pause; resolves once the catalog reflects it. */
  schedule(uri: vscode.Uri): Promise<void> {
    if (uri.scheme !== 'file') return Promise.resolve();
    this.pendingPaths.add(uri.fsPath);
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => {
      const waiting = this.waitingForFlush.splice(0);
      void this.enqueue(() => this.flush()).then(() => waiting.forEach((resolve) => resolve()));
    }, COALESCE_MS);
    return new Promise((resolve) => this.waitingForFlush.push(resolve));
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work, work).catch((error: unknown) => console.error('Agent Studio: updating the agent catalog failed', error));
    return this.queue;
  }

  private async flush(): Promise<void> {
    const paths = [...this.pendingPaths];
    this.pendingPaths.clear();
    const change: AgentCatalogChange = { changed: [], removed: [], reset: false };
    const merge = (part: CatalogChange) => (change.changed.push(...part.changed), change.removed.push(...part.removed));
    for (const path of paths) {
      const stat = await fs.stat(path).catch(() => undefined);
      if (!stat) {
        merge(this.catalog.remove(path));
        merge(this.catalog.removeUnder(path));
      } else if (stat.isDirectory()) {
        for (const file of await this.agentFilesUnder(path)) merge(await addFile(this.catalog, file.path));
      } else if (this.agentFolderOf(vscode.Uri.file(path))) {
        merge(await addFile(this.catalog, path));
      }
    }
    const removed = new Set(change.removed);
    change.changed = [...new Set(change.changed)].filter((path) => !removed.has(path));
    change.removed = [...removed];
    if (change.changed.length > 0 || change.removed.length > 0) this.changeEmitter.fire(change);
  }

  /** Agent files under a directory that appeared (created, moved in): an agent folder itself or one inside it. */
  private async agentFilesUnder(directory: string): Promise<{ path: string; size: number }[]> {
    const prefix = withTrailingSeparator(directory);
    // Files a plugin.json lists may lie in any folder of the plugin.
    const listed = this.catalog.folders.filter((folder) => folder.files?.some((path) => path.startsWith(prefix)));
    const listedFiles = (await Promise.all(listed.map((folder) => agentFilesOf(folder)))).flat().filter((file) => file.path.startsWith(prefix));
    const folder = this.catalog.folders.find((candidate) => !candidate.files && candidate.path === directory) ?? this.catalog.folderOf(directory);
    if (!folder || folder.files || (!folder.recursive && folder.path !== directory)) return listedFiles;
    return [...listedFiles, ...await agentFilesOf({ ...folder, path: directory })];
  }

  /** Watches the files each listing plugin.json names, present or not; recreated after every rescan. */
  private syncListedFileWatchers(): void {
    const wanted = new Map(this.catalog.folders.filter((folder) => folder.files).map((folder) => [`${folder.path}\0${folder.files!.join('\0')}`, folder]));
    for (const [key, watcher] of this.listedFileWatchers) {
      if (wanted.has(key)) continue;
      watcher.dispose();
      this.listedFileWatchers.delete(key);
    }
    for (const [key, folder] of wanted) {
      if (this.listedFileWatchers.has(key)) continue;
      const relative = folder.files!.map((path) => nodePath.relative(folder.path, path).split(nodePath.sep).join('/'));
      // A name with glob characters cannot be spelled in a pattern: then every file of the plugin is watched.
      const pattern = relative.some((path) => /[{}[\]*?,]/.test(path)) ? '**' : `{${relative.join(',')}}`;
      this.listedFileWatchers.set(key, this.watch(vscode.Uri.file(folder.path), pattern));
    }
  }

  private watch(base: vscode.Uri | vscode.WorkspaceFolder, pattern: string): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(base, pattern));
    const onEvent = (uri: vscode.Uri) => void this.schedule(uri);
    return vscode.Disposable.from(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent));
  }

  /** Files whose change redraws the whole catalog (plugin manifests, enabled plugins). */
  private watchForRefresh(base: vscode.Uri | vscode.WorkspaceFolder, pattern: string): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(base, pattern));
    const onEvent = () => void this.refresh();
    return vscode.Disposable.from(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent));
  }

  private syncFolderWatchers(): void {
    const current = new Map((vscode.workspace.workspaceFolders ?? []).map((folder) => [folder.uri.toString(), folder]));
    for (const [key, watcher] of this.folderWatchers) {
      if (current.has(key)) continue;
      watcher.dispose();
      this.folderWatchers.delete(key);
    }
    for (const [key, folder] of current) {
      if (this.folderWatchers.has(key) || folder.uri.scheme !== 'file') continue;
      // `**` rather than `**/*.md`: a deleted or moved-in folder of agents must be seen too.
      this.folderWatchers.set(key, vscode.Disposable.from(...agentFolderLocations().map(({ location }) => this.watch(folder, `${location.segments.join('/')}/**`)),
        // Plugins being written: their agents folders, and manifests that make (or unmake) a folder a plugin.
        this.watch(folder, '**/agents/**'), this.watchForRefresh(folder, '{**/.claude-plugin/*.json,.claude/settings*.json}')));
    }
  }
}
