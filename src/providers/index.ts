// Creates providers by id, loading each back end's module (and its SDK) only when a run needs it.
import type { AnthropicOptions } from './anthropic/anthropic';
import type { ClaudeCodeOptions } from './claudeCode/claudeCode';
import type { OpenAICompatibleOptions } from './openaiCompatible/openaiCompatible';
import { providerLabels, type Provider } from './types';

export * from './types';
export { buildLanguageModelMessages, type LanguageModelMessageData } from './languageModelMessages';
export { RunDocument, formatRunHeader, formatRunEvent, formatRunFooter, type RunHeader, type RunOutcome } from './runDocument';
export { redactSecrets } from './redact';
export type { AnthropicOptions, ClaudeCodeOptions, OpenAICompatibleOptions };

/** The VS Code language-model provider needs `vscode`, so its feature file builds it; everything else is here. */
export type ProviderConfig =
  | { id: 'claude-code'; options?: ClaudeCodeOptions }
  | { id: 'anthropic'; options: AnthropicOptions }
  | { id: 'openai-compatible'; options?: OpenAICompatibleOptions };

export type NodeProviderId = ProviderConfig['id'];

export const nodeProviders: readonly { id: NodeProviderId; label: string }[] = (['claude-code', 'anthropic', 'openai-compatible'] as const).map(
  (id) => ({ id, label: providerLabels[id] }),
);

/**
 * `require` rather than `import()`: in CommonJS, `import()` goes through Node's ESM loader, which the tests' tsx/cjs hook
 * does not serve. esbuild bundles both the same way, evaluating a module (and its SDK) on its first call.
 */
export async function createProvider(config: ProviderConfig): Promise<Provider> {
  switch (config.id) {
    case 'claude-code':
      return (require('./claudeCode/claudeCode') as typeof import('./claudeCode/claudeCode')).createClaudeCodeProvider(config.options);
    case 'anthropic':
      return (require('./anthropic/anthropic') as typeof import('./anthropic/anthropic')).createAnthropicProvider(config.options);
    case 'openai-compatible':
      return (require('./openaiCompatible/openaiCompatible') as typeof import('./openaiCompatible/openaiCompatible')).createOpenAICompatibleProvider(config.options);
  }
}

export function isNodeProviderId(id: string): id is NodeProviderId {
  return nodeProviders.some((provider) => provider.id === id);
}
