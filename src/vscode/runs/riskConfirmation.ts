// Before Claude Code runs an agent, the user sees what will run besides the model (the agent's hooks, MCP servers and
// permission mode, and those of the project's .claude/settings.json, settings.local.json and .mcp.json) and agrees once
// per version of those files.
import vscode = require('vscode');
import { agentRisks, projectRisks, type AgentRisk } from '../../engine/agents/agentRisks';
import { readProjectRunFiles } from '../../node/projectRunFiles';
import { agentVersionHash } from '../../node/agentVersionHash';
import type { RunnableAgent } from '../../engine/agents/runnableAgent';

const APPROVED_KEY = 'agentStudio.approvedAgentVersions';
const APPROVALS_KEPT = 200;

/**
 * Resolves true when the agent may run in `projectDirectory`: nothing risky, approved before for these versions of the
 * agent and the project's files, or approved now.
 */
export async function confirmAgentRisks(agent: RunnableAgent, fileText: string, state: vscode.Memento, projectDirectory: string): Promise<boolean> {
  const project = readProjectRunFiles(projectDirectory);
  const risks = [...agentRisks(agent.frontmatter), ...projectRisks(project.files)];
  if (risks.length === 0) return true;
  const version = agentVersionHash([fileText, ...project.texts].join('\0'));
  const approved = state.get<string[]>(APPROVED_KEY, []);
  if (approved.includes(version)) return true;
  const run = vscode.l10n.t('Run Agent');
  const detail = [
    vscode.l10n.t('Besides the model, Claude Code will run what this agent and this project configure:'),
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
  const what = describeRiskItself(risk);
  return risk.origin ? vscode.l10n.t('{0} (from {1})', what, risk.origin) : what;
}

function describeRiskItself(risk: AgentRisk): string {
  switch (risk.kind) {
    case 'hook': {
      const when = risk.matcher ? vscode.l10n.t('{0} hook for {1}', risk.event, risk.matcher) : vscode.l10n.t('{0} hook', risk.event);
      return risk.command ? `${when}: ${risk.command}` : when;
    }
    case 'mcp-server':
      return risk.command ? vscode.l10n.t('MCP server {0}: {1}', risk.name, risk.command) : vscode.l10n.t('MCP server {0}', risk.name);
    case 'permission-mode':
      return risk.mode === 'bypassPermissions'
        ? vscode.l10n.t('permission mode bypassPermissions (its tools run without asking)')
        : vscode.l10n.t('permission mode {0} (not the default: it changes what Claude Code asks before a tool runs)', risk.mode);
    case 'settings-command':
      return vscode.l10n.t('{0} command: {1}', risk.key, risk.command);
    case 'unreadable-settings':
      return vscode.l10n.t('a file that is not valid JSON, so what it configures cannot be listed');
  }
}
