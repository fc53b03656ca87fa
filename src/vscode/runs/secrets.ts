// API keys live only in VS Code's SecretStorage: never in settings, logs or run documents.
import vscode = require('vscode');

export type KeyedProvider = 'anthropic' | 'openai-compatible';

const secretKeys: Record<KeyedProvider, string> = {
  anthropic: 'agentStudio.anthropic.apiKey',
  'openai-compatible': 'agentStudio.openai.apiKey',
};

export const setApiKeyCommands: Record<KeyedProvider, string> = {
  anthropic: 'agentStudio.setAnthropicApiKey',
  'openai-compatible': 'agentStudio.setOpenAICompatibleApiKey',
};

export class ApiKeys {
  constructor(private readonly storage: vscode.SecretStorage) {}

  async get(provider: KeyedProvider): Promise<string | undefined> {
    return (await this.storage.get(secretKeys[provider]))?.trim() || undefined;
  }

  async set(provider: KeyedProvider, key: string): Promise<void> {
    if (key.trim()) await this.storage.store(secretKeys[provider], key.trim());
    else await this.storage.delete(secretKeys[provider]);
  }

  /** Every stored key, so run documents can redact them whichever provider ran. */
  async all(): Promise<string[]> {
    const keys = await Promise.all((Object.keys(secretKeys) as KeyedProvider[]).map((provider) => this.get(provider)));
    return keys.filter((key): key is string => key !== undefined);
  }
}

export function registerApiKeyCommands(context: vscode.ExtensionContext, keys: ApiKeys): void {
  const labels: Record<KeyedProvider, { prompt: string; placeHolder: string }> = {
    anthropic: {
      prompt: vscode.l10n.t('Anthropic API key, kept in VS Code\'s secret storage. Leave empty to remove the stored key.'),
      placeHolder: 'sk-ant-…',
    },
    'openai-compatible': {
      prompt: vscode.l10n.t('API key for the OpenAI-compatible server, kept in VS Code\'s secret storage. Local servers such as Ollama need none; leave empty to remove it.'),
      placeHolder: 'sk-…',
    },
  };
  for (const provider of Object.keys(secretKeys) as KeyedProvider[]) {
    // A string argument skips the input box, for keybindings and scripted setups (and the integration tests).
    context.subscriptions.push(vscode.commands.registerCommand(setApiKeyCommands[provider], async (key?: unknown) => {
      const entered = typeof key === 'string' ? key : await vscode.window.showInputBox({ ...labels[provider], password: true, ignoreFocusOut: true });
      if (entered === undefined) return;
      await keys.set(provider, entered);
      if (typeof key !== 'string') {
        void vscode.window.showInformationMessage(entered.trim() ? vscode.l10n.t('API key saved in secret storage.') : vscode.l10n.t('API key removed.'));
      }
    }));
  }
}
