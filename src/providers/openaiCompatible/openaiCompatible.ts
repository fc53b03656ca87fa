// Runs an agent against any OpenAI chat-completions server (Ollama, LM Studio, vLLM) with the official SDK, streaming.
import OpenAI from 'openai';
import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import { abortable } from '../abortable';
import { newestClaudeCodeProfile } from '../../engine/formats/claudeCode/profiles';
import { valuesOf } from '../../engine/formats/fieldSchema';
import { isRecord } from '../../engine/plainValues';
import { numberOrUndefined } from '../anthropic/anthropicEvents';
import { providerErrorFromHttp } from '../httpErrors';
import { cancelledError, ProviderError, providerLabels, type AgentDefinition, type Provider, type RunEvent, type RunRequest, type UsageEvent } from '../types';

export const defaultOpenAIBaseUrl = 'http://localhost:11434/v1';

export interface OpenAIRequestOptions {
  /** The server's model name; wins over the agent's `model`, which usually names a Claude model. */
  model?: string;
  maxTokens?: number;
  modelOverride?: string;
}

export interface OpenAICompatibleOptions extends Omit<OpenAIRequestOptions, 'modelOverride'> {
  /** Default `http://localhost:11434/v1` (Ollama). */
  baseUrl?: string;
  /** Local servers need none; without one no Authorization header is sent. */
  apiKey?: string;
  /** Retries of 429/5xx/connection failures by the SDK. Default 2. */
  maxRetries?: number;
  /** Replaces the SDK's HTTP client, e.g. to go through a proxy agent; tests use it to control how bytes arrive. */
  fetch?: typeof globalThis.fetch;
}

/** Claude Code's model aliases (from its field data, `inherit` included) mean nothing to another server. */
const claudeOnlyModels = new Set(valuesOf(newestClaudeCodeProfile.fields, 'model').map((alias) => alias.toLowerCase()));

export function resolveOpenAIModel(agent: AgentDefinition, options: OpenAIRequestOptions): string {
  const agentModel = agent.model?.trim() && !claudeOnlyModels.has(agent.model.trim().toLowerCase()) ? agent.model.trim() : undefined;
  const model = options.modelOverride?.trim() || options.model?.trim() || agentModel;
  if (!model) {
    throw new ProviderError('unknown-model', 'No model is set for the OpenAI-compatible server. Set the model name the server serves, e.g. "llama3.2".', 'openSettings');
  }
  return model;
}

/** The agent's body is the system message; tools are not sent (there is no tool runner for this back end). */
export function buildOpenAIRequest(agent: AgentDefinition, prompt: string, options: OpenAIRequestOptions = {}): ChatCompletionCreateParamsStreaming {
  const messages: ChatCompletionCreateParamsStreaming['messages'] = [];
  if (agent.body.trim()) messages.push({ role: 'system', content: agent.body });
  messages.push({ role: 'user', content: prompt });
  const request: ChatCompletionCreateParamsStreaming = {
    model: resolveOpenAIModel(agent, options),
    messages,
    stream: true,
    // Ollama, LM Studio and vLLM send a last chunk with token counts when asked.
    stream_options: { include_usage: true },
  };
  if (options.maxTokens !== undefined) request.max_tokens = options.maxTokens;
  return request;
}

/** Reads chat.completion.chunk objects; chunks of unexpected shape are skipped. */
export class OpenAIStreamReader {
  private model: string | undefined;
  private inputTokens: number | undefined;
  private outputTokens: number | undefined;

  read(chunk: unknown): RunEvent[] {
    if (!isRecord(chunk)) return [];
    if (typeof chunk.model === 'string' && chunk.model) this.model = chunk.model;
    if (isRecord(chunk.usage)) {
      this.inputTokens = numberOrUndefined(chunk.usage.prompt_tokens) ?? this.inputTokens;
      this.outputTokens = numberOrUndefined(chunk.usage.completion_tokens) ?? this.outputTokens;
    }
    const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
    const content = isRecord(choice) && isRecord(choice.delta) ? choice.delta.content : undefined;
    return typeof content === 'string' && content ? [{ type: 'text', text: content }] : [];
  }

  usage(): UsageEvent {
    return { type: 'usage', inputTokens: this.inputTokens, outputTokens: this.outputTokens, model: this.model };
  }
}

export function createOpenAICompatibleProvider(options: OpenAICompatibleOptions = {}): Provider {
  return { id: 'openai-compatible', label: providerLabels['openai-compatible'], run: (request) => runOpenAICompatible(request, options) };
}

async function* runOpenAICompatible(request: RunRequest, options: OpenAICompatibleOptions): AsyncGenerator<RunEvent, void, undefined> {
  const body = buildOpenAIRequest(request.agent, request.prompt, { ...options, modelOverride: request.modelOverride });
  const baseUrl = options.baseUrl?.trim() || defaultOpenAIBaseUrl;
  const context = { service: 'The OpenAI-compatible server', baseUrl, model: body.model, secrets: [options.apiKey], signal: request.signal };
  if (request.signal.aborted) throw cancelledError();
  const client = new OpenAI({
    // The SDK insists on a key; without a real one the Authorization header is removed below.
    apiKey: options.apiKey || 'unused',
    baseURL: baseUrl,
    organization: null,
    project: null,
    maxRetries: options.maxRetries ?? 2,
    logLevel: 'off',
    fetch: options.fetch,
    defaultHeaders: options.apiKey ? undefined : { Authorization: null },
  });
  const reader = new OpenAIStreamReader();
  const startedAt = Date.now();
  try {
    const stream = await client.chat.completions.create(body, { signal: request.signal });
    for await (const chunk of abortable(stream, request.signal)) yield* reader.read(chunk);
  } catch (error) {
    throw providerErrorFromHttp(error, context);
  }
  if (request.signal.aborted) throw cancelledError();
  yield { ...reader.usage(), durationMs: Date.now() - startedAt };
}
