// The session's runs: what each asked, what it answered so far, how it ended. The Runs view, the run documents and
// the extension's API all read from here.
import vscode = require('vscode');
import { RunDocument, type RunHeader } from '../../providers/runDocument';
import { isProviderError, type ProviderError, type ProviderFixAction, type ProviderId, type RunEvent } from '../../providers/types';
import { Disposable } from '../base/disposable';
import type { ProviderSetting } from './providerSelection';

export const RUN_SCHEME = 'agent-studio-run';

export type RunStatus = 'running' | 'completed' | 'cancelled' | 'failed';

/** How a run was started, so Re-run can start it the same way. */
export interface RunOrigin {
  agentPath: string;
  prompt: string;
  /** A provider the caller asked for; otherwise each (re-)run follows the setting. */
  providerSetting?: ProviderSetting;
  /** Set when the prompt is a selection: the language of its file, so the document shows it as code. */
  promptLanguage?: string;
}

/** Plain data about a run, for tests and other extensions. */
export interface RunSnapshot {
  id: string;
  agentName: string;
  agentPath: string;
  prompt: string;
  providerId?: ProviderId;
  model?: string;
  status: RunStatus;
  answer: string;
  markdown: string;
  documentUri: string;
  error?: { kind: string; message: string; action?: ProviderFixAction };
  /** The buttons the failure message offered, by the action each runs. */
  offeredActions: string[];
  durationMs?: number;
}

export class AgentRun {
  status: RunStatus = 'running';
  providerId: ProviderId | undefined;
  model: string | undefined;
  error: ProviderError | undefined;
  offeredActions: string[] = [];
  readonly startedAt = Date.now();
  finishedAt: number | undefined;
  readonly uri: vscode.Uri;
  private readonly abortController = new AbortController();
  private document: RunDocument | undefined;

  constructor(
    readonly id: string,
    readonly agentName: string,
    readonly origin: RunOrigin,
    private readonly onChange: (run: AgentRun, immediate: boolean) => void,
  ) {
    this.uri = vscode.Uri.from({ scheme: RUN_SCHEME, path: `/${id}/${fileNameFor(agentName, id)}` });
  }

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  get answer(): string {
    return this.document?.answer ?? '';
  }

  /** How long the run took, or has taken so far: the one figure the Runs view and the document's footer show. */
  get durationMs(): number {
    return (this.finishedAt ?? Date.now()) - this.startedAt;
  }

  get markdown(): string {
    return this.document?.markdown ?? '';
  }

  /** Starts the document once the provider and model are known; `secrets` are never written into it. */
  begin(header: RunHeader, providerId: ProviderId | undefined, secrets: readonly (string | undefined)[]): void {
    this.providerId = providerId;
    this.model = header.model;
    this.document = new RunDocument(header, secrets);
    this.onChange(this, true);
  }

  append(event: RunEvent): void {
    if (!this.document || this.status !== 'running') return;
    this.document.append(event);
    this.onChange(this, false);
  }

  /** Stops the stream; the provider ends its request or process. */
  cancel(): void {
    if (this.status === 'running') this.abortController.abort();
  }

  finish(status: Exclude<RunStatus, 'running'>, error?: unknown): void {
    if (this.status !== 'running') return;
    this.status = status;
    this.finishedAt = Date.now();
    if (isProviderError(error)) this.error = error;
    this.document?.finish({ status, error, elapsedMs: this.durationMs });
    this.onChange(this, true);
  }

  snapshot(): RunSnapshot {
    return {
      id: this.id,
      agentName: this.agentName,
      agentPath: this.origin.agentPath,
      prompt: this.origin.prompt,
      providerId: this.providerId,
      model: this.model,
      status: this.status,
      answer: this.answer,
      markdown: this.markdown,
      documentUri: this.uri.toString(),
      error: this.error ? { kind: this.error.kind, message: this.error.message, action: this.error.action } : undefined,
      offeredActions: [...this.offeredActions],
      durationMs: this.finishedAt !== undefined ? this.durationMs : undefined,
    };
  }
}

/** `code-reviewer run 3.md`: the tab title; the `.md` makes VS Code pick the Markdown language. */
function fileNameFor(agentName: string, id: string): string {
  const safe = agentName.replace(/[\\/:*?"<>|#%\s]+/g, '-').slice(0, 60) || 'agent';
  return `${safe} run ${id}.md`;
}

/** Streaming text changes the document many times a second; the editor is told at most this often. */
const DOCUMENT_REFRESH_MS = 40;

export class RunStore extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly runs = new Map<string, AgentRun>();
  private nextId = 1;
  private readonly pendingDocuments = new Set<AgentRun>();
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly documentEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  private readonly runEmitter = this._register(new vscode.EventEmitter<AgentRun | undefined>());
  private readonly finishEmitter = this._register(new vscode.EventEmitter<AgentRun>());
  /** For the content provider: a run document's text changed. */
  readonly onDidChange = this.documentEmitter.event;
  /** A run was added, removed, or changed status (`undefined`: the list changed). */
  readonly onDidChangeRun = this.runEmitter.event;
  readonly onDidFinishRun = this.finishEmitter.event;

  constructor() {
    super();
    this._register({ dispose: () => clearTimeout(this.refreshTimer) });
    // A window that closes or reloads ends its runs: the CLI's process group would otherwise outlive it.
    this._register({ dispose: () => this.runs.forEach((run) => run.cancel()) });
  }

  create(agentName: string, origin: RunOrigin): AgentRun {
    const run = new AgentRun(String(this.nextId++), agentName, origin, (changed, immediate) => this.changed(changed, immediate));
    this.runs.set(run.id, run);
    this.runEmitter.fire(undefined);
    return run;
  }

  /** Newest first. */
  list(): AgentRun[] {
    return [...this.runs.values()].reverse();
  }

  get(id: string): AgentRun | undefined {
    return this.runs.get(id);
  }

  fromUri(uri: vscode.Uri): AgentRun | undefined {
    return uri.scheme === RUN_SCHEME ? this.runs.get(uri.path.split('/')[1] ?? '') : undefined;
  }

  /** Forgets finished runs; running ones stay so they can still be stopped. */
  clearFinished(): void {
    for (const [id, run] of this.runs) if (run.status !== 'running') this.runs.delete(id);
    this.runEmitter.fire(undefined);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.fromUri(uri)?.markdown ?? vscode.l10n.t('This run is no longer kept: runs last for one session.');
  }

  private changed(run: AgentRun, immediate: boolean): void {
    this.pendingDocuments.add(run);
    if (immediate) {
      this.flushDocuments();
      this.runEmitter.fire(run);
      if (run.status !== 'running') this.finishEmitter.fire(run);
    } else {
      this.refreshTimer ??= setTimeout(() => this.flushDocuments(), DOCUMENT_REFRESH_MS);
    }
  }

  private flushDocuments(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    for (const run of this.pendingDocuments) this.documentEmitter.fire(run.uri);
    this.pendingDocuments.clear();
  }
}
