import * as assert from 'node:assert/strict';
import { abortable } from '../../../src/providers/abortable';
import { createAnthropicProvider } from '../../../src/providers/anthropic/anthropic';
import { AnthropicStreamReader } from '../../../src/providers/anthropic/anthropicEvents';
import { ClaudeStreamParser, parseClaudeStreamJson } from '../../../src/providers/claudeCode/claudeCode';
import { JsonLinesDecoder } from '../../../src/providers/claudeCode/jsonLines';
import { createOpenAICompatibleProvider, OpenAIStreamReader } from '../../../src/providers/openaiCompatible/openaiCompatible';
import { ProviderError, type RunEvent } from '../../../src/providers/types';
import { agent, anthropicEvents, anthropicSse, chunkedFetch, collect, openAIChunks, openAISse, signal, splits, sseEvent } from './providerTestKit';

// What `claude -p --output-format stream-json --verbose --include-partial-messages` 2.1.197 printed for a loopback
// reply (session ids and uuids left out), with non-ASCII text so that byte splits land inside characters.
const claudeTranscript = [
  { type: 'system', subtype: 'init', cwd: '/tmp/p', tools: [], model: 'claude-opus-4-8[1m]', permissionMode: 'default', apiKeySource: 'ANTHROPIC_API_KEY', claude_code_version: '2.1.197' },
  { type: 'system', subtype: 'status', status: 'requesting' },
  { type: 'stream_event', event: { type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-opus-4-8', content: [], usage: { input_tokens: 12, output_tokens: 1 } } }, parent_tool_use_id: null },
  { type: 'stream_event', event: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, parent_tool_use_id: null },
  { type: 'stream_event', event: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hello ' } }, parent_tool_use_id: null },
  { type: 'stream_event', event: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'wörld 🎉' } }, parent_tool_use_id: null },
  { type: 'assistant', message: { id: 'msg_1', role: 'assistant', model: 'claude-opus-4-8', content: [{ type: 'text', text: 'Hello wörld 🎉' }] }, parent_tool_use_id: null },
  { type: 'stream_event', event: { type: 'content_block_stop', index: 0 }, parent_tool_use_id: null },
  { type: 'stream_event', event: { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 7 } }, parent_tool_use_id: null },
  { type: 'stream_event', event: { type: 'message_stop' }, parent_tool_use_id: null },
  { type: 'result', subtype: 'success', is_error: false, api_error_status: null, duration_ms: 250, num_turns: 1, result: 'Hello wörld 🎉', total_cost_usd: 0.000235, usage: { input_tokens: 12, cache_creation_input_tokens: 0, cache_read_input_tokens: 3, output_tokens: 7 } },
];

const expectedClaudeEvents: RunEvent[] = [
  { type: 'text', text: 'Hello ' },
  { type: 'text', text: 'wörld 🎉' },
  { type: 'usage', inputTokens: 15, outputTokens: 7, costUsd: 0.000235, durationMs: 250, model: 'claude-opus-4-8' },
];

const malformedLines = [
  '{"type":"stream_event","event":{"type":"content_block_delta"',
  'not json at all',
  '[1,2]',
  '42',
  '{"type":"stream_event"}',
  '{"type":"stream_event","event":{"type":"content_block_delta","delta":{"type":"text_delta","text":5}}}',
  '{"type":"stream_event","event":{"type":"content_block_delta","delta":{"type":"input_json_delta","partial_json":"{"}}}',
  '{"type":"mystery","payload":{}}',
  '',
  '   ',
];

function transcriptBytes(lines: unknown[], extra: string[] = []): Uint8Array {
  const text = [...lines.map((line) => JSON.stringify(line)), ...extra].join('\r\n') + '\n';
  return new TextEncoder().encode(text);
}

function parseAll(chunks: Uint8Array[]): RunEvent[] {
  const parser = new ClaudeStreamParser();
  return [...chunks.flatMap((chunk) => parser.push(Buffer.from(chunk))), ...parser.end()];
}

function merged(events: RunEvent[]): RunEvent[] {
  const result: RunEvent[] = [];
  for (const event of events) {
    const last = result[result.length - 1];
    if (event.type === 'text' && last?.type === 'text') last.text += event.text;
    else result.push({ ...event });
  }
  return result;
}

