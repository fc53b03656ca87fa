import * as assert from 'node:assert/strict';
import { createAnthropicProvider } from '../../../src/providers/anthropic/anthropic';
import { ProviderError } from '../../../src/providers/types';
import { startAnthropicLoopback, type AnthropicLoopback } from '../../support/anthropicLoopback';
import { agent, anthropicEvents, anthropicSse, closedPortUrl, collect, signal, startServer, withTimeout, writeBytewise, type ScriptedServer } from './providerTestKit';

const apiKey = 'sk-ant-api03-secret-key-for-tests';

describe('providers: Anthropic API against a loopback server', () => {
  let loopback: AnthropicLoopback | undefined;
  let server: ScriptedServer | undefined;

  afterEach(async () => {
    await loopback?.close();
    await server?.close();
    loopback = server = undefined;
  });

  it('streams the text in order and reports usage, sending the body as system and the mapped model', async () => {
    loopback = await startAnthropicLoopback({ replyText: 'One, two, three — done.', deltaCount: 6 });
    const provider = createAnthropicProvider({ apiKey, baseUrl: loopback.url, modelAliases: { sonnet: 'claude-opus-4-8' } });
    const { events, text, error } = await collect(provider.run({ agent: agent(), prompt: 'Count', signal: signal() }));
    assert.equal(error, undefined);
    assert.deepEqual(events.filter((event) => event.type === 'text').length, 6);
    assert.equal(text, 'One, two, three — done.');
    const usage = events.at(-1);
    assert.ok(usage?.type === 'usage' && usage.model === 'claude-opus-4-8' && usage.inputTokens === 1 && usage.outputTokens === 6 && usage.durationMs! >= 0, JSON.stringify(usage));
    const [request] = loopback.requests;
    const body = request.body as { system: string; model: string; messages: unknown; stream: boolean };
    assert.equal(body.system, agent().body);
    assert.equal(body.model, 'claude-opus-4-8');
    assert.deepEqual(body.messages, [{ role: 'user', content: 'Count' }]);
    // SDK 1.x sends the key as a bearer token; 0.x sent `x-api-key`.
    assert.ok(request.headers.authorization === `Bearer ${apiKey}` || request.headers['x-api-key'] === apiKey);
  });

  it('survives an event stream that arrives one byte at a time, through a base URL with a path', async () => {
    server = await startServer((_request, response) => writeBytewise(response, anthropicSse(anthropicEvents(['Grüße ', 'aus ', '🌍']))));
    const provider = createAnthropicProvider({ apiKey, baseUrl: `${server.url}/gateway/anthropic` });
    const { text, error } = await collect(provider.run({ agent: agent(), prompt: 'hi', signal: signal() }));
    assert.equal(error, undefined);
    assert.equal(text, 'Grüße aus 🌍');
    assert.equal(server.requests[0].path, '/gateway/anthropic/v1/messages');
  });

  it('maps 401 to unauthorized without showing the key the server echoed', async () => {
    loopback = await startAnthropicLoopback({ errorStatus: 401, errorMessage: `invalid x-api-key ${apiKey}` });
    const { error } = await collect(createAnthropicProvider({ apiKey, baseUrl: loopback.url }).run({ agent: agent(), prompt: 'hi', signal: signal() }));
    assert.ok(error instanceof ProviderError, String(error));
    assert.equal(error.kind, 'unauthorized');
    assert.equal(error.action, 'setApiKey');
    assert.ok(!error.message.includes(apiKey), error.message);
  });

  it('maps 429 to rate-limited', async () => {
    loopback = await startAnthropicLoopback({ errorStatus: 429 });
    const { error } = await collect(createAnthropicProvider({ apiKey, baseUrl: loopback.url, maxRetries: 0 }).run({ agent: agent(), prompt: 'hi', signal: signal() }));
    assert.ok(error instanceof ProviderError && error.kind === 'rate-limited' && error.action === 'retry', String(error));
  });

  it('maps a 404 about the model to unknown-model', async () => {
    loopback = await startAnthropicLoopback({ errorStatus: 404, errorMessage: 'model: claude-nope' });
    const { error } = await collect(createAnthropicProvider({ apiKey, baseUrl: loopback.url }).run({ agent: agent({ model: 'claude-nope' }), prompt: 'hi', signal: signal() }));
    assert.ok(error instanceof ProviderError && error.kind === 'unknown-model' && error.message.includes('claude-nope'), String(error));
  });

  it('maps a closed port to unreachable', async () => {
    const { error } = await collect(createAnthropicProvider({ apiKey, baseUrl: await closedPortUrl(), maxRetries: 0 }).run({ agent: agent(), prompt: 'hi', signal: signal() }));
    assert.ok(error instanceof ProviderError && error.kind === 'unreachable', String(error));
    assert.match(error.message, /ECONNREFUSED/);
  });

  it('asks for a key before sending anything when none is set', async () => {
    const { error } = await collect(createAnthropicProvider({ apiKey: '' }).run({ agent: agent(), prompt: 'hi', signal: signal() }));
    assert.ok(error instanceof ProviderError && error.kind === 'unauthorized' && error.action === 'setApiKey');
  });

  it('ends promptly with cancelled when aborted mid-stream, and drops the connection', async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    server = await startServer(async (_request, response) => {
      const events = anthropicEvents(['first ', 'never sent']);
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(anthropicSse(events.slice(0, 3)));
      await held; // the rest of the answer waits until the test is over
      response.end(anthropicSse(events.slice(3)));
    });
    const controller = new AbortController();
    const hangUp = server.nextHangUp();
    try {
      const { text, error } = await collect(createAnthropicProvider({ apiKey, baseUrl: server.url }).run({ agent: agent(), prompt: 'hi', signal: controller.signal }), {
        timeoutMs: 1000,
        onEvent: () => controller.abort(),
      });
      assert.equal(text, 'first ');
      assert.ok(error instanceof ProviderError && error.kind === 'cancelled', String(error));
      await withTimeout(hangUp, 1000, 'the client to drop the connection');
    } finally {
      release();
    }
  });
});
