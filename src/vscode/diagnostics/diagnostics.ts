// Agent problems in the Problems panel and the editor. A computer (the engine, plus what only the catalog knows) beside
// a manager that owns the collection: every agent file from the catalog, open ones from their live text while typing.
import vscode = require('vscode');
import { diagnosticDocLine, DIAGNOSTICS_DOC_PATH, renderDiagnosticsDoc } from '../../engine/lint/docs';
import { verifiedFixAllEdits } from '../../engine/lint/fixVerification';
import { lintInFolder } from '../../engine/catalog/folderLint';
import { fixAllEdits } from '../../engine/lint/fixAll';
import { verificationTarget } from '../../engine/lint/lint';
import type { Diagnostic, Severity, TextEdit } from '../../engine/types';
import type { AgentCatalogChange, AgentCatalogService } from '../catalog/agentCatalogService';
import { Disposable } from '../base/disposable';
import { toVscodeRange } from '../base/vscodeRanges';

export const DIAGNOSTIC_SOURCE = 'agent-studio';
const TYPING_DEBOUNCE_MS = 150;
/** One file's change can move the overlap hints of every agent listed with it; they are recomputed once things settle. */
const OVERLAP_REFRESH_MS = 250;

/** The engine's diagnostics for a text; `undefined` when the file is not an agent file. */
export class AgentDiagnosticComputer {
  constructor(private readonly service: AgentCatalogService) {}

  compute(uri: vscode.Uri, text?: string): Diagnostic[] | undefined {
    const folder = this.service.agentFolderOf(uri);
    if (!folder) return undefined;
    const catalog = this.service.current;
    if (text === undefined) return catalog.diagnostics(uri.fsPath);
    // Shadowing, duplicate names and overlaps come from the catalog (the files on disk); the rest from the live text,
    // linted on every keystroke: its fixes are tried when a code action asks for them.
    const result = lintInFolder(text, uri.fsPath, folder, undefined, catalog.profileOf(folder.format), 'onFirstRead');
    return [...result.diagnostics, ...catalog.relationDiagnostics(uri.fsPath), ...catalog.overlapDiagnostics(uri.fsPath, { text, nameRange: result.agent?.nameRange })];
  }

  /** Fix All's edits for a text, tried together before they are offered; `undefined` outside agent files. */
  fixAllEdits(uri: vscode.Uri, text: string): TextEdit[] | undefined {
    const folder = this.service.agentFolderOf(uri);
    if (!folder) return undefined;
    // A plugin's agent: only the fixes of its own (plugin) diagnostics; the project rules' would rename what the plugin loader accepts.
    if (folder.plugin) return fixAllEdits(lintInFolder(text, uri.fsPath, folder, undefined, this.service.current.profileOf(folder.format)).diagnostics);
    return verifiedFixAllEdits(verificationTarget(text, { path: uri.fsPath, format: folder.format, profile: this.service.current.profileOf(folder.format) }));
  }
}

const severities: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * Links each code to its section of docs/diagnostics.md shipped inside the extension, so it opens offline; VS Code opens
 * a file URI with an `L<line>` fragment at that line.
 */
export class DiagnosticDocumentation {
  private readonly lines = new Map<string, number | undefined>();
  private rendered?: string;

  constructor(private readonly extensionUri: vscode.Uri) {}

  target(code: string): vscode.Uri {
    if (!this.lines.has(code)) this.lines.set(code, diagnosticDocLine(code, (this.rendered ??= renderDiagnosticsDoc())));
    const line = this.lines.get(code);
    return vscode.Uri.joinPath(this.extensionUri, DIAGNOSTICS_DOC_PATH).with({ fragment: line ? `L${line}` : '' });
  }
}

/** The engine diagnostic each published vscode.Diagnostic came from, and the document version it was computed for. */
const published = new WeakMap<vscode.Diagnostic, { diagnostic: Diagnostic; version: number | undefined }>();

export function toVscodeDiagnostic(diagnostic: Diagnostic, documentation?: DiagnosticDocumentation, version?: number): vscode.Diagnostic {
  const result = new vscode.Diagnostic(toVscodeRange(diagnostic.range), diagnostic.message, severities[diagnostic.severity]);
  result.source = DIAGNOSTIC_SOURCE;
  result.code = documentation ? { value: diagnostic.code, target: documentation.target(diagnostic.code) } : diagnostic.code;
  published.set(result, { diagnostic, version });
  return result;
}

/**
 * The engine diagnostic behind one of ours, while it still describes the document's text. Code actions receive the
 * very objects of our collection (the extension host hands them back by identity), so this is a lookup, not a match.
 */
