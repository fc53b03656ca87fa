// Routing tests in VS Code's Test Explorer: each `<example>` (and each case of `.claude/agent-routing.json`) runs
// through the user's Claude Code, which may call nothing but the delegation tool; the result says whom it chose.
import * as nodePath from 'node:path';
import vscode = require('vscode');
import { descriptionProse } from '../../engine/agents/agent';
import { runnableAgentFromText, type RunnableAgent } from '../../engine/agents/runnableAgent';
import { agentRisks, projectRisks } from '../../engine/agents/agentRisks';
import { readAgentFile } from '../../node/agentFileReading';
import { readProjectRunFiles } from '../../node/projectRunFiles';
import type { RoutingCase } from '../../engine/routing/routingCases';
import { caseResult, describeOutcome, type CaseResult, type RunOutcome } from '../../engine/routing/routingReport';
import { ClaudeCodeUnavailableError, RoutingCancelledError, runRoutingCases } from '../../node/routing/routingRunner';
import type { AgentCatalogService } from '../catalog/agentCatalogService';
import { confirmAgentRisks } from '../runs/riskConfirmation';
import { RoutingTestItems } from './routingTestItems';

export type RoutingItemState = 'passed' | 'failed' | 'errored' | 'skipped';

/** What a finished Test Explorer run reported, for other extensions and the integration tests. */
export interface RoutingRunReport {
  results: { id: string; state: RoutingItemState; message?: string; chosen: (string | null)[] }[];
}

export interface RoutingTestsApi {
  readonly controller: vscode.TestController;
  readonly onDidChangeItems: vscode.Event<void>;
  readonly onDidFinishRun: vscode.Event<RoutingRunReport>;
}

export function registerRoutingTests(context: vscode.ExtensionContext, catalog: AgentCatalogService): RoutingTestsApi {
  const controller = vscode.tests.createTestController('agentStudio.routing', vscode.l10n.t('Agent routing'));
  const items = new RoutingTestItems(controller, catalog);
  const finished = new vscode.EventEmitter<RoutingRunReport>();
  context.subscriptions.push(controller, items, finished);
  controller.refreshHandler = () => items.rebuild();
  controller.createRunProfile(vscode.l10n.t('Run routing tests'), vscode.TestRunProfileKind.Run, async (request, token) => {
    const report = await runRoutingRequest(controller, items, catalog, context.workspaceState, request, token);
    finished.fire(report);
  }, true);
  return { controller, onDidChangeItems: items.onDidChange, onDidFinishRun: finished.event };
}

