// The contract every model back end implements. Plain Node: no `vscode` import here.

import type { AgentDefinition } from '../engine/types';

export type { AgentDefinition };

export interface RunRequest {
  agent: AgentDefinition;
  prompt: string;
  /** Working directory for back ends that touch files (Claude Code); ignored by plain HTTP ones. */
  cwd?: string;
  signal: AbortSignal;
  /** Replaces the agent's `model` for this run. */
  modelOverride?: string;
}

export interface TextEvent {
  type: 'text';
  text: string;
}

/** The agent called a tool (Claude Code only); the text after it belongs to a later turn. */
export interface ToolUseEvent {
  type: 'tool-use';
  name: string;
}

/** The back end hit a transient error and will try again by itself (Claude Code retries up to 10 times). */
export interface RetryEvent {
  type: 'retry';
  attempt: number;
  maxRetries?: number;
  delayMs?: number;
  /** HTTP status of the failed attempt, when there was a response. */
  status?: number;
}

/** Reported once a run has finished; every field is optional because back ends report different subsets. */
export interface UsageEvent {
  type: 'usage';
  inputTokens?: number;
  outputTokens?: number;
  costUsd?: number;
  durationMs?: number;
  model?: string;
}

export type RunEvent = TextEvent | ToolUseEvent | RetryEvent | UsageEvent;

export type ProviderId = 'claude-code' | 'anthropic' | 'openai-compatible' | 'vscode-lm';

export interface Provider {
  readonly id: ProviderId;
  readonly label: string;
  /** Streams the answer; ends normally on success and throws a `ProviderError` on any failure, cancellation included. */
  run(request: RunRequest): AsyncIterable<RunEvent>;
}

export type ProviderErrorKind =
  | 'not-found'
  | 'unauthorized'
  | 'rate-limited'
  | 'unreachable'
  | 'unknown-model'
  | 'invalid-agent'
  | 'cancelled'
  | 'failed';

/** Command-like ids a VS Code feature maps to a button next to the error message. */
export type ProviderFixAction = 'setApiKey' | 'loginClaude' | 'installClaude' | 'openSettings' | 'openAgent' | 'retry';

export class ProviderError extends Error {
  override readonly name = 'ProviderError';

  constructor(
    readonly kind: ProviderErrorKind,
    /** Says what happened in words a user can act on; never contains a secret. */
    message: string,
    readonly action?: ProviderFixAction,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isProviderError(value: unknown): value is ProviderError {
  return value instanceof ProviderError;
}

export function cancelledError(): ProviderError {
  return new ProviderError('cancelled', 'The run was cancelled.');
}

export const providerLabels: Record<ProviderId, string> = {
  'claude-code': 'Claude Code',
  anthropic: 'Anthropic API',
  'openai-compatible': 'OpenAI-compatible server',
  'vscode-lm': 'VS Code language model',
};
