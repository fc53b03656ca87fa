// Wires Agent Studio's features; each lives in src/features/ and registers what it owns on the context.
import * as vscode from 'vscode';
import { AgentCatalogService } from './features/agentCatalogService';
import { registerAgentFileCommands } from './features/agentFileCommands';
import { registerAgentsView, type AgentsTreeProvider, type AgentsViewNode } from './features/agentsView';
import { registerCodeActions } from './features/codeActions';
import { registerCompletions } from './features/completions';
import { registerDiagnostics } from './features/diagnostics';
import { registerHovers } from './features/hovers';
import { registerInvocation, type InvocationApi } from './features/invoke/invocation';
import { registerNewAgentCommand } from './features/newAgentCommand';

/** What `activate()` returns: the shared catalog and the view, for other extensions' and our integration tests' use. */
export interface AgentStudioApi {
  catalog: AgentCatalogService;
  agentsView: AgentsTreeProvider;
  runs: InvocationApi;
  agentsTreeView: vscode.TreeView<AgentsViewNode>;
  /** How long `activate()` took, for `npm run bench`. */
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext): AgentStudioApi {
  const activationStarted = performance.now();
  const catalog = new AgentCatalogService();
  context.subscriptions.push(catalog);

  const agentsView = registerAgentsView(context, catalog);
  registerAgentFileCommands(context, catalog);
  registerNewAgentCommand(context, catalog);

  const diagnostics = registerDiagnostics(context, catalog);
  registerCodeActions(context, diagnostics);
  registerCompletions(context, catalog);
  registerHovers(context, catalog);
  const runs = registerInvocation(context, catalog);

  return { catalog, agentsView: agentsView.provider, runs, agentsTreeView: agentsView.treeView, activationMs: performance.now() - activationStarted };
}

export function deactivate(): void {}
