// Helpers for the provider tests: a scripted HTTP server on 127.0.0.1, stream bodies in each wire format, bounded waits.
import * as http from 'node:http';
import * as net from 'node:net';
import type { AgentDefinition, RunEvent } from '../../../src/providers/types';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: any;
}

export type Handler = (request: RecordedRequest, response: http.ServerResponse) => void | Promise<void>;

/** Answers every request with `handler`; records requests and notices when a client hangs up mid-response. */
export class ScriptedServer {
  readonly requests: RecordedRequest[] = [];
  private readonly server: http.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly hangUpWaiters: (() => void)[] = [];
  hangUps = 0;
  url = '';

  constructor(private readonly handler: Handler) {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      socket.setNoDelay(true);
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves once a client has closed a response before it ended. */
  nextHangUp(): Promise<void> {
    return new Promise((resolve) => this.hangUpWaiters.push(resolve));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: raw ? JSON.parse(raw) : undefined };
      this.requests.push(recorded);
      res.on('close', () => {
        if (res.writableFinished) return;
        this.hangUps++;
        for (const resolve of this.hangUpWaiters.splice(0)) resolve();
      });
      Promise.resolve(this.handler(recorded, res)).catch(() => res.destroy());
    });
  }
}

export async function startServer(handler: Handler): Promise<ScriptedServer> {
  return new ScriptedServer(handler).start();
}

/** A URL nothing listens on: a port the OS just handed out and took back. */
export async function closedPortUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export function sseEvent(data: unknown, event?: string): string {
  return `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}

/** Messages API events for a reply made of `parts`. */
export function anthropicEvents(parts: string[], model = 'claude-sonnet-5'): Record<string, unknown>[] {
  return [
    { type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model, content: [], stop_reason: null, usage: { input_tokens: 11, cache_read_input_tokens: 4, output_tokens: 1 } } },
    { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    ...parts.map((text) => ({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } })),
    { type: 'content_block_stop', index: 0 },
    { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 9 } },
    { type: 'message_stop' },
  ];
}

export function anthropicSse(events: Record<string, unknown>[]): string {
  return events.map((event) => sseEvent(event, String(event.type))).join('');
}

/** chat.completion.chunk events for a reply made of `parts`, then a usage chunk and `[DONE]`. */
export function openAIChunks(parts: string[], model = 'llama3.2'): Record<string, unknown>[] {
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
    id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model, choices: [{ index: 0, delta, finish_reason: finish }],
  });
  return [
    chunk({ role: 'assistant', content: '' }),
    ...parts.map((content) => chunk({ content })),
    chunk({}, 'stop'),
    { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model, choices: [], usage: { prompt_tokens: 21, completion_tokens: 8, total_tokens: 29 } },
  ];
}

export function openAISse(chunks: Record<string, unknown>[]): string {
  return chunks.map((chunk) => sseEvent(chunk)).join('') + sseEvent('[DONE]');
}

/** Serves `body` as an event stream, one write per byte, so the client sees chunks split anywhere. */
export async function writeBytewise(res: http.ServerResponse, body: string): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const byte of Buffer.from(body, 'utf8')) {
    await new Promise<void>((resolve) => res.write(Buffer.from([byte]), () => resolve()));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  res.end();
}

/** A `fetch` that answers every request with `body` delivered in exactly these chunks. */
export function chunkedFetch(chunks: Uint8Array[], status = 200): typeof fetch {
  return async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk);
          controller.close();
        },
      }),
      { status, headers: { 'content-type': 'text/event-stream' } },
    );
}

/** Every way to cut `bytes` in two, plus one chunk per byte. */
export function splits(bytes: Uint8Array): Uint8Array[][] {
  const result: Uint8Array[][] = [];
  for (let offset = 1; offset < bytes.length; offset++) result.push([bytes.subarray(0, offset), bytes.subarray(offset)]);
  result.push(Array.from(bytes, (byte) => Uint8Array.of(byte)));
  return result;
}

export interface RunResult {
  events: RunEvent[];
  text: string;
  error?: unknown;
}

/** Runs to the end, never throwing; `onEvent` may abort. Fails the test when the run does not end within `timeoutMs`. */
export async function collect(run: AsyncIterable<RunEvent>, options: { timeoutMs?: number; onEvent?: (event: RunEvent) => void } = {}): Promise<RunResult> {
  const result: RunResult = { events: [], text: '' };
  const drain = (async () => {
    try {
      for await (const event of run) {
        result.events.push(event);
        if (event.type === 'text') result.text += event.text;
        options.onEvent?.(event);
      }
    } catch (error) {
      result.error = error;
    }
  })();
  await withTimeout(drain, options.timeoutMs ?? 10_000, 'the run to end');
  return result;
}

/** Rejects when `promise` has not settled within `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function agent(overrides: Partial<AgentDefinition> = {}): AgentDefinition {
  return {
    name: 'code-reviewer',
    description: 'Reviews code for bugs',
    body: 'You are a meticulous code reviewer.\nAnswer in one line.',
    tools: ['Read', 'Grep'],
    model: 'sonnet',
    frontmatter: { name: 'code-reviewer', description: 'Reviews code for bugs', tools: 'Read, Grep', model: 'sonnet' },
    ...overrides,
  };
}

export function signal(): AbortSignal {
  return new AbortController().signal;
}
