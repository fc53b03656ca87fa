// A fake Anthropic Messages API on 127.0.0.1 for tests: records every request and streams a canned reply.
import { EventEmitter } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/v1/messages?beta=true`. */
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body, or `undefined` when the body is empty or not JSON. */
  body: unknown;
  rawBody: string;
}

export interface LoopbackOptions {
  /** Text of the assistant reply; streamed in several `text_delta` events. */
  replyText?: string;
  /** Number of deltas the reply is split into (at most one per character). Default 3. */
  deltaCount?: number;
  /** Milliseconds to wait between stream events. Default 0. */
  delayMs?: number;
  /** Answer every `/v1/messages` request with this HTTP status and an Anthropic-style error body instead. */
  errorStatus?: number;
  /** Message in the error body; defaults to one matching `errorStatus`. */
  errorMessage?: string;
  /** `model` echoed in `message_start` when the request names none. */
  model?: string;
  /**
   * Decides the reply per request (e.g. a `tool_use` for the main conversation, text for the CLI's side requests);
   * `undefined` falls back to `replyText`.
   */
  script?: (request: RecordedRequest) => LoopbackReply | undefined;
}

/** One scripted assistant turn: text, or a tool call (optionally after some text). */
export type LoopbackReply =
  | { text: string }
  | { toolUse: { name: string; input: Record<string, unknown>; id?: string }; text?: string };

const errorTypes: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

export class AnthropicLoopback {
  readonly requests: RecordedRequest[] = [];
  private readonly abandonedEmitter = new EventEmitter();
  private readonly server: http.Server;
  private readonly sockets = new Set<import('node:net').Socket>();
  private baseUrl: string | undefined;

  constructor(public options: LoopbackOptions = {}) {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Base URL for `ANTHROPIC_BASE_URL`, e.g. `http://127.0.0.1:41234`. Only valid after `start()`. */
  get url(): string {
    if (!this.baseUrl) throw new Error('AnthropicLoopback: call start() before reading url');
    return this.baseUrl;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this;
  }

  async close(): Promise<void> {
    if (!this.server.listening) return;
    // Clients such as the CLI keep connections alive; destroy them so close() does not hang.
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: parseJson(rawBody),
        rawBody,
      };
      this.requests.push(recorded);
      void this.respond(recorded, res).catch(() => res.destroy());
    });
  }

  /** Resolves when a client goes away from a streamed reply before its end (a cancelled run). */
  untilStreamAbandoned(): Promise<void> {
    return new Promise((resolve) => this.abandonedEmitter.once('abandoned', () => resolve()));
  }

  private async respond(request: RecordedRequest, res: http.ServerResponse): Promise<void> {
    const pathname = request.path.split('?')[0];
    if (request.method !== 'POST' || pathname !== '/v1/messages') {
      // e.g. `/v1/messages/count_tokens` or telemetry: a well-formed 404 keeps clients quiet.
      return sendError(res, 404, `No route for ${request.method} ${pathname}`);
    }
    const { errorStatus } = this.options;
    if (errorStatus !== undefined) {
      return sendError(res, errorStatus, this.options.errorMessage ?? `Loopback error ${errorStatus}`);
    }
    const body = (request.body ?? {}) as { model?: unknown; stream?: unknown };
    const model = typeof body.model === 'string' ? body.model : (this.options.model ?? 'claude-loopback');
    const reply = this.options.script?.(request) ?? { text: this.options.replyText ?? 'Hello from the loopback.' };
    const events = 'toolUse' in reply
      ? toolUseStreamEvents(reply.toolUse, model, reply.text)
      : messageStreamEvents(reply.text, model, this.options.deltaCount ?? 3);
    if (body.stream === false) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(nonStreamingMessage(reply, model)));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.once('close', () => !res.writableEnded && this.abandonedEmitter.emit('abandoned'));
    for (const event of events) {
      if (res.destroyed) return;
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      if (this.options.delayMs) await sleep(this.options.delayMs);
    }
    res.end();
  }
}

