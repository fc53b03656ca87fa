// Problems of the plugin manifests (`.claude-plugin/plugin.json`) of the plugins the catalog knows, beside the JSON
// schema VS Code validates through `jsonValidation`: what Claude Code rejects, listed agent files that are not there,
// agents/ files a listing manifest leaves out. Open manifests from their live text, the others from disk; redone when
// the catalog changes (a listed file appeared or went) and when files come and go in an agents/ folder. An open file
// of such an agents/ folder gets the same warning, so whoever opens it there learns why nothing else is said about it.
import * as nodePath from 'node:path';
import vscode = require('vscode');
import { unlistedAgentFile } from '../../engine/formats/claudeCode/plugins/pluginManifest';
import { pluginProfile } from '../../engine/formats/claudeCode/profiles/pluginLoader';
import type { Diagnostic } from '../../engine/types';
import { readAgentFile } from '../../node/agentFileReading';
import { checkPluginManifest, PLUGIN_MANIFEST } from '../../node/plugins/pluginDiscovery';
import type { AgentCatalogService } from '../catalog/agentCatalogService';
import { Disposable } from '../base/disposable';
import { DIAGNOSTIC_SOURCE, DiagnosticDocumentation, toVscodeDiagnostic } from './diagnostics';

const TYPING_DEBOUNCE_MS = 150;

export class PluginManifestDiagnostics extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-plugin-manifests`));
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly service: AgentCatalogService, private readonly documentation: DiagnosticDocumentation) {
    super();
    this._register(service.onDidChange(() => this.updateAll()));
    this._register(vscode.workspace.onDidOpenTextDocument((document) => this.update(document.uri)));
    this._register(vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length > 0 && this.isManifest(event.document.uri) && this.updateSoon(event.document.uri)));
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.update(document.uri)));
    // A file added to or removed from an agents/ folder changes what a listing manifest leaves out.
    const agentsFolders = this._register(vscode.workspace.createFileSystemWatcher('**/agents/**'));
    const onAgentsFolderEvent = () => this.updateAllSoon();
    this._register(agentsFolders.onDidCreate(onAgentsFolderEvent));
    this._register(agentsFolders.onDidDelete(onAgentsFolderEvent));
    this._register({ dispose: () => this.timers.forEach(clearTimeout) });
    this.updateAll();
  }

  /** The plugin roots whose plugin.json is checked: every plugin the catalog has a folder of. */
  private pluginRoots(): Set<string> {
    return new Set(this.service.current.folders.map((folder) => folder.plugin?.root).filter((root): root is string => root !== undefined));
  }

  private isManifest(uri: vscode.Uri): boolean {
    return uri.scheme === 'file' && uri.fsPath.endsWith(nodePath.sep + PLUGIN_MANIFEST);
  }

  /**
   * The engine diagnostics for a plugin.json, or for an open `.md` in the agents/ folder of a plugin whose plugin.json
   * lists other files; `undefined` for any other file.
   */
  compute(uri: vscode.Uri, text?: string): Diagnostic[] | undefined {
    if (uri.scheme !== 'file') return undefined;
    if (!this.isManifest(uri)) return this.computeForUnlisted(uri, text);
    const root = nodePath.dirname(nodePath.dirname(uri.fsPath));
    if (!this.pluginRoots().has(root)) return undefined;
    const manifestText = text ?? readManifest(uri.fsPath);
    if (manifestText === undefined) return undefined;
    return checkPluginManifest(root, manifestText, pluginProfile(this.service.current.profileOf('claude-code').version)).diagnostics;
  }

  private computeForUnlisted(uri: vscode.Uri, text: string | undefined): Diagnostic[] | undefined {
    if (text === undefined || !/\.md$/i.test(uri.fsPath)) return undefined;
    const path = uri.fsPath;
    const listing = this.service.current.folders.find((folder) => folder.files && folder.plugin && path.startsWith(nodePath.join(folder.plugin.root, 'agents') + nodePath.sep));
    if (!listing || listing.files!.includes(path)) return undefined;
    return [unlistedAgentFile(text, nodePath.relative(listing.plugin!.root, path).split(nodePath.sep).join('/'))];
  }

  private updateAll(): void {
    const manifests = [...this.pluginRoots()].map((root) => vscode.Uri.file(nodePath.join(root, PLUGIN_MANIFEST)));
    const open = vscode.workspace.textDocuments.filter((document) => !document.isClosed && !this.isManifest(document.uri)).map((document) => document.uri);
    const wanted = new Set(manifests.map((uri) => uri.toString()));
    this.collection.forEach((uri) => {
      if (!wanted.has(uri.toString())) this.collection.delete(uri);
    });
    [...manifests, ...open].forEach((uri) => this.update(uri));
  }

  private updateAllSoon(): void {
    clearTimeout(this.timers.get(''));
    this.timers.set('', setTimeout(() => (this.timers.delete(''), this.updateAll()), TYPING_DEBOUNCE_MS));
  }

  private updateSoon(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => (this.timers.delete(key), this.update(uri)), TYPING_DEBOUNCE_MS));
  }

  private update(uri: vscode.Uri): void {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString() && !document.isClosed);
    const diagnostics = this.compute(uri, open?.getText());
    if (diagnostics) this.collection.set(uri, diagnostics.map((diagnostic) => toVscodeDiagnostic(diagnostic, this.documentation, open?.version)));
    else this.collection.delete(uri);
  }
}

/** Read as carefully as an agent file: never a FIFO or device, never past 1 MiB. */
function readManifest(path: string): string | undefined {
  const read = readAgentFile(path);
  return 'text' in read ? read.text : undefined;
}

export function registerPluginManifestDiagnostics(context: vscode.ExtensionContext, service: AgentCatalogService): PluginManifestDiagnostics {
  const diagnostics = new PluginManifestDiagnostics(service, new DiagnosticDocumentation(context.extensionUri));
  context.subscriptions.push(diagnostics);
  return diagnostics;
}
