// The Node model back ends by id: their labels, and the one factory that loads each module (and its SDK) only when a
// run needs it.
import * as path from 'node:path';
import type { AnthropicOptions } from './anthropic/anthropic';
import type { ClaudeCodeOptions } from './claudeCode/claudeCode';
import type { OpenAICompatibleOptions } from './openaiCompatible/openaiCompatible';
import { providerLabels, type Provider } from './types';

export * from './types';
export { buildLanguageModelMessages, type LanguageModelMessageData } from './languageModelMessages';
export { RunDocument, formatRunHeader, formatRunEvent, formatRunFooter, type RunHeader, type RunOutcome } from './runDocument';
export { redactSecrets } from './redact';
export type { AnthropicOptions, ClaudeCodeOptions, OpenAICompatibleOptions };

export type ProviderConfig =
  | { id: 'claude-code'; options?: ClaudeCodeOptions }
  | { id: 'anthropic'; options: AnthropicOptions }
  | { id: 'openai-compatible'; options?: OpenAICompatibleOptions };

export type NodeProviderId = ProviderConfig['id'];

export const nodeProviders: readonly { id: NodeProviderId; label: string }[] = (['claude-code', 'anthropic', 'openai-compatible'] as const).map(
  (id) => ({ id, label: providerLabels[id] }),
);

/** The module of each Node back end. */
export interface ProviderModules {
  'claude-code': typeof import('./claudeCode/claudeCode');
  anthropic: typeof import('./anthropic/anthropic');
  'openai-compatible': typeof import('./openaiCompatible/openaiCompatible');
}

/**
 * Loads a back end's module when a run first needs it. From source (here: tests, the command line), or, in the
 * extension, from the bundles esbuild writes beside it (src/vscode/runs/providerSelection.ts), so activation never
 * loads an SDK.
 */
export type ProviderModuleLoader = <Id extends NodeProviderId>(id: Id) => ProviderModules[Id];

const sourceModules: Record<NodeProviderId, string> = {
  'claude-code': './claudeCode/claudeCode',
  anthropic: './anthropic/anthropic',
  'openai-compatible': './openaiCompatible/openaiCompatible',
};

/**
 * `require` rather than `import()`: in CommonJS, `import()` goes through Node's ESM loader, which the tests' tsx/cjs hook
 * does not serve. The path is computed, so a bundle that includes this file never inlines a back end and its SDK.
 */
export const loadProviderSource: ProviderModuleLoader = (id) => require(path.join(__dirname, sourceModules[id]));

/** The one factory of Node providers; the VS Code language-model provider needs `vscode`, so its feature file builds it. */
export async function createProvider(config: ProviderConfig, load: ProviderModuleLoader = loadProviderSource): Promise<Provider> {
  switch (config.id) {
    case 'claude-code':
      return load('claude-code').createClaudeCodeProvider(config.options);
    case 'anthropic':
      return load('anthropic').createAnthropicProvider(config.options);
    case 'openai-compatible':
      return load('openai-compatible').createOpenAICompatibleProvider(config.options);
  }
}

export function isNodeProviderId(id: string): id is NodeProviderId {
  return nodeProviders.some((provider) => provider.id === id);
}
