// The one message a failed run ends with: what happened, and the buttons that fix it.
import vscode = require('vscode');
import type { ProviderError, ProviderId } from '../../providers/types';
import { NoProviderAvailableError } from './providerSelection';
import type { AgentRun } from './runStore';
import { setApiKeyCommands } from './secrets';

export const CLAUDE_CODE_SETUP_URL = 'https://docs.anthropic.com/en/docs/claude-code/setup';

export interface FailureContext {
  run: AgentRun;
  /** The back end that failed; undefined when none was chosen. */
  providerId?: ProviderId;
  /** Where the agent file's first problem is, for "Open Agent File". */
  agentLocation: { uri: vscode.Uri; range?: vscode.Range };
  claudePath: string;
  cwd?: string;
  rerun(): void;
}

interface FixButton {
  /** Recorded on the run, so tests can check what was offered. */
  id: string;
  label: string;
  run(): unknown;
}

const settingsQuery: Record<ProviderId, string> = {
  'claude-code': 'agentStudio.claudeCode',
  anthropic: 'agentStudio.anthropic',
  'openai-compatible': 'agentStudio.openai',
  'vscode-lm': 'agentStudio.provider',
};

export function showRunFailure(error: ProviderError, context: FailureContext): void {
  const buttons = fixButtons(error, context);
  context.run.offeredActions = buttons.map((button) => button.id);
  const message = vscode.l10n.t('Running {0} failed: {1}', context.run.agentName, error.message);
  void vscode.window.showErrorMessage(message, ...buttons.map((button) => button.label)).then((choice) => {
    void buttons.find((button) => button.label === choice)?.run();
  });
}

function fixButtons(error: ProviderError, context: FailureContext): FixButton[] {
  const openSettings = (query: string): FixButton => ({
    id: 'openSettings', label: vscode.l10n.t('Open Settings'), run: () => vscode.commands.executeCommand('workbench.action.openSettings', query),
  });
  const setApiKey = (provider: 'anthropic' | 'openai-compatible', label = vscode.l10n.t('Set API Key')): FixButton => ({
    id: `setApiKey:${provider}`, label, run: () => vscode.commands.executeCommand(setApiKeyCommands[provider]),
  });
  const installClaude: FixButton = { id: 'installClaude', label: vscode.l10n.t('Install Claude Code'), run: () => vscode.env.openExternal(vscode.Uri.parse(CLAUDE_CODE_SETUP_URL)) };

  if (error instanceof NoProviderAvailableError) {
    // The message says Claude Code did not run as the configured path: that path is the setting to check first.
    return [installClaude, setApiKey('anthropic', vscode.l10n.t('Set Anthropic API Key')), openSettings('agentStudio.claudeCode.path')];
  }
  const provider = context.providerId;
  switch (error.action) {
    case 'installClaude':
      return [installClaude, openSettings('agentStudio.claudeCode.path')];
    case 'loginClaude':
      return [
        { id: 'loginClaude', label: vscode.l10n.t('Log In in Terminal'), run: () => vscode.window.createTerminal({ name: 'Claude Code', shellPath: context.claudePath, cwd: context.cwd }).show() },
        { id: 'howToLogIn', label: vscode.l10n.t('How to Log In'), run: () => vscode.env.openExternal(vscode.Uri.parse(CLAUDE_CODE_SETUP_URL)) },
      ];
    case 'setApiKey':
      return provider === 'anthropic' || provider === 'openai-compatible' ? [setApiKey(provider)] : [];
    case 'openSettings':
      return [openSettings(provider ? settingsQuery[provider] : 'agentStudio.provider')];
    case 'openAgent':
      return [{
        id: 'openAgent', label: vscode.l10n.t('Open Agent File'),
        run: () => vscode.window.showTextDocument(context.agentLocation.uri, { selection: context.agentLocation.range, preview: false }),
      }];
    case 'retry':
      return [{ id: 'retry', label: vscode.l10n.t('Retry'), run: () => context.rerun() }];
    default:
      return [];
  }
}
