import * as assert from 'node:assert/strict';
import type * as http from 'node:http';
import { createOpenAICompatibleProvider } from '../../../src/providers/openaiCompatible/openaiCompatible';
import { ProviderError } from '../../../src/providers/types';
import { agent, closedPortUrl, collect, openAIChunks, openAISse, signal, startServer, withTimeout, writeBytewise, type ScriptedServer } from './providerTestKit';

function sendError(response: http.ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'invalid_request_error', code: null } }));
}

describe('providers: OpenAI-compatible server against a loopback server', () => {
  let server: ScriptedServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('streams the text in order and reports usage, with the body as system message and no key header', async () => {
    server = await startServer((_request, response) => writeBytewise(response, openAISse(openAIChunks(['Hola', ', ', 'mundo ', '👋']))));
    const provider = createOpenAICompatibleProvider({ baseUrl: `${server.url}/v1`, model: 'llama3.2' });
    const { events, text, error } = await collect(provider.run({ agent: agent(), prompt: 'Greet', signal: signal() }));
    assert.equal(error, undefined);
    assert.deepEqual(events.filter((event) => event.type === 'text').map((event) => event.type === 'text' && event.text), ['Hola', ', ', 'mundo ', '👋']);
    assert.equal(text, 'Hola, mundo 👋');
    const usage = events.at(-1);
    assert.ok(usage?.type === 'usage' && usage.inputTokens === 21 && usage.outputTokens === 8 && usage.model === 'llama3.2', JSON.stringify(usage));
    const [request] = server.requests;
    assert.equal(request.path, '/v1/chat/completions');
    assert.deepEqual(request.body.messages, [
      { role: 'system', content: agent().body },
      { role: 'user', content: 'Greet' },
    ]);
    assert.equal(request.body.model, 'llama3.2');
    assert.equal(request.headers.authorization, undefined);
  });

  it('sends the key as a bearer token when one is set', async () => {
    server = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(openAISse(openAIChunks(['ok'])));
    });
    await collect(createOpenAICompatibleProvider({ baseUrl: server.url, model: 'm', apiKey: 'lm-studio-key' }).run({ agent: agent(), prompt: 'hi', signal: signal() }));
    assert.equal(server.requests[0].headers.authorization, 'Bearer lm-studio-key');
  });

  it('maps 401 to unauthorized without showing the masked key the server echoed', async () => {
    server = await startServer((_request, response) => sendError(response, 401, 'Incorrect API key provided: sk-proj-abc1***********wxyz.'));
    const { error } = await collect(createOpenAICompatibleProvider({ baseUrl: server.url, model: 'm', apiKey: 'sk-proj-abc123456789wxyz' }).run({ agent: agent(), prompt: 'hi', signal: signal() }));
    assert.ok(error instanceof ProviderError && error.kind === 'unauthorized' && error.action === 'setApiKey', String(error));
    assert.doesNotMatch(error.message, /sk-proj/);
  });

  it('maps 429 to rate-limited', async () => {
    server = await startServer((_request, response) => sendError(response, 429, 'Too many requests'));
    const { error } = await collect(createOpenAICompatibleProvider({ baseUrl: server.url, model: 'm', maxRetries: 0 }).run({ agent: agent(), prompt: 'hi', signal: signal() }));
    assert.ok(error instanceof ProviderError && error.kind === 'rate-limited', String(error));
  });

  it("maps Ollama's 404 for a model it has not pulled to unknown-model, and a bare 404 to not-found", async () => {
    server = await startServer((request, response) =>
      request.body.model === 'qwen9' ? sendError(response, 404, 'model "qwen9" not found, try pulling it first') : sendError(response, 404, '404 page not found'),
    );
    const missingModel = await collect(createOpenAICompatibleProvider({ baseUrl: server.url, model: 'qwen9' }).run({ agent: agent(), prompt: 'hi', signal: signal() }));
    assert.ok(missingModel.error instanceof ProviderError && missingModel.error.kind === 'unknown-model', String(missingModel.error));
    const wrongPath = await collect(createOpenAICompatibleProvider({ baseUrl: server.url, model: 'llama3.2' }).run({ agent: agent(), prompt: 'hi', signal: signal() }));
    assert.ok(wrongPath.error instanceof ProviderError && wrongPath.error.kind === 'not-found' && wrongPath.error.action === 'openSettings', String(wrongPath.error));
  });

  it('maps a closed port to unreachable', async () => {
    const { error } = await collect(createOpenAICompatibleProvider({ baseUrl: await closedPortUrl(), model: 'm', maxRetries: 0 }).run({ agent: agent(), prompt: 'hi', signal: signal() }));
    assert.ok(error instanceof ProviderError && error.kind === 'unreachable' && error.action === 'openSettings', String(error));
  });

  it('ends promptly with cancelled when aborted mid-stream, and drops the connection', async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    server = await startServer(async (_request, response) => {
      const chunks = openAIChunks(['first ', 'never sent']);
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(openAISse(chunks.slice(0, 2)).replace(/data: \[DONE\]\n\n$/, ''));
      await held;
      response.end(openAISse(chunks.slice(2)));
    });
    const controller = new AbortController();
    const hangUp = server.nextHangUp();
    try {
      const { text, error } = await collect(createOpenAICompatibleProvider({ baseUrl: server.url, model: 'm' }).run({ agent: agent(), prompt: 'hi', signal: controller.signal }), {
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
