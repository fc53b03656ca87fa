// One model of an agent file for everything past linting (running it, routing tests, the view): what the tool loads,
// the front matter's values, the body, and the description's `<example>` blocks with ranges in the file's text.
import { lintAgentFile, type FrontmatterCapture, type LintOptions } from '../lint/lint';
import type { TextPositions } from '../text/textPositions';
import type { AgentFormatId, AgentSummary, LintResult, Range } from '../types';

export interface Agent {
  format: AgentFormatId;
  path: string;
  /** What the tool loads: name, description, model, tools. */
  summary: AgentSummary;
  /** The front matter as parsed (the system prompt's settings), once. */
  values: Record<string, unknown>;
  /** The system prompt: everything after the front matter. */
  body: { text: string; range: Range };
  /** The description as the tool reads it, with a way back to where each part of it is written. */
  description: DecodedText;
  examples: AgentExample[];
}

export type ExamplePartKind = 'context' | 'user' | 'assistant' | 'commentary';

export interface ExamplePart {
  kind: ExamplePartKind;
  /** The part's text without its label (`user:`) or tags, trimmed. */
  text: string;
  range: Range;
}

/** One `<example>...</example>` block of a description: how the agent is meant to be chosen. */
export interface AgentExample {
  /** The block's text between the tags, as decoded. */
  text: string;
  range: Range;
  parts: ExamplePart[];
}

export interface AgentReading {
  lint: LintResult;
  /** Null when the tool would skip the file. */
  agent: Agent | null;
}

/** Lints a file and, when the tool loads it, builds its model from the same parse. */
export function readAgent(text: string, options: LintOptions): AgentReading {
  let captured: Parameters<FrontmatterCapture>[0] | undefined;
  const lint = lintAgentFile(text, options, undefined, (parts) => (captured = parts));
  if (!lint.loads || !lint.agent || !captured) return { lint, agent: null };
  const { block, parsed, positions } = captured;
  const entry = [...parsed.entries].reverse().find((candidate) => candidate.key === 'description');
  const description = new DecodedText(lint.agent.description, positions, entry ? { start: block.yamlStart + entry.valueStart, end: block.yamlStart + entry.valueEnd } : undefined);
  const bodyText = text.slice(block.bodyStart);
  return {
    lint,
    agent: {
      format: lint.format,
      path: options.path,
      summary: lint.agent,
      values: parsed.values,
      body: { text: bodyText.trim(), range: positions.rangeOf(block.bodyStart, text.length) },
      description,
      examples: examplesOf(description),
    },
  };
}

/**
 * Decoded text (a YAML value after unquoting, unescaping and folding) with each of its lines found in the source,
 * in order; a line the decoding changed (escapes, folded quotes) maps to the whole value.
 */
export class DecodedText {
  private readonly lineStarts: number[] = [];
  private readonly sourceStarts: (number | undefined)[] = [];

  constructor(readonly text: string, private readonly positions: TextPositions, private readonly source: { start: number; end: number } | undefined) {
    let decodedAt = 0;
    let sourceAt = source?.start ?? 0;
    for (const line of text.split('\n')) {
      this.lineStarts.push(decodedAt);
      const found = source && line !== '' ? positions.text.indexOf(line, sourceAt) : -1;
      const inside = found !== -1 && source !== undefined && found + line.length <= source.end;
      this.sourceStarts.push(inside ? found : undefined);
      if (inside) sourceAt = found + line.length;
      decodedAt += line.length + 1;
    }
  }

  /** Where decoded text from `start` to `end` is written: exact within a line found in the source, else the value's range. */
  rangeOf(start: number, end: number): Range {
    const whole = this.source ? this.positions.rangeOf(this.source.start, this.source.end) : this.positions.rangeOf(0, 0);
    const line = this.lineAt(start);
    const lineEnd = this.lineAt(Math.max(start, end - 1));
    const from = this.sourceStarts[line];
    const to = this.sourceStarts[lineEnd];
    if (from === undefined || to === undefined) return whole;
    return this.positions.rangeOf(from + (start - this.lineStarts[line]), to + (end - this.lineStarts[lineEnd]));
  }

  private lineAt(offset: number): number {
    let line = 0;
    while (line + 1 < this.lineStarts.length && this.lineStarts[line + 1] <= offset) line++;
    return line;
  }
}

/** The description before its first example, first line only: what a one-row listing shows. */
export function descriptionLead(description: string): string {
  return description.split(/\n|<example>/)[0].trim();
}

const EXAMPLE = /<example>([\s\S]*?)<\/example>/g;
const PART_LABEL = /^[ \t]*(context|user|assistant)[ \t]*:[ \t]*/i;
const COMMENTARY = /<commentary>([\s\S]*?)<\/commentary>/g;

/** The `<example>` blocks of a description, each cut into its context, user, assistant and commentary parts. */
export function examplesOf(description: DecodedText): AgentExample[] {
  const examples: AgentExample[] = [];
  for (const match of description.text.matchAll(EXAMPLE)) {
    const innerStart = match.index + '<example>'.length;
    const inner = match[1];
    examples.push({ text: inner, range: description.rangeOf(match.index, match.index + match[0].length), parts: partsOf(description, inner, innerStart) });
  }
  return examples;
}

function partsOf(description: DecodedText, inner: string, innerStart: number): ExamplePart[] {
  const parts: ExamplePart[] = [];
  const commentaries = [...inner.matchAll(COMMENTARY)].map((match) => ({ start: match.index, end: match.index + match[0].length, text: match[1] }));
  let current: { kind: ExamplePartKind; start: number; end: number; textStart: number } | undefined;
  const close = () => {
    if (!current) return;
    const text = inner.slice(current.textStart, current.end).trim();
    parts.push({ kind: current.kind, text, range: description.rangeOf(innerStart + current.start, innerStart + trimmedEnd(inner, current.end)) });
    current = undefined;
  };
  let lineStart = 0;
  for (const line of inner.split('\n')) {
    const lineEnd = lineStart + line.length;
    const commentary = commentaries.find((candidate) => candidate.start >= lineStart && candidate.start <= lineEnd);
    const label = PART_LABEL.exec(line);
    if (commentary) {
      close();
      parts.push({ kind: 'commentary', text: commentary.text.trim(), range: description.rangeOf(innerStart + commentary.start, innerStart + commentary.end) });
    } else if (label) {
      close();
      current = { kind: label[1].toLowerCase() as ExamplePartKind, start: lineStart + line.length - line.trimStart().length, end: lineEnd, textStart: lineStart + label[0].length };
    } else if (current && !commentaries.some((candidate) => lineStart >= candidate.start && lineStart < candidate.end)) {
      current.end = lineEnd;
    }
    lineStart = lineEnd + 1;
  }
  close();
  return parts;
}

function trimmedEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

