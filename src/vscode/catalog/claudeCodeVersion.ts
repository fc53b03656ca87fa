// Which Claude Code the verdicts follow: `agentStudio.claudeCode.version`, or (`auto`) the version of the configured
// binary, asked once after activation and again when either setting changes. The Agents view says which. In Restricted
// Mode nothing is started, not even `claude --version`: `auto` follows the newest profile until the workspace is trusted.
import vscode = require('vscode');
import type { ProfileChoice } from '../../engine/formats/claudeCode/profiles';
import { chooseClaudeCodeProfile, detectClaudeCodeVersion, newestChoice } from '../../node/claudeCodeVersion';
import type { AgentCatalogService } from './agentCatalogService';

const settings = ['agentStudio.claudeCode.version', 'agentStudio.claudeCode.path'];

export function registerClaudeCodeVersion(context: vscode.ExtensionContext, catalog: AgentCatalogService, agentsView: vscode.TreeView<unknown>): void {
  let generation = 0;
  const apply = async () => {
    const asked = ++generation;
    const configuration = vscode.workspace.getConfiguration('agentStudio');
    const requested = configuration.get<string>('claudeCode.version', 'auto').trim() || 'auto';
    const binary = configuration.get<string>('claudeCode.path', 'claude').trim() || 'claude';
    const detect = vscode.workspace.isTrusted ? () => detectClaudeCodeVersion(binary) : () => Promise.resolve(undefined);
    const chosen = (await chooseClaudeCodeProfile(requested, detect)) ?? newestChoice();
    const choice = requested === 'auto' && !vscode.workspace.isTrusted
      ? { ...chosen, note: vscode.l10n.t('Restricted Mode: verdicts follow Claude Code {0}, the newest profiled. Trust the workspace to check against the version you run.', chosen.version) }
      : chosen;
    // A slower answer to an older setting must not win over a newer one.
    if (asked === generation) await catalog.setClaudeCodeChoice(choice);
  };
  const show = (choice: ProfileChoice) => {
    agentsView.description = vscode.l10n.t('Claude Code {0}', choice.version);
    agentsView.message = choice.note;
  };
  show(catalog.claudeCodeChoice);
  context.subscriptions.push(
    catalog.onDidChangeClaudeCode(show),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (settings.some((setting) => event.affectsConfiguration(setting))) void apply();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void apply()),
  );
  // Starting a process is not activation's business: the first scan runs under the newest profile meanwhile.
  const timer = setTimeout(() => void apply(), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
}
