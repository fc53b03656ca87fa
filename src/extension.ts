// Wires Agent Studio's features; each lives in src/vscode/ and registers what it owns on the context.
import vscode = require('vscode');
import { AgentCatalogService } from './vscode/catalog/agentCatalogService';
import { registerClaudeCodeVersion } from './vscode/catalog/claudeCodeVersion';
import { registerAgentFileCommands } from './vscode/agentsView/agentFileCommands';
import { registerAgentsView, type AgentsTreeProvider, type AgentsViewNode } from './vscode/agentsView/agentsView';
import { registerCodeActions } from './vscode/diagnostics/codeActions';
import { registerCompletions } from './vscode/language/completions';
import { registerDiagnostics } from './vscode/diagnostics/diagnostics';
import { registerPluginManifestDiagnostics } from './vscode/diagnostics/pluginManifestDiagnostics';
import { registerHovers } from './vscode/language/hovers';
import { registerInvocation, type InvocationApi } from './vscode/runs/invocation';
import { registerNewAgentCommand } from './vscode/agentsView/newAgentCommand';
import { registerRoutingTests, type RoutingTestsApi } from './vscode/routing/routingTests';

/** What `activate()` returns: the shared catalog and the view, for other extensions' and our integration tests' use. */
export interface AgentStudioApi {
  catalog: AgentCatalogService;
  agentsView: AgentsTreeProvider;
  runs: InvocationApi;
  agentsTreeView: vscode.TreeView<AgentsViewNode>;
  routing: RoutingTestsApi;
  /** How long `activate()` took, for `npm run bench`. */
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext): AgentStudioApi {
  const activationStarted = performance.now();
  const catalog = new AgentCatalogService();
  context.subscriptions.push(catalog);

  const agentsView = registerAgentsView(context, catalog);
  registerClaudeCodeVersion(context, catalog, agentsView.treeView);
  registerAgentFileCommands(context, catalog);
  registerNewAgentCommand(context, catalog);

  const diagnostics = registerDiagnostics(context, catalog);
  registerPluginManifestDiagnostics(context, catalog);
  registerCodeActions(context, diagnostics);
  registerCompletions(context, catalog);
  registerHovers(context, catalog);
  const runs = registerInvocation(context, catalog);
  const routing = registerRoutingTests(context, catalog);

  return { catalog, agentsView: agentsView.provider, runs, routing, agentsTreeView: agentsView.treeView, activationMs: performance.now() - activationStarted };
}

export function deactivate(): void {}
