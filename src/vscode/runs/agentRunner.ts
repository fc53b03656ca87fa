// One run from start to end: read the agent as the editor has it, choose the back end, confirm what it will execute,
// stream the answer into the run document under a cancellable progress notification, and end with one message if it fails.
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import vscode = require('vscode');
import { runnableAgentFromText } from '../../engine/agents/runnableAgent';
import { isProviderError, ProviderError, type ProviderErrorKind, type ProviderFixAction, type ProviderId, type RunEvent } from '../../providers/types';
import type { AgentCatalogService } from '../catalog/agentCatalogService';
import { toVscodeRange } from '../base/vscodeRanges';
import type { RecentAgents } from './agentPicker';
import type { PreparedProvider, ProviderResolver } from './providerSelection';
import { confirmAgentRisks } from './riskConfirmation';
import { showRunFailure } from './runFailures';
import type { AgentRun, RunOrigin, RunStore } from './runStore';

export type AgentRunRequest = RunOrigin;

export class AgentRunner {
  constructor(
    private readonly store: RunStore,
    private readonly providers: ProviderResolver,
    private readonly catalog: AgentCatalogService,
    private readonly recent: RecentAgents,
    private readonly state: vscode.Memento,
  ) {}

  /** Resolves once the run has ended, however it ended; never rejects. */
  async run(request: AgentRunRequest): Promise<AgentRun> {
    const uri = vscode.Uri.file(request.agentPath);
    const setting = request.providerSetting ?? this.providers.setting();
    // Only an explicit provider sticks to the run: Re-run after changing the setting uses the new one.
    const origin: RunOrigin = { agentPath: request.agentPath, prompt: request.prompt, providerSetting: request.providerSetting, promptLanguage: request.promptLanguage };
    const text = await readAgentText(uri);
    const parsed = text === undefined ? undefined : runnableAgentFromText(text, { path: request.agentPath, format: this.catalog.agentFolderOf(uri)?.format, folder: this.catalog.agentFolderOf(uri) });
    const run = this.store.create(parsed?.runnable ? parsed.agent.name : nodePath.basename(request.agentPath), origin);
    const cwd = workingDirectory(uri);
    const fail = (error: ProviderError, providerId?: ProviderId, range?: vscode.Range) => {
      run.finish('failed', error);
      showRunFailure(error, { run, providerId, agentLocation: { uri, range }, claudePath: this.providers.claudePath(), cwd, rerun: () => void this.run(request) });
      return run;
    };
    const notStarted = () => run.begin({ agentName: run.agentName, providerLabel: this.providers.settingLabel(setting), prompt: request.prompt, promptLanguage: request.promptLanguage }, undefined, []);

    if (!parsed?.runnable) {
      notStarted();
      const why = parsed?.firstError?.message ?? vscode.l10n.t('the file could not be read');
      const error = new ProviderError('invalid-agent', vscode.l10n.t('{0} is not an agent its tool would load: {1}', nodePath.basename(request.agentPath), why), 'openAgent');
      return fail(error, undefined, parsed?.firstError ? toVscodeRange(parsed.firstError.range) : undefined);
    }
    const agent = parsed.agent;
    this.recent.record(request.agentPath);

    let prepared: PreparedProvider;
    try {
      prepared = await this.providers.prepare(agent, setting);
    } catch (error) {
      notStarted();
      return fail(asProviderError(error), setting === 'auto' ? undefined : setting);
    }
    const { provider } = prepared;
    // Claude Code ignores hooks, mcpServers and permissionMode in plugin agents: nothing to confirm for those.
    if (provider.id === 'claude-code' && agent.installedPlugin === undefined && !(await confirmAgentRisks(agent, text!, this.state, cwd))) {
      notStarted();
      run.finish('cancelled');
      return run;
    }

    run.begin({ agentName: agent.name, providerLabel: provider.label, model: prepared.model, prompt: request.prompt, promptLanguage: request.promptLanguage }, provider.id, prepared.secrets);
    await vscode.window.showTextDocument(run.uri, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Running {0}', agent.name), cancellable: true },
      async (progress, token) => {
        const onCancel = token.onCancellationRequested(() => run.cancel());
        let shown: string | undefined;
        try {
          for await (const event of provider.run({ agent, prompt: request.prompt, cwd, signal: run.signal })) {
            run.append(event);
            const message = progressMessage(event);
            if (message && message !== shown) progress.report({ message: (shown = message) });
          }
          run.finish(run.signal.aborted ? 'cancelled' : 'completed');
        } catch (error) {
          const providerError = asProviderError(error);
          if (providerError.kind === 'cancelled' || run.signal.aborted) run.finish('cancelled');
          else fail(providerError, provider.id);
        } finally {
          onCancel.dispose();
        }
      },
    );
    return run;
  }
}

/** The text as the editor has it when the file is open (saved or not), else from disk. */
async function readAgentText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  return fs.readFile(uri.fsPath, 'utf8').catch(() => undefined);
}

/** Claude Code works in the project the agent belongs to, else the first workspace folder, else the home folder. */
function workingDirectory(agentUri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(agentUri)
    ?? (vscode.window.activeTextEditor ? vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri) : undefined)
    ?? vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === 'file' ? folder.uri.fsPath : os.homedir();
}

/**
 * The SDK-backed providers are separate bundles with their own copy of ProviderError, so `instanceof` fails for their
 * errors: they are recognised by shape and re-created here.
 */
function asProviderError(error: unknown): ProviderError {
  if (isProviderError(error)) return error;
  if (error instanceof Error && error.name === 'ProviderError') {
    const { kind, action } = error as Error & { kind: ProviderErrorKind; action?: ProviderFixAction };
    return new ProviderError(kind, error.message, action, { cause: error.cause });
  }
  return new ProviderError('failed', error instanceof Error ? error.message : String(error), undefined, { cause: error });
}

function progressMessage(event: RunEvent): string | undefined {
  switch (event.type) {
    case 'text':
      return vscode.l10n.t('answering…');
    case 'tool-use':
      return vscode.l10n.t('using {0}…', event.name);
    case 'retry':
      return vscode.l10n.t('request failed, retrying (attempt {0})…', event.attempt);
    default:
      return undefined;
  }
}