export function engineDiagnosticOf(diagnostic: vscode.Diagnostic, document: vscode.TextDocument): Diagnostic | undefined {
  const entry = published.get(diagnostic);
  return entry && (entry.version === undefined || entry.version === document.version) ? entry.diagnostic : undefined;
}

export class AgentDiagnosticsManager extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE));
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Raised by every edit; a result computed for an older generation is dropped. */
  private readonly generations = new Map<string, number>();
  private overlapTimer: NodeJS.Timeout | undefined;

  constructor(private readonly service: AgentCatalogService, readonly computer: AgentDiagnosticComputer, private readonly documentation: DiagnosticDocumentation) {
    super();
    this._register(service.onDidChange((change) => this.onCatalogChange(change)));
    this._register(vscode.workspace.onDidOpenTextDocument((document) => this.updateNow(document)));
    this._register(vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length > 0 && this.updateSoon(event.document)));
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)));
    this._register({ dispose: () => this.timers.forEach(clearTimeout) });
    this._register({ dispose: () => clearTimeout(this.overlapTimer) });
    vscode.workspace.textDocuments.forEach((document) => this.updateNow(document));
  }

  /** A closed document shows the file on disk again and leaves no per-document state behind. */
  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.generations.delete(key);
    this.showFromCatalog(document.uri);
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  }

  private onCatalogChange(change: AgentCatalogChange): void {
    if (change.reset) {
      this.collection.clear();
      for (const entry of this.service.current.entries()) this.showFromCatalog(vscode.Uri.file(entry.path));
    } else {
      for (const path of change.changed) this.showFromCatalog(vscode.Uri.file(path));
      for (const path of change.removed) this.collection.delete(vscode.Uri.file(path));
    }
    // Open documents that were not agent files before a rebuild (new folders) may be now.
    if (change.reset) vscode.workspace.textDocuments.forEach((document) => this.updateNow(document));
    this.refreshOverlapsSoon();
  }

  /** The other files whose overlap hints a change moved (the changed files themselves were shown above). */
  private refreshOverlapsSoon(): void {
    clearTimeout(this.overlapTimer);
    this.overlapTimer = setTimeout(() => {
      this.overlapTimer = undefined;
      for (const path of this.service.current.overlapChanges()) this.showFromCatalog(vscode.Uri.file(path));
    }, OVERLAP_REFRESH_MS);
  }

  /** For files not open: the catalog's view of the file on disk. Open ones keep their live diagnostics. */
  private showFromCatalog(uri: vscode.Uri): void {
    const open = this.openDocument(uri);
    if (open && !open.isClosed) {
      this.updateNow(open);
      return;
    }
    const diagnostics = this.service.current.get(uri.fsPath) ? this.computer.compute(uri) : undefined;
    if (diagnostics) this.collection.set(uri, diagnostics.map((diagnostic) => toVscodeDiagnostic(diagnostic, this.documentation)));
    else this.collection.delete(uri);
  }

  /** The engine diagnostics published for a document's current text, publishing first if an update was waiting. */
  currentDiagnostics(document: vscode.TextDocument): Diagnostic[] {
    if (this.timers.has(document.uri.toString())) this.updateNow(document);
    return (this.collection.get(document.uri) ?? []).map((diagnostic) => engineDiagnosticOf(diagnostic, document)).filter((diagnostic): diagnostic is Diagnostic => diagnostic !== undefined);
  }

  private updateSoon(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.publish(document, generation);
    }, TYPING_DEBOUNCE_MS));
  }

  private updateNow(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    clearTimeout(this.timers.get(key));
    this.publish(document, generation);
  }

  private publish(document: vscode.TextDocument, generation: number): void {
    const key = document.uri.toString();
    if (document.isClosed || this.generations.get(key) !== generation) return;
    const diagnostics = this.computer.compute(document.uri, document.getText());
    if (this.generations.get(key) !== generation) return;
    if (diagnostics) this.collection.set(document.uri, diagnostics.map((diagnostic) => toVscodeDiagnostic(diagnostic, this.documentation, document.version)));
    else this.collection.delete(document.uri);
  }
}

export function registerDiagnostics(context: vscode.ExtensionContext, service: AgentCatalogService): AgentDiagnosticsManager {
  const manager = new AgentDiagnosticsManager(service, new AgentDiagnosticComputer(service), new DiagnosticDocumentation(context.extensionUri));
  context.subscriptions.push(manager);
  return manager;
}
