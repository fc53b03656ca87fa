import * as assert from 'node:assert/strict';
import { noLanguageModelError, providerErrorFromLanguageModel } from '../../../src/providers/languageModelErrors';
import { ProviderError } from '../../../src/providers/types';

/** Shaped like `vscode.LanguageModelError`: an Error with a `code`. */
function languageModelError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'LanguageModelError', code });
}

describe('providers: VS Code language-model errors', () => {
  it('maps the three documented codes to a kind and a fix', () => {
    const noPermission = providerErrorFromLanguageModel(languageModelError('NoPermissions', 'consent denied'), 'GPT-5', false);
    assert.equal(noPermission.kind, 'unauthorized');
    assert.equal(noPermission.action, 'retry');
    assert.match(noPermission.message, /allowed Agent Studio to use GPT-5 \(consent denied\)/);
    const blocked = providerErrorFromLanguageModel(languageModelError('Blocked', ''), 'GPT-5', false);
    assert.equal(blocked.kind, 'rate-limited');
    assert.doesNotMatch(blocked.message, /\(\)/);
    const notFound = providerErrorFromLanguageModel(languageModelError('NotFound', 'gone'), 'GPT-5', false);
    assert.equal(notFound.kind, 'unknown-model');
    assert.equal(notFound.action, 'openSettings');
  });

  it('reports a cancel as cancelled and anything else as failed with its message', () => {
    assert.equal(providerErrorFromLanguageModel(languageModelError('Unknown', 'boom'), 'm', true).kind, 'cancelled');
    assert.equal(providerErrorFromLanguageModel(new Error('Canceled'), 'm', false).kind, 'cancelled');
    const failed = providerErrorFromLanguageModel(new Error('socket hang up'), 'm', false);
    assert.equal(failed.kind, 'failed');
    assert.match(failed.message, /socket hang up/);
    assert.equal(providerErrorFromLanguageModel('odd', 'm', false).kind, 'failed');
  });

  it('passes a ProviderError through and says what to do when there is no model', () => {
    const original = new ProviderError('unreachable', 'x');
    assert.equal(providerErrorFromLanguageModel(original, 'm', false), original);
    assert.equal(noLanguageModelError().kind, 'not-found');
    assert.equal(noLanguageModelError().action, 'openSettings');
  });
});