async function runRoutingRequest(controller: vscode.TestController, items: RoutingTestItems, catalog: AgentCatalogService, state: vscode.Memento, request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<RoutingRunReport> {
  const run = controller.createTestRun(request);
  const report: RoutingRunReport = { results: [] };
  const record = (item: vscode.TestItem, itemState: RoutingItemState, message?: string, chosen: (string | null)[] = []) => report.results.push({ id: item.id, state: itemState, message, chosen });
  const leaves = selectedLeaves(controller, request).filter((item) => items.caseOf(item));
  try {
    if (!vscode.workspace.isTrusted) {
      const message = vscode.l10n.t('Routing tests run Claude Code, so they run only in a trusted workspace.');
      for (const item of leaves) (run.skipped(item), record(item, 'skipped', message));
      void vscode.window.showWarningMessage(message);
      return report;
    }
    const configuration = vscode.workspace.getConfiguration('agentStudio');
    const executable = configuration.get<string>('claudeCode.path', 'claude').trim() || 'claude';
    const runs = clamp(configuration.get<number>('routing.runs', 1), 1, 100);
    const parallel = clamp(configuration.get<number>('routing.parallel', 4), 1, 32);
    const abort = new AbortController();
    const cancel = token.onCancellationRequested(() => abort.abort());
    try {
      for (const [project, projectItems] of byProject(leaves, items)) {
        if (abort.signal.aborted) break;
        if (!(await confirmProjectAgents(catalog, project, state))) {
          for (const item of projectItems) (run.skipped(item), record(item, 'skipped', vscode.l10n.t('Not run: an agent with hooks, MCP servers or bypassPermissions was not approved.')));
          continue;
        }
        await runProject(run, project, projectItems, items, catalog, { executable, runs, parallel, signal: abort.signal }, record);
      }
    } finally {
      cancel.dispose();
    }
    return report;
  } finally {
    run.end();
  }
}

interface RunSettings {
  executable: string;
  runs: number;
  parallel: number;
  signal: AbortSignal;
}

async function runProject(run: vscode.TestRun, project: string, projectItems: vscode.TestItem[], items: RoutingTestItems, catalog: AgentCatalogService, settings: RunSettings, record: (item: vscode.TestItem, state: RoutingItemState, message?: string, chosen?: (string | null)[]) => void): Promise<void> {
  const itemOfCase = new Map<RoutingCase, vscode.TestItem>(projectItems.map((item) => [items.caseOf(item)!, item]));
  const outcomes = new Map<RoutingCase, RunOutcome[]>();
  const reported = new Set<vscode.TestItem>();
  for (const item of projectItems) run.enqueued(item);
  const report = (result: CaseResult, item: vscode.TestItem) => {
    reported.add(item);
    const chosen = result.outcomes.flatMap((outcome) => ('chosen' in outcome ? [outcome.chosen] : []));
    const errors = result.outcomes.flatMap((outcome) => ('error' in outcome ? [outcome.error] : []));
    if (errors.length > 0 && chosen.length === 0) {
      run.errored(item, new vscode.TestMessage(errors[0]));
      return record(item, 'errored', errors[0], chosen);
    }
    if (result.passed) return (run.passed(item), record(item, 'passed', undefined, chosen));
    const message = failureMessage(result, catalog, project);
    const testMessage = new vscode.TestMessage(message);
    if (item.uri && item.range) testMessage.location = new vscode.Location(item.uri, item.range);
    run.failed(item, testMessage);
    record(item, 'failed', message, chosen);
  };
  try {
    await runRoutingCases([...itemOfCase.keys()], {
      executable: settings.executable, cwd: project, runs: settings.runs, parallel: settings.parallel, signal: settings.signal,
      onRunStarted: (routingCase, index) => index === 0 && run.started(itemOfCase.get(routingCase)!),
      onRunFinished: (routingCase, _run, outcome) => {
        const item = itemOfCase.get(routingCase)!;
        run.appendOutput(`${routingCase.prompt.replace(/\s+/g, ' ').slice(0, 80)} → ${describeOutcome(outcome)}\r\n`, undefined, item);
        const list = [...(outcomes.get(routingCase) ?? []), outcome];
        outcomes.set(routingCase, list);
        if (list.length === settings.runs) report(caseResult(routingCase, list), item);
      },
    });
  } catch (error) {
    const unreported = projectItems.filter((item) => !reported.has(item));
    if (error instanceof RoutingCancelledError) {
      for (const item of unreported) (run.skipped(item), record(item, 'skipped', 'cancelled'));
      return;
    }
    const message = error instanceof ClaudeCodeUnavailableError ? error.message : vscode.l10n.t('Claude Code failed: {0}', String((error as Error)?.message ?? error));
    for (const item of unreported) (run.errored(item, new vscode.TestMessage(message)), record(item, 'errored', message));
    if (error instanceof ClaudeCodeUnavailableError) void showUnavailable(error);
  }
}

/** "Claude Code chose doc-writer instead of security-reviewer." and the start of the winner's description. */
function failureMessage(result: CaseResult, catalog: AgentCatalogService, project: string): string {
  const expected = result.routingCase.expected;
  const wrong = result.outcomes.filter((outcome) => !('chosen' in outcome) || outcome.chosen !== expected);
  const counts = new Map<string, number>();
  for (const outcome of wrong) counts.set(describeOutcome(outcome), (counts.get(describeOutcome(outcome)) ?? 0) + 1);
  const [topChoice] = [...counts].sort((a, b) => b[1] - a[1])[0];
  const topOutcome = wrong.find((outcome) => describeOutcome(outcome) === topChoice)!;
  const lines: string[] = [];
  if ('chosen' in topOutcome && topOutcome.chosen !== null) {
    lines.push(expected === null
      ? vscode.l10n.t('Claude Code delegated to {0}; this request should not be delegated.', topOutcome.chosen)
      : vscode.l10n.t('Claude Code chose {0} instead of {1}.', topOutcome.chosen, expected));
    const description = catalog.current.winner(topOutcome.chosen, 'claude-code', project)?.result.agent?.description
      ?? catalog.current.winner(topOutcome.chosen, 'claude-code')?.result.agent?.description;
    lines.push(description ? `${topOutcome.chosen}: “${descriptionProse(description)}”` : vscode.l10n.t('{0} is not an agent file of this workspace (a built-in or plugin agent).', topOutcome.chosen));
  } else if ('chosen' in topOutcome) {
    lines.push(vscode.l10n.t('Claude Code answered itself instead of delegating to {0}.', expected ?? ''));
  } else {
    lines.push(topOutcome.error);
  }
  if (result.outcomes.length > 1) {
    const passedRuns = result.outcomes.length - wrong.length;
    lines.push(vscode.l10n.t('Pass rate {0}% ({1} of {2} runs); chosen: {3}', Math.round(result.passRate * 100), passedRuns, result.outcomes.length, result.outcomes.map(describeOutcome).join(', ')));
  }
  return lines.join('\n');
}

/**
 * Consent as for Send to Agent: each project agent (in .claude/agents, not a plugin's) with hooks, MCP servers or a permission mode is confirmed (Claude
 * Code loads them all into the session), and the project's own settings once when no agent asked about them already.
 * A routing run disables hooks and MCP servers, but helper commands of the settings (apiKeyHelper, ...) still run.
 */
async function confirmProjectAgents(catalog: AgentCatalogService, project: string, state: vscode.Memento): Promise<boolean> {
  const prefix = project + nodePath.sep;
  let asked = false;
  let first: { agent: RunnableAgent; text: string } | undefined;
  for (const entry of catalog.current.entries()) {
    // Only the project's own agents: a plugin being written in the workspace is not loaded by a session there, and
    // plugin agents ignore hooks, MCP servers and permission modes anyway (measured, docs/claude-code-plugins.md).
    if (!entry.path.startsWith(prefix) || entry.folder.scope !== 'project' || entry.folder.format !== 'claude-code' || !entry.result.loads) continue;
    const read = readAgentFile(entry.path);
    if (!('text' in read)) continue;
    const text = read.text;
    const runnable = runnableAgentFromText(text, { path: entry.path, format: 'claude-code' });
    if (!runnable.runnable) continue;
    first ??= { agent: runnable.agent, text };
    if (agentRisks(runnable.agent.frontmatter).length === 0) continue;
    asked = true;
    if (!(await confirmAgentRisks(runnable.agent, text, state, project))) return false;
  }
  if (asked || !first || projectRisks(readProjectRunFiles(project).files).length === 0) return true;
  return confirmAgentRisks(first.agent, first.text, state, project);
}

function selectedLeaves(controller: vscode.TestController, request: vscode.TestRunRequest): vscode.TestItem[] {
  const excluded = new Set(request.exclude ?? []);
  const leaves: vscode.TestItem[] = [];
  const visit = (item: vscode.TestItem) => {
    if (excluded.has(item)) return;
    if (item.children.size === 0) leaves.push(item);
    else item.children.forEach(visit);
  };
  if (request.include) request.include.forEach(visit);
  else controller.items.forEach(visit);
  return leaves;
}

/** Leaves grouped by the workspace folder of their file: Claude Code runs there, with that project's agents. */
function byProject(leaves: vscode.TestItem[], items: RoutingTestItems): Map<string, vscode.TestItem[]> {
  const groups = new Map<string, vscode.TestItem[]>();
  for (const item of leaves) {
    const file = items.caseOf(item)!.file;
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file));
    const project = folder?.uri.fsPath ?? nodePath.dirname(nodePath.dirname(nodePath.dirname(file)));
    groups.set(project, [...(groups.get(project) ?? []), item]);
  }
  return groups;
}

async function showUnavailable(error: ClaudeCodeUnavailableError): Promise<void> {
  const openSettings = vscode.l10n.t('Open Settings');
  const choice = await vscode.window.showErrorMessage(error.message, openSettings);
  if (choice === openSettings) await vscode.commands.executeCommand('workbench.action.openSettings', 'agentStudio.claudeCode.path');
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.max(min, Math.min(max, Math.floor(value))) : min;
}
