// Maps errors of the official HTTP SDKs (Anthropic, OpenAI: same shapes) to ProviderErrors.
import { isRecord } from '../engine/plainValues';
import { redactSecrets } from './redact';
import { cancelledError, ProviderError } from './types';

export interface HttpErrorContext {
  /** e.g. "Anthropic" or "The OpenAI-compatible server". */
  service: string;
  baseUrl: string;
  model: string;
  /** Values never to show, such as the API key. */
  secrets: readonly (string | undefined)[];
  signal: AbortSignal;
}

export function providerErrorFromHttp(error: unknown, context: HttpErrorContext): ProviderError {
  if (error instanceof ProviderError) return error;
  if (context.signal.aborted) return cancelledError();
  const { service, baseUrl, model } = context;
  const name = error instanceof Error ? error.name : '';
  const status = isRecord(error) && typeof error.status === 'number' ? error.status : statusOfStreamedError(error);
  const detail = redactSecrets(serverMessage(error), context.secrets).slice(0, 300);
  const fail = (kind: ProviderError['kind'], message: string, action?: ProviderError['action']) => new ProviderError(kind, message, action, { cause: error });

  if (name === 'APIUserAbortError' || name === 'AbortError') return cancelledError();
  if (name === 'APIConnectionTimeoutError') return fail('unreachable', `${service} at ${baseUrl} did not answer in time.`, 'retry');
  if (name === 'APIConnectionError' || (status === undefined && isConnectionFailure(error))) {
    return fail('unreachable', `Could not connect to ${service} at ${baseUrl}${connectionCode(error)}. Check that it is running and the base URL is right.`, 'openSettings');
  }
  if (error instanceof SyntaxError) return fail('failed', `${service} sent a streamed event that is not valid JSON.`);
  if (status === 401) return fail('unauthorized', `${service} rejected the API key (401${detail ? `: ${detail}` : ''}). Set a valid key.`, 'setApiKey');
  if (status === 403) return fail('unauthorized', `${service} refused access (403${detail ? `: ${detail}` : ''}). Check the key's permissions.`, 'setApiKey');
  if (status === 429 || status === 529) {
    const why = status === 429 ? 'is rate-limiting requests' : 'is overloaded';
    return fail('rate-limited', `${service} ${why} (${status}${detail ? `: ${detail}` : ''}). Wait a moment and run again.`, 'retry');
  }
  if ((status === 404 || status === 400 || status === 422) && /model/i.test(detail)) {
    return fail('unknown-model', `${service} does not know the model "${model}" (${status}: ${detail}). Pick another model.`, 'openSettings');
  }
  if (status === 404) return fail('not-found', `${service} has no such endpoint at ${baseUrl} (404${detail ? `: ${detail}` : ''}). Check the base URL.`, 'openSettings');
  if (status !== undefined) return fail('failed', `${service} answered ${status}${detail ? `: ${detail}` : ''}.`);
  return fail('failed', `${service} failed: ${detail || 'unknown error'}.`);
}

/** Anthropic reports failures after the stream has started as an `error` event without an HTTP status. */
const statusOfErrorType: Record<string, number> = {
  authentication_error: 401,
  permission_error: 403,
  not_found_error: 404,
  rate_limit_error: 429,
  overloaded_error: 529,
};

function statusOfStreamedError(error: unknown): number | undefined {
  const type = isRecord(error) && typeof error.type === 'string' ? error.type : undefined;
  return type ? statusOfErrorType[type] : undefined;
}

/** The `error.message` of the response body, else the error's own message without the SDK's leading status. */
function serverMessage(error: unknown): string {
  if (!isRecord(error)) return String(error ?? '');
  const body = error.error;
  if (isRecord(body)) {
    if (isRecord(body.error) && typeof body.error.message === 'string') return body.error.message; // Anthropic: whole body
    if (typeof body.message === 'string') return body.message; // OpenAI: body.error
  }
  return typeof error.message === 'string' ? error.message.replace(/^\d{3}\s+/, '').replace(/^status code \(no body\)$/, '') : '';
}

function isConnectionFailure(error: unknown): boolean {
  return /ECONNREFUSED|ENOTFOUND|ECONNRESET|EAI_AGAIN|fetch failed/i.test(connectionCode(error) + String(error));
}

/** ` (ECONNREFUSED)` from the error's cause chain, or nothing. */
function connectionCode(error: unknown): string {
  for (let cause: unknown = error, depth = 0; isRecord(cause) && depth < 5; cause = cause.cause, depth++) {
    if (typeof cause.code === 'string' && /^E[A-Z_]+$/.test(cause.code)) return ` (${cause.code})`;
  }
  return '';
}
