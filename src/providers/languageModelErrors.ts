// Maps the errors of VS Code's language-model API to ProviderErrors; pure, so it is tested without VS Code.
import { cancelledError, ProviderError } from './types';

/** What a `vscode.LanguageModelError` carries; `code` is `NoPermissions`, `Blocked`, `NotFound` or a provider's own. */
export interface LanguageModelErrorData {
  code?: string;
  message?: string;
}

export function providerErrorFromLanguageModel(error: unknown, modelName: string, aborted: boolean): ProviderError {
  if (error instanceof ProviderError) return error;
  if (aborted) return cancelledError();
  const { code, message } = readError(error);
  const detail = message ? ` (${message})` : '';
  switch (code) {
    case 'NoPermissions':
      return new ProviderError('unauthorized', `VS Code has not allowed Agent Studio to use ${modelName}${detail}. Run again and allow access when VS Code asks.`, 'retry', { cause: error });
    case 'Blocked':
      return new ProviderError('rate-limited', `${modelName} refused the request: its quota or rate limit is used up${detail}. Wait a moment and run again.`, 'retry', { cause: error });
    case 'NotFound':
      return new ProviderError('unknown-model', `The language model ${modelName} is no longer available${detail}. Pick another provider or model.`, 'openSettings', { cause: error });
  }
  if (/cancel/i.test(`${code} ${message}`)) return cancelledError();
  return new ProviderError('failed', `${modelName} failed: ${message || code || 'unknown error'}`, undefined, { cause: error });
}

/** Used when `vscode.lm.selectChatModels` finds nothing. */
export function noLanguageModelError(): ProviderError {
  return new ProviderError(
    'not-found',
    'No VS Code language model is available. Install and sign in to an extension that provides one (such as GitHub Copilot Chat), or choose another provider.',
    'openSettings',
  );
}

function readError(error: unknown): LanguageModelErrorData {
  if (typeof error !== 'object' || error === null) return { message: String(error ?? '') };
  const record = error as Record<string, unknown>;
  return { code: typeof record.code === 'string' ? record.code : undefined, message: typeof record.message === 'string' ? record.message : undefined };
}
