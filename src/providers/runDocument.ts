// The Markdown document a run writes: header, the prompt (quoted, or fenced code when it is a selection), the answer as
// it streams, and a footer with the cost.
import { groupedNumber } from '../engine/text/groupedNumber';
import { redactSecrets, secretTailLength } from './redact';
import type { RunEvent, UsageEvent } from './types';

export interface RunHeader {
  agentName: string;
  providerLabel: string;
  /** The model asked for (frontmatter, override or setting); the footer names the one that answered. */
  model?: string;
  prompt: string;
  /** The language of the file the prompt was selected in: the prompt is then code, shown in a fence in that language. */
  promptLanguage?: string;
}

export interface RunOutcome {
  status: 'completed' | 'cancelled' | 'failed';
  error?: unknown;
  /** Measured by the caller; used when the back end reports no duration of its own. */
  elapsedMs?: number;
}

export function formatRunHeader(header: RunHeader): string {
  const lines = [
    `# Run of ${inlineCode(header.agentName)}`,
    '',
    `- **Provider:** ${oneLine(header.providerLabel)}`,
    `- **Model:** ${header.model ? inlineCode(header.model) : 'default'}`,
    '',
    header.promptLanguage !== undefined ? fenced(header.prompt, header.promptLanguage) : quote(header.prompt),
    '',
    '---',
    '',
    '',
  ];
  return lines.join('\n');
}

/** What one event adds to the document; usage shows only in the footer. */
export function formatRunEvent(event: RunEvent): string {
  switch (event.type) {
    case 'text':
      return event.text;
    case 'tool-use':
      return `\n\n*Using tool ${inlineCode(event.name)}*\n\n`;
    case 'retry': {
      const why = event.status ? `HTTP ${event.status}` : 'no response';
      const wait = event.delayMs !== undefined ? ` in ${formatDuration(event.delayMs)}` : '';
      const of = event.maxRetries !== undefined ? ` of ${event.maxRetries}` : '';
      return `\n\n*Request failed (${why}); retrying${wait} (attempt ${event.attempt}${of})…*\n\n`;
    }
    case 'usage':
      return '';
  }
}

export function formatRunFooter(usage: Omit<UsageEvent, 'type'>, outcome: RunOutcome): string {
  // The time the user waited, as the Runs view shows it; a back end's own figure (Claude Code's API time) is only a fallback.
  const duration = outcome.elapsedMs ?? usage.durationMs;
  const facts = [
    outcome.status === 'completed' ? 'Completed' : outcome.status === 'cancelled' ? 'Cancelled' : 'Failed',
  ];
  if (duration !== undefined) facts[0] += ` in ${formatDuration(duration)}`;
  if (usage.inputTokens !== undefined) facts.push(tokens(usage.inputTokens, 'input'));
  if (usage.outputTokens !== undefined) facts.push(tokens(usage.outputTokens, 'output'));
  if (usage.costUsd !== undefined) facts.push(`$${usage.costUsd.toFixed(usage.costUsd < 0.01 ? 4 : 2)}`);
  if (usage.model) facts.push(inlineCode(usage.model));
  const lines = ['', '', '---', ''];
  if (outcome.status === 'failed') lines.push(quote(`**Error:** ${errorText(outcome.error)}`), '');
  lines.push(`*${facts.join(' · ')}*`, '');
  return lines.join('\n');
}

/**
 * Builds the document piece by piece for an editor that appends as the answer streams. Known secrets are removed from
 * everything written; key-shaped strings are removed from error messages only, so an answer about keys stays readable.
 */
export class RunDocument {
  private content: string;
  private usage: Omit<UsageEvent, 'type'> = {};
  private answerText = '';
  /** Text not shown yet: its end may be the start of a secret that the next event completes. */
  private heldBack = '';
  /** Where the current request's text began, in `content` and in the answer: a retried request's text is dropped from there. */
  private requestStart: { content: number; answer: number };

  constructor(header: RunHeader, private readonly secrets: readonly (string | undefined)[] = []) {
    this.content = this.redact(formatRunHeader(header));
    this.requestStart = { content: this.content.length, answer: 0 };
  }

  get markdown(): string {
    return this.content;
  }

  /** The answer's text so far, without what a retried request had streamed. */
  get answer(): string {
    return this.answerText;
  }

  /** Adds an event and returns the text it appended (after a retry, the document was first cut back: see `markdown`). */
  append(event: RunEvent): string {
    if (event.type === 'usage') {
      const { type: _type, ...reported } = event;
      this.usage = { ...this.usage, ...definedOnly(reported) };
    }
    if (event.type === 'retry') {
      // The failed request's partial text is not part of the answer: the retried request streams the answer anew.
      this.content = this.content.slice(0, this.requestStart.content);
      this.answerText = this.answerText.slice(0, this.requestStart.answer);
      this.heldBack = '';
    }
    const added = this.release(formatRunEvent(event));
    if (event.type === 'text') this.answerText += added;
    this.content += added;
    // A tool call ends a request: the text before it was answered for good.
    if (event.type === 'retry' || event.type === 'tool-use') this.requestStart = { content: this.content.length, answer: this.answerText.length };
    return added;
  }

  /** Adds the footer and returns the text it appended. */
  finish(outcome: RunOutcome): string {
    // A cancel can cut an answer inside a code block, which would swallow the footer.
    const fence = openFence(this.answerText + this.heldBack) ? '\n```' : '';
    const added = this.release(fence + formatRunFooter(this.usage, outcome), true);
    this.content += added;
    return added;
  }

  /** Redacts and returns what can be shown of the held-back text and `text`, keeping back a possible secret's start. */
  private release(text: string, final = false): string {
    const combined = this.heldBack + text;
    const held = final ? 0 : secretTailLength(combined, this.secrets);
    this.heldBack = combined.slice(combined.length - held);
    return this.redact(combined.slice(0, combined.length - held));
  }

  private redact(text: string): string {
    return redactSecrets(text, this.secrets, false);
  }
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error ?? 'unknown error');
  return redactSecrets(text);
}

function openFence(markdown: string): boolean {
  return ((markdown.match(/^ {0,3}(```|~~~)/gm) ?? []).length) % 2 === 1;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function quote(text: string): string {
  return text.split(/\r?\n/).map((line) => (line ? `> ${line}` : '>')).join('\n');
}

/** Code in a fence longer than any backtick run inside it, so the code cannot close it early. */
function fenced(code: string, language: string): string {
  const longestRun = Math.max(0, ...(code.match(/^ {0,3}`{3,}/gm) ?? []).map((run) => run.trim().length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language.replace(/[^\w+#.-]/g, '')}\n${code.replace(/\r\n?/g, '\n').replace(/\n$/, '')}\n${fence}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Backticks that survive a name containing backticks. */
function inlineCode(text: string): string {
  const value = oneLine(text);
  const longestRun = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longestRun + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${value}${pad}${ticks}`;
}

function tokens(count: number, kind: 'input' | 'output'): string {
  return `${groupedNumber(count)} ${kind} ${count === 1 ? 'token' : 'tokens'}`;
}
