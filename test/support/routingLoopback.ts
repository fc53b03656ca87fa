// A loopback Messages API that plays the main model of a routing run: per prompt, a scripted list of turns (delegate
// to an agent, answer in text, or ask for a tool), and text for the CLI's side requests. Plus an offline project.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startAnthropicLoopback, type AnthropicLoopback, type LoopbackOptions, type LoopbackReply, type RecordedRequest } from './anthropicLoopback';
import { claudeLoopbackEnvironment } from './claudeCli';

export interface MessagesBody {
  system?: unknown;
  tools?: { name: string }[];
  messages?: { role: string; content: unknown }[];
}

export const delegateTo = (agent: string): LoopbackReply => ({ toolUse: { name: 'Agent', input: { description: 'Route the request', prompt: 'Handle the request.', subagent_type: agent } } });
export const answerText = (text = 'I can answer that myself.'): LoopbackReply => ({ text });

/** The main conversation's requests offer tools; the CLI's side requests (titles, checks) offer none. */
export function isMainTurn(request: RecordedRequest): boolean {
  return ((request.body as MessagesBody | undefined)?.tools?.length ?? 0) > 0;
}

/**
 * The prompt as the CLI sent it: the first user message (2.1.332: a string; 2.1.197: a system reminder, then the
 * prompt as the last text block). The agent listing, which quotes every example, travels in other blocks.
 */
export function promptOf(request: RecordedRequest): string {
  const first = (request.body as MessagesBody | undefined)?.messages?.find((message) => message.role === 'user');
  if (typeof first?.content === 'string') return first.content;
  const blocks = Array.isArray(first?.content) ? (first.content as { type?: string; text?: string }[]) : [];
  return blocks.filter((block) => block.type === 'text').pop()?.text ?? '';
}

/**
 * For each main-conversation request whose messages contain a key of `turns`, the next reply of its list (the last
 * one repeats). Several runs of one prompt take the replies in the order their requests arrive.
 */
export function routingScript(turns: Record<string, LoopbackReply[]>): (request: RecordedRequest) => LoopbackReply | undefined {
  const used = new Map<string, number>();
  return (request) => {
    if (!isMainTurn(request)) return answerText('ok');
    const prompt = promptOf(request).trim();
    const key = Object.keys(turns).find((candidate) => candidate === prompt);
    if (key === undefined) return answerText('No script for this prompt.');
    const index = used.get(key) ?? 0;
    used.set(key, index + 1);
    const list = turns[key];
    return list[Math.min(index, list.length - 1)];
  };
}

/** A temporary HOME with a project inside (so no stray `.claude/agents` above it counts), and the loopback env. */
export class OfflineProject {
  readonly home = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-studio-routing-'));
  readonly project = path.join(this.home, 'project');
  /** Inherited by every process of a run, so a test can find them in /proc. */
  readonly marker = `routing-${process.pid}-${Math.random().toString(36).slice(2)}`;

  constructor(readonly loopback: AnthropicLoopback) {
    fs.mkdirSync(this.project, { recursive: true });
  }

  static async start(options: LoopbackOptions): Promise<OfflineProject> {
    return new OfflineProject(await startAnthropicLoopback(options));
  }

  write(relativePath: string, text: string): string {
    const file = path.join(this.project, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  }

  writeHome(relativePath: string, text: string): void {
    const file = path.join(this.home, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }

  env(): Record<string, string | undefined> {
    return { ...claudeLoopbackEnvironment(this.home, this.loopback.url), CLAUDE_CONFIG_DIR: undefined, ANTHROPIC_AUTH_TOKEN: undefined, AGENT_STUDIO_RUN_MARKER: this.marker };
  }

  /** A `claude` for tools that take only a path (the CLI's --claude, VS Code's setting): the real one in this env. */
  wrapper(binary: string): string {
    const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
    const lines = ['#!/bin/sh', 'unset CLAUDE_CONFIG_DIR ANTHROPIC_AUTH_TOKEN'];
    for (const [name, value] of Object.entries(this.env())) if (value !== undefined) lines.push(`export ${name}=${quote(value)}`);
    lines.push(`exec ${quote(binary)} "$@"`, '');
    const file = path.join(this.home, 'bin', 'claude');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, lines.join('\n'), { mode: 0o755 });
    return file;
  }

  async dispose(): Promise<void> {
    await this.loopback.close();
    fs.rmSync(this.home, { recursive: true, force: true, maxRetries: 3 });
  }
}

export function agentFile(name: string, description: string, extra = ''): string {
  return `---\nname: ${name}\ndescription: |\n${description.split('\n').map((line) => `  ${line}`).join('\n')}\n${extra}---\nYou are ${name}.\n`;
}

export function exampleBlock(user: string): string {
  return `<example>\nContext: A request arrives.\nuser: "${user}"\nassistant: "I'll hand this over."\n</example>`;
}