/** Starts a loopback server; the caller must `close()` it. */
export async function startAnthropicLoopback(options: LoopbackOptions = {}): Promise<AnthropicLoopback> {
  return new AnthropicLoopback(options).start();
}

interface StreamEvent {
  type: string;
  [key: string]: unknown;
}

/** The `message_start` event every streamed reply opens with, under a fresh message id. */
function messageStart(model: string): StreamEvent {
  return {
    type: 'message_start',
    message: {
      id: `msg_loopback_${Math.random().toString(36).slice(2, 10)}`, type: 'message', role: 'assistant', model, content: [],
      stop_reason: null, stop_sequence: null,
      usage: { input_tokens: 1, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    },
  };
}

/** The event sequence of one streamed text reply, as documented for the Messages API. */
export function messageStreamEvents(text: string, model: string, deltaCount: number): StreamEvent[] {
  const outputTokens = Math.max(1, Math.ceil(text.length / 4));
  return [
    messageStart(model),
    { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    ...splitText(text, deltaCount).map((part) => ({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: part } })),
    { type: 'content_block_stop', index: 0 },
    { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: outputTokens } },
    { type: 'message_stop' },
  ];
}

/** The events of a turn that ends in one tool call, its input streamed as `input_json_delta` in two parts. */
export function toolUseStreamEvents(toolUse: { name: string; input: Record<string, unknown>; id?: string }, model: string, text?: string): StreamEvent[] {
  const toolId = toolUse.id ?? `toolu_loopback_${Math.random().toString(36).slice(2, 10)}`;
  const json = JSON.stringify(toolUse.input);
  const half = Math.ceil(json.length / 2);
  const textBlocks: StreamEvent[] = text
    ? [
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } },
      { type: 'content_block_stop', index: 0 },
    ]
    : [];
  const index = textBlocks.length > 0 ? 1 : 0;
  return [
    messageStart(model),
    ...textBlocks,
    { type: 'content_block_start', index, content_block: { type: 'tool_use', id: toolId, name: toolUse.name, input: {} } },
    { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: json.slice(0, half) } },
    { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: json.slice(half) } },
    { type: 'content_block_stop', index },
    { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: Math.max(1, Math.ceil(json.length / 4)) } },
    { type: 'message_stop' },
  ];
}

function nonStreamingMessage(reply: LoopbackReply, model: string): object {
  const content: object[] = [];
  if (reply.text) content.push({ type: 'text', text: reply.text });
  if ('toolUse' in reply) {
    content.push({ type: 'tool_use', id: reply.toolUse.id ?? `toolu_loopback_${Math.random().toString(36).slice(2, 10)}`, name: reply.toolUse.name, input: reply.toolUse.input });
  }
  return {
    id: `msg_loopback_${Math.random().toString(36).slice(2, 10)}`,
    type: 'message', role: 'assistant', model, content,
    stop_reason: 'toolUse' in reply ? 'tool_use' : 'end_turn', stop_sequence: null,
    usage: { input_tokens: 1, output_tokens: Math.max(1, Math.ceil(JSON.stringify(content).length / 4)) },
  };
}

/** Splits into `count` roughly equal non-empty parts (fewer when the text is shorter). */
export function splitText(text: string, count: number): string[] {
  const chars = Array.from(text); // keep surrogate pairs together
  const parts = Math.max(1, Math.min(count, chars.length));
  const size = Math.ceil(chars.length / parts);
  const result: string[] = [];
  for (let i = 0; i < chars.length; i += size) result.push(chars.slice(i, i + size).join(''));
  return result.length > 0 ? result : [''];
}

function sendError(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_loopback' });
  res.end(JSON.stringify({ type: 'error', error: { type: errorTypes[status] ?? 'api_error', message } }));
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
