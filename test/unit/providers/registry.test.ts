import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { createProvider, nodeProviders } from '../../../src/providers';
import { providerErrorFromHttp } from '../../../src/providers/httpErrors';
import { ProviderError } from '../../../src/providers/types';

const root = path.resolve(__dirname, '..', '..', '..');

describe('providers: registry', () => {
  it('creates each Node provider by id with its label', async () => {
    assert.deepEqual(nodeProviders.map((provider) => provider.id), ['claude-code', 'anthropic', 'openai-compatible']);
    const created = await Promise.all([
      createProvider({ id: 'claude-code' }),
      createProvider({ id: 'anthropic', options: { apiKey: 'k' } }),
      createProvider({ id: 'openai-compatible' }),
    ]);
    assert.deepEqual(created.map((provider) => [provider.id, provider.label]), [
      ['claude-code', 'Claude Code'],
      ['anthropic', 'Anthropic API'],
      ['openai-compatible', 'OpenAI-compatible server'],
    ]);
  });

  it('loads an SDK only when its provider is created', async function () {
    this.timeout(20_000);
    // A fresh process: in this one other tests have loaded the SDKs already.
    const script = `
      const loaded = (name) => Object.keys(require.cache).some((file) => file.includes('node_modules/' + name + '/'));
      const providers = require('./src/providers');
      const before = [loaded('@anthropic-ai/sdk'), loaded('openai')];
      providers.createProvider({ id: 'anthropic', options: { apiKey: 'k' } }).then(() => {
        console.log(JSON.stringify({ before, after: [loaded('@anthropic-ai/sdk'), loaded('openai')] }));
      });`;
    const output = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: root }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
    );
    assert.deepEqual(JSON.parse(output.trim().split('\n').at(-1)!), { before: [false, false], after: [true, false] });
  });
});

describe('providers: HTTP error mapping', () => {
  const context = { service: 'Anthropic', baseUrl: 'https://api.example', model: 'claude-x', secrets: ['sk-ant-very-secret-value'], signal: new AbortController().signal };
  const apiError = (status: number | undefined, message: string, name = 'APIError') => Object.assign(new Error(`${status} ${message}`), { name, status, error: { type: 'error', error: { message } } });

  for (const [status, message, kind] of [
    [401, 'invalid x-api-key', 'unauthorized'],
    [403, 'forbidden', 'unauthorized'],
    [429, 'slow down', 'rate-limited'],
    [529, 'Overloaded', 'rate-limited'],
    [404, 'model: claude-x', 'unknown-model'],
    [400, 'model claude-x does not exist', 'unknown-model'],
    [404, 'Not Found', 'not-found'],
    [500, 'Internal error', 'failed'],
  ] as const) {
    it(`maps ${status} "${message}" to ${kind}`, () => {
      assert.equal(providerErrorFromHttp(apiError(status, message), context).kind, kind);
    });
  }

  it('maps connection failures to unreachable and an abort to cancelled', () => {
    const refused = Object.assign(new Error('Connection error.'), { name: 'APIConnectionError', cause: Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } }) });
    const error = providerErrorFromHttp(refused, context);
    assert.equal(error.kind, 'unreachable');
    assert.match(error.message, /https:\/\/api\.example \(ECONNREFUSED\)/);
    assert.equal(providerErrorFromHttp(Object.assign(new Error('aborted'), { name: 'APIUserAbortError' }), context).kind, 'cancelled');
    const aborted = new AbortController();
    aborted.abort();
    assert.equal(providerErrorFromHttp(new Error('whatever'), { ...context, signal: aborted.signal }).kind, 'cancelled');
  });

  it('keeps secrets out of the message and passes ProviderErrors through', () => {
    assert.ok(!providerErrorFromHttp(apiError(401, 'bad key sk-ant-very-secret-value'), context).message.includes('very-secret'));
    const original = new ProviderError('invalid-agent', 'x');
    assert.equal(providerErrorFromHttp(original, context), original);
  });
});
