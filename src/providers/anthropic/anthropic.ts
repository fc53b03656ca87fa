// Runs an agent against the Anthropic Messages API with the official SDK, streaming.
import Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsStreaming } from '@anthropic-ai/sdk/resources/messages';
import { newestClaudeCodeProfile } from '../../engine/formats/claudeCode/profiles';
import { abortable } from '../abortable';
import { AnthropicStreamReader } from './anthropicEvents';
import { providerErrorFromHttp } from '../httpErrors';
import { cancelledError, ProviderError, providerLabels, type AgentDefinition, type Provider, type RunEvent, type RunRequest } from '../types';

/** The ids the newest profiled Claude Code resolves its aliases to for the Anthropic API. */
export const defaultModelAliases: Readonly<Record<string, string>> = newestClaudeCodeProfile.modelAliasIds;

export interface AnthropicRequestOptions {
  /** Alias → model id; settings supply it. Default `defaultModelAliases`. */
  modelAliases?: Readonly<Record<string, string>>;
  /** Used when the agent names no model or `inherit`. Default: the `sonnet` alias. */
  defaultModel?: string;
  /** Default 8192. */
  maxTokens?: number;
  modelOverride?: string;
}

export interface AnthropicOptions extends Omit<AnthropicRequestOptions, 'modelOverride'> {
  apiKey?: string;
  /** For proxies and gateways. Default `https://api.anthropic.com`. */
  baseUrl?: string;
  /** Retries of 429/5xx/connection failures by the SDK. Default 2. */
  maxRetries?: number;
  /** Replaces the SDK's HTTP client, e.g. to go through a proxy agent; tests use it to control how bytes arrive. */
  fetch?: typeof globalThis.fetch;
}

export const defaultAnthropicBaseUrl = 'https://api.anthropic.com';

/** `inherit` and no model mean the default; an alias maps through the table; anything else is sent as written. */
export function resolveAnthropicModel(model: string | undefined, options: Pick<AnthropicRequestOptions, 'modelAliases' | 'defaultModel'> = {}): string {
  const aliases = options.modelAliases ?? defaultModelAliases;
  const requested = model?.trim();
  if (!requested || requested.toLowerCase() === 'inherit') return options.defaultModel ?? aliases.sonnet ?? defaultModelAliases.sonnet;
  return aliases[requested.toLowerCase()] ?? requested;
}

/** The Messages API has no tool runner here, so the agent's `tools` are not sent; its body is the system prompt. */
export function buildAnthropicRequest(agent: AgentDefinition, prompt: string, options: AnthropicRequestOptions = {}): MessageCreateParamsStreaming {
  const request: MessageCreateParamsStreaming = {
    model: resolveAnthropicModel(options.modelOverride ?? agent.model, options),
    max_tokens: options.maxTokens ?? 8192,
    messages: [{ role: 'user', content: prompt }],
    stream: true,
  };
  if (agent.body.trim()) request.system = agent.body;
  return request;
}

export function createAnthropicProvider(options: AnthropicOptions): Provider {
  return { id: 'anthropic', label: providerLabels.anthropic, run: (request) => runAnthropic(request, options) };
}

async function* runAnthropic(request: RunRequest, options: AnthropicOptions): AsyncGenerator<RunEvent, void, undefined> {
  if (!options.apiKey) throw new ProviderError('unauthorized', 'No Anthropic API key is set. Set one to run agents through the Anthropic API.', 'setApiKey');
  const body = buildAnthropicRequest(request.agent, request.prompt, { ...options, modelOverride: request.modelOverride });
  const baseUrl = options.baseUrl?.trim() || defaultAnthropicBaseUrl;
  const context = { service: 'Anthropic', baseUrl, model: body.model, secrets: [options.apiKey], signal: request.signal };
  if (request.signal.aborted) throw cancelledError();
  // The key is passed explicitly so the SDK reads neither ANTHROPIC_API_KEY nor a credentials file.
  const client = new Anthropic({ apiKey: options.apiKey, baseURL: baseUrl, maxRetries: options.maxRetries ?? 2, logLevel: 'off', fetch: options.fetch });
  const reader = new AnthropicStreamReader();
  const startedAt = Date.now();
  try {
    const stream = await client.messages.create(body, { signal: request.signal });
    for await (const event of abortable(stream, request.signal)) yield* reader.read(event);
  } catch (error) {
    throw providerErrorFromHttp(error, context);
  }
  // The SDK ends a stream quietly when its request is aborted.
  if (request.signal.aborted) throw cancelledError();
  yield { ...reader.usage(), durationMs: Date.now() - startedAt };
}
