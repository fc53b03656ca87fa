// Before Claude Code runs an agent that brings hooks, MCP servers or bypassPermissions, the user sees what will run and
// agrees once per version of the file.
import * as vscode from 'vscode';
import { agentRisks, type AgentRisk } from '../../engine/agents/agentRisks';
import { agentVersionHash } from '../../node/agentVersionHash';
import type { RunnableAgent } from '../../engine/agents/runnableAgent';

const APPROVED_KEY = 'agentStudio.approvedAgentVersions';
const APPROVALS_KEPT = 200;

/** Resolves true when the agent may run: nothing risky, approved before in this version, or approved now. */
export async function confirmAgentRisks(agent: RunnableAgent, fileText: string, state: vscode.Memento): Promise<boolean> {
  const risks = agentRisks(agent.frontmatter);
  if (risks.length === 0) return true;
  const version = agentVersionHash(fileText);
  const approved = state.get<string[]>(APPROVED_KEY, []);
  if (approved.includes(version)) return true;
  const run = vscode.l10n.t('Run Agent');
  const detail = [
    vscode.l10n.t('Besides the model, Claude Code will run what this agent configures:'),
    '',
    ...risks.map((risk) => `• ${describeRisk(risk)}`),
    '',
    vscode.l10n.t('You are asked again only when the file changes.'),
  ].join('\n');
  const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Run {0} with Claude Code?', agent.name), { modal: true, detail }, run);
  if (choice !== run) return false;
  await state.update(APPROVED_KEY, [version, ...approved].slice(0, APPROVALS_KEPT));
  return true;
}

function describeRisk(risk: AgentRisk): string {
  switch (risk.kind) {
    case 'hook': {
      const when = risk.matcher ? vscode.l10n.t('{0} hook for {1}', risk.event, risk.matcher) : vscode.l10n.t('{0} hook', risk.event);
      return risk.command ? `${when}: ${risk.command}` : when;
    }
    case 'mcp-server':
      return risk.command ? vscode.l10n.t('MCP server {0}: {1}', risk.name, risk.command) : vscode.l10n.t('MCP server {0}', risk.name);
    case 'bypass-permissions':
      return vscode.l10n.t('permissionMode: bypassPermissions (its tools run without asking)');
  }
}
