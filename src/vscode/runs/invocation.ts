// Wires invocation: Send Selection to Agent, Run Agent (Agents view, CodeLens), the run documents, the Runs view, API keys.
import * as nodePath from 'node:path';
import vscode = require('vscode');
import type { AgentCatalogService } from '../catalog/agentCatalogService';
import { findAgent, pickAgent, RecentAgents } from './agentPicker';
import { AgentRunner } from './agentRunner';
import { ProviderResolver, type ProviderSetting } from './providerSelection';
import { registerRunAgentCodeLens } from './runAgentCodeLens';
import { RunDocumentFollower } from './runDocumentFollower';
import { registerRunsView } from './runsView';
import { RUN_SCHEME, RunStore, type RunSnapshot } from './runStore';
import { ApiKeys, registerApiKeyCommands } from './secrets';

/** What the extension's API offers about runs: for other extensions, and for the integration tests. */
export interface InvocationApi {
  readonly onDidFinishRun: vscode.Event<RunSnapshot>;
  runs(): RunSnapshot[];
  /** Shows a run's row in the Runs view. */
  revealRun(id: string): Promise<void>;
}

/** Arguments a keybinding (or a script) can pass to `agentStudio.sendToAgent`. */
export interface SendToAgentArgs {
  /** Agent name or file path; skips the quick pick. */
  agent?: string;
  /** Skips the selection and the input box. */
  prompt?: string;
  provider?: ProviderSetting;
}

export function registerInvocation(context: vscode.ExtensionContext, catalog: AgentCatalogService): InvocationApi {
  const store = new RunStore();
  const keys = new ApiKeys(context.secrets);
  const providers = new ProviderResolver(keys);
  const recent = new RecentAgents(context.workspaceState);
  const runner = new AgentRunner(store, providers, catalog, recent, context.workspaceState);
  context.subscriptions.push(store, providers, vscode.workspace.registerTextDocumentContentProvider(RUN_SCHEME, store), new RunDocumentFollower(store));
  registerApiKeyCommands(context, keys);
  const runsView = registerRunsView(context, store, runner);
  registerRunAgentCodeLens(context, catalog);

  context.subscriptions.push(
    vscode.commands.registerCommand('agentStudio.sendToAgent', async (args?: SendToAgentArgs): Promise<RunSnapshot | undefined> => {
      if (!trusted()) return undefined;
      const selection = args?.prompt === undefined ? selectedText(vscode.window.activeTextEditor) : undefined;
      const prompt = args?.prompt ?? selection ?? (await askForPrompt());
      if (!prompt?.trim()) return undefined;
      await catalog.ready;
      const agentPath = args?.agent ? findAgent(catalog.current, args.agent) : await pickAgent(catalog.current, prompt, recent);
      if (args?.agent && !agentPath) void vscode.window.showErrorMessage(vscode.l10n.t('No agent named {0} loads in this workspace.', args.agent));
      if (!agentPath) return undefined;
      const promptLanguage = selection !== undefined ? vscode.window.activeTextEditor?.document.languageId : undefined;
      return (await runner.run({ agentPath, prompt, providerSetting: args?.provider, promptLanguage })).snapshot();
    }),
    vscode.commands.registerCommand('agentStudio.runAgent', async (target?: unknown, args?: Omit<SendToAgentArgs, 'agent'>): Promise<RunSnapshot | undefined> => {
      if (!trusted()) return undefined;
      const active = vscode.window.activeTextEditor?.document.uri;
      const agentPath = agentPathOf(target) ?? (active && catalog.agentFolderOf(active) ? active.fsPath : undefined);
      if (!agentPath) return undefined;
      const editor = vscode.window.activeTextEditor;
      // The agent's own editor (CodeLens) holds no prompt: its selection is part of the agent.
      const selection = editor && editor.document.uri.fsPath !== agentPath ? selectedText(editor) : undefined;
      const usedSelection = args?.prompt === undefined ? selection : undefined;
      const prompt = args?.prompt ?? usedSelection ?? (await askForPrompt(agentNameOf(catalog, agentPath)));
      if (!prompt?.trim()) return undefined;
      const promptLanguage = usedSelection !== undefined ? editor?.document.languageId : undefined;
      return (await runner.run({ agentPath, prompt, providerSetting: args?.provider, promptLanguage })).snapshot();
    }),
  );

  const finished = new vscode.EventEmitter<RunSnapshot>();
  context.subscriptions.push(finished, store.onDidFinishRun((run) => finished.fire(run.snapshot())));
  return {
    onDidFinishRun: finished.event,
    runs: () => store.list().map((run) => run.snapshot()),
    revealRun: async (id) => {
      const run = store.get(id);
      if (run) await runsView.reveal(run);
    },
  };
}

/** All non-empty selections of the editor, in document order, joined by blank lines. */
function selectedText(editor: vscode.TextEditor | undefined): string | undefined {
  if (!editor) return undefined;
  const parts = [...editor.selections]
    .filter((selection) => !selection.isEmpty)
    .sort((a, b) => a.start.compareTo(b.start))
    .map((selection) => editor.document.getText(selection));
  return parts.some((part) => part.trim()) ? parts.join('\n\n') : undefined;
}

/** The name Claude Code knows the agent by, for the prompt box; the file name when it does not load. */
function agentNameOf(catalog: AgentCatalogService, agentPath: string): string {
  return catalog.current.get(agentPath)?.result.agent?.name ?? nodePath.basename(agentPath).replace(/(\.agent)?\.md$/, '');
}

function askForPrompt(agentName?: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: agentName ? vscode.l10n.t('Prompt for {0}', agentName) : vscode.l10n.t('Send to Agent'),
    prompt: vscode.l10n.t('Nothing is selected: type the prompt to send.'),
    ignoreFocusOut: true,
  });
}

/** The agent file behind a command argument: a URI (CodeLens), an Agents view row, or a path. */
function agentPathOf(target: unknown): string | undefined {
  if (target instanceof vscode.Uri) return target.scheme === 'file' ? target.fsPath : undefined;
  if (typeof target === 'string') return target;
  if (typeof target === 'object' && target !== null) {
    const { entry, resourceUri } = target as { entry?: { path?: unknown }; resourceUri?: unknown };
    if (typeof entry?.path === 'string') return entry.path;
    return agentPathOf(resourceUri);
  }
  return undefined;
}

/** The manifest disables the commands in untrusted workspaces; this covers callers that bypass menus. */
function trusted(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(vscode.l10n.t('Agent Studio runs agents only in a trusted workspace: an agent can run commands on this machine.'));
  return false;
}
