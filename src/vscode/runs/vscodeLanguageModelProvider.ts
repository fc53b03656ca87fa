// Runs an agent on a chat model another extension contributes to VS Code (`vscode.lm`), e.g. GitHub Copilot's.
import vscode = require('vscode');
import { abortable } from '../../providers/abortable';
import { buildLanguageModelMessages } from '../../providers/languageModelMessages';
import { noLanguageModelError, providerErrorFromLanguageModel } from '../../providers/languageModelErrors';
import { cancelledError, providerLabels, type Provider, type RunEvent, type RunRequest } from '../../providers/types';

/**
 * The model to use: one whose id or family contains the agent's `model` (e.g. `sonnet` finds `claude-sonnet-4`),
 * otherwise the first VS Code offers. Undefined when no extension provides a model.
 */
export async function selectLanguageModel(preferred?: string): Promise<vscode.LanguageModelChat | undefined> {
  const models = await vscode.lm.selectChatModels();
  const wanted = preferred?.trim().toLowerCase();
  const matching = wanted && wanted !== 'inherit' ? models.find((model) => `${model.id} ${model.family}`.toLowerCase().includes(wanted)) : undefined;
  return matching ?? models[0];
}

export function createVscodeLanguageModelProvider(model: vscode.LanguageModelChat | undefined): Provider {
  return { id: 'vscode-lm', label: providerLabels['vscode-lm'], run: (request) => runLanguageModel(model, request) };
}

async function* runLanguageModel(model: vscode.LanguageModelChat | undefined, request: RunRequest): AsyncGenerator<RunEvent, void, undefined> {
  if (!model) throw noLanguageModelError();
  if (request.signal.aborted) throw cancelledError();
  // No system role in this API: buildLanguageModelMessages sends the body first as a user message.
  const messages = buildLanguageModelMessages(request.agent, request.prompt).map((message) => vscode.LanguageModelChatMessage.User(message.content));
  const cancellation = new vscode.CancellationTokenSource();
  const onAbort = () => cancellation.cancel();
  request.signal.addEventListener('abort', onAbort, { once: true });
  const startedAt = Date.now();
  try {
    const response = await model.sendRequest(messages, { justification: vscode.l10n.t('Agent Studio runs the agent you chose with this model.') }, cancellation.token);
    for await (const text of abortable(response.text, request.signal)) yield { type: 'text', text };
  } catch (error) {
    throw providerErrorFromLanguageModel(error, model.name, request.signal.aborted);
  } finally {
    request.signal.removeEventListener('abort', onAbort);
    cancellation.dispose();
  }
  if (request.signal.aborted) throw cancelledError();
  yield { type: 'usage', durationMs: Date.now() - startedAt, model: model.name };
}