describe('providers: stream parsing', () => {
  describe('newline-delimited JSON', () => {
    it('yields the same values whatever the chunk boundaries, inside multi-byte characters too', () => {
      const bytes = new TextEncoder().encode('{"a":"ü"}\n{"b":"🎉"}\r\n\n{"c":3}');
      for (const chunks of splits(bytes)) {
        const decoder = new JsonLinesDecoder();
        const values = [...chunks.flatMap((chunk) => decoder.push(Buffer.from(chunk))), ...decoder.end()];
        assert.deepEqual(values, [{ a: 'ü' }, { b: '🎉' }, { c: 3 }]);
      }
    });

    it('skips malformed lines without throwing', () => {
      const decoder = new JsonLinesDecoder();
      assert.deepEqual(decoder.push('{"ok":1}\n{broken\n"text"\n'), [{ ok: 1 }, 'text']);
      assert.deepEqual(decoder.end(), []);
    });
  });

  describe('Claude Code stream-json', () => {
    it('yields the streamed text and the result usage at every byte split', () => {
      for (const chunks of splits(transcriptBytes(claudeTranscript))) {
        assert.deepEqual(parseAll(chunks), expectedClaudeEvents);
      }
    });

    it('skips malformed lines and events of unexpected shape', () => {
      const lines = claudeTranscript.map((line) => JSON.stringify(line));
      const withNoise = lines.flatMap((line, index) => [line, malformedLines[index % malformedLines.length]]);
      for (const chunks of splits(new TextEncoder().encode(withNoise.join('\n')))) {
        assert.deepEqual(merged(parseAll(chunks)), merged(expectedClaudeEvents));
      }
    });

    it('reads chunks from an async source', async () => {
      async function* source() {
        for (const chunk of splits(transcriptBytes(claudeTranscript)).at(-1)!) yield Buffer.from(chunk);
      }
      const events: RunEvent[] = [];
      for await (const event of parseClaudeStreamJson(source())) events.push(event);
      assert.deepEqual(merged(events), merged(expectedClaudeEvents));
    });

    it("reports tool calls and ignores sub-agents' output", () => {
      const parser = new ClaudeStreamParser();
      const events = parser.push(
        [
          { type: 'stream_event', event: { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 't1', name: 'Read', input: {} } }, parent_tool_use_id: null },
          { type: 'stream_event', event: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'sub-agent text' } }, parent_tool_use_id: 'toolu_1' },
        ].map((line) => JSON.stringify(line) + '\n').join(''),
      );
      assert.deepEqual(events, [{ type: 'tool-use', name: 'Read' }]);
    });

    it('turns a retried 429 into a retry event, and fails at once on a 401 the CLI would retry for minutes', () => {
      const retry = (status: number) => JSON.stringify({ type: 'system', subtype: 'api_retry', attempt: 2, max_retries: 10, retry_delay_ms: 1056.9, error_status: status, error: status === 429 ? 'rate_limit' : 'authentication_failed' }) + '\n';
      assert.deepEqual(new ClaudeStreamParser().push(retry(429)), [{ type: 'retry', attempt: 2, maxRetries: 10, delayMs: 1056.9, status: 429 }]);
      assert.throws(() => new ClaudeStreamParser().push(retry(401)), (error: unknown) => error instanceof ProviderError && error.kind === 'unauthorized' && error.action === 'loginClaude');
    });

    // `result` lines as 2.1.197 prints them with CLAUDE_CODE_MAX_RETRIES=0 against a loopback answering each case.
    for (const [result, status, kind] of [
      ['Invalid API key · Fix external API key', 401, 'unauthorized'],
      ['Not logged in · Please run /login', null, 'unauthorized'],
      ['API Error: Request rejected (429) · Rate limited', 429, 'rate-limited'],
      ["There's an issue with the selected model (claude-nope). It may not exist or you may not have access to it.", 404, 'unknown-model'],
      ['API Error: Unable to connect to API (ConnectionRefused)', null, 'unreachable'],
      ['API Error: 500 Internal server error', 500, 'failed'],
    ] as const) {
      it(`maps the error result "${result.slice(0, 40)}" to ${kind}`, () => {
        const line = JSON.stringify({ type: 'result', subtype: 'success', is_error: true, api_error_status: status, duration_ms: 836, result, total_cost_usd: 0 });
        assert.throws(() => new ClaudeStreamParser().push(line + '\n'), (error: unknown) => error instanceof ProviderError && error.kind === kind);
      });
    }

    it('names the maxTurns limit when the agent ran out of turns', () => {
      const line = JSON.stringify({ type: 'result', subtype: 'error_max_turns', is_error: true, num_turns: 3 });
      assert.throws(() => new ClaudeStreamParser().push(line + '\n'), /maxTurns/);
    });
  });

  describe('Anthropic SSE through the SDK', () => {
    const body = new TextEncoder().encode(anthropicSse(anthropicEvents(['Hello ', 'wörld 🎉'])));

    it('yields the same text and usage at every byte split', async () => {
      for (const chunks of splits(body)) {
        const provider = createAnthropicProvider({ apiKey: 'sk-ant-test', fetch: chunkedFetch(chunks), maxRetries: 0 });
        const { text, events, error } = await collect(provider.run({ agent: agent(), prompt: 'hi', signal: signal() }));
        assert.equal(error, undefined);
        assert.equal(text, 'Hello wörld 🎉');
        assert.deepEqual({ ...events.at(-1), durationMs: 0 }, { type: 'usage', inputTokens: 15, outputTokens: 9, model: 'claude-sonnet-5', durationMs: 0 });
      }
    });

    it('skips pings and events of unexpected shape', () => {
      const reader = new AnthropicStreamReader();
      for (const event of [null, 7, {}, { type: 'ping' }, { type: 'content_block_delta' }, { type: 'content_block_delta', delta: { type: 'text_delta', text: 1 } }, { type: 'message_start', message: 'x' }, { type: 'content_block_start', content_block: { type: 'tool_use' } }]) {
        assert.deepEqual(reader.read(event), []);
      }
      assert.deepEqual(reader.usage(), { type: 'usage', inputTokens: undefined, outputTokens: undefined, model: undefined });
    });

    it('fails with a readable error on an event that is not JSON, after the text before it', async () => {
      const broken = anthropicSse(anthropicEvents(['Hello']).slice(0, 3)) + 'event: content_block_delta\ndata: {"type":"content_\n\n';
      const provider = createAnthropicProvider({ apiKey: 'sk-ant-test', fetch: chunkedFetch([new TextEncoder().encode(broken)]), maxRetries: 0 });
      const { text, error } = await collect(provider.run({ agent: agent(), prompt: 'hi', signal: signal() }));
      assert.equal(text, 'Hello');
      assert.ok(error instanceof ProviderError && error.kind === 'failed' && /not valid JSON/.test(error.message), String(error));
    });

    it('maps an overloaded error event sent mid-stream to rate-limited', async () => {
      const stream = anthropicSse(anthropicEvents(['Hi']).slice(0, 3)) + sseEvent({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, 'error');
      const provider = createAnthropicProvider({ apiKey: 'sk-ant-test', fetch: chunkedFetch([new TextEncoder().encode(stream)]), maxRetries: 0 });
      const { error } = await collect(provider.run({ agent: agent(), prompt: 'hi', signal: signal() }));
      assert.ok(error instanceof ProviderError && error.kind === 'rate-limited', String(error));
    });
  });

  describe('OpenAI chat-completion chunks through the SDK', () => {
    const body = new TextEncoder().encode(openAISse(openAIChunks(['Hello ', 'wörld 🎉'])));

    it('yields the same text and usage at every byte split', async () => {
      for (const chunks of splits(body)) {
        const provider = createOpenAICompatibleProvider({ model: 'llama3.2', fetch: chunkedFetch(chunks), maxRetries: 0 });
        const { text, events, error } = await collect(provider.run({ agent: agent(), prompt: 'hi', signal: signal() }));
        assert.equal(error, undefined);
        assert.equal(text, 'Hello wörld 🎉');
        assert.deepEqual({ ...events.at(-1), durationMs: 0 }, { type: 'usage', inputTokens: 21, outputTokens: 8, model: 'llama3.2', durationMs: 0 });
      }
    });

    it('skips chunks of unexpected shape', () => {
      const reader = new OpenAIStreamReader();
      for (const chunk of [null, 'x', {}, { choices: 'no' }, { choices: [] }, { choices: [{ delta: null }] }, { choices: [{ delta: { content: 3 } }] }, { choices: [{ delta: { reasoning: 'hmm' } }] }]) {
        assert.deepEqual(reader.read(chunk), []);
      }
    });

    it('fails with a readable error on a chunk that is not JSON', async () => {
      const broken = openAISse(openAIChunks(['Hello'])).replace('"content":"Hello"}', '"content":"Hello"}\n\ndata: {oops');
      const provider = createOpenAICompatibleProvider({ model: 'llama3.2', fetch: chunkedFetch([new TextEncoder().encode(broken)]), maxRetries: 0 });
      const { error } = await collect(provider.run({ agent: agent(), prompt: 'hi', signal: signal() }));
      assert.ok(error instanceof ProviderError && error.kind === 'failed', String(error));
    });
  });

  describe('abortable iteration', () => {
    it('ends with a cancelled error while the source is stuck, without waiting for it', async () => {
      const controller = new AbortController();
      async function* stuck() {
        yield 1;
        await new Promise(() => undefined);
      }
      async function* asEvents(values: AsyncIterable<number>) {
        for await (const value of values) yield { type: 'text' as const, text: String(value) };
      }
      // The abort comes after the consumer has asked for the next value, which never arrives.
      const { text, error } = await collect(asEvents(abortable(stuck(), controller.signal)), { timeoutMs: 1000, onEvent: () => setImmediate(() => controller.abort()) });
      assert.equal(text, '1');
      assert.ok(error instanceof ProviderError && error.kind === 'cancelled');
    });
  });
});
