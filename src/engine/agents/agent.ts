// One model of an agent file for everything past linting (running it, routing tests, the view): what the tool loads,
// the front matter's values, the body, and the description's `<example>` blocks with ranges in the file's text.
// The examples are parsed here and nowhere else: routing cases, hints and the view read this model.
import { splitFrontmatter, type FrontmatterBlock } from '../frontmatter/frontmatter';
import type { ParsedFrontmatter } from '../frontmatter/model';
import { decodeScalarWithSource, withEscapedLineBreaksDecoded, type SourceMappedText } from '../frontmatter/scalarSourceMap';
import { parseFrontmatterYaml } from '../frontmatter/yamlFrontmatter';
import { lintAgentFile, type FrontmatterCapture, type LintOptions } from '../lint/lint';
import { TextPositions } from '../text/textPositions';
import type { AgentSummary, Range } from '../types';
import type { AgentFormatId } from '../formats/registry';
import type { LintResult } from '../lint/lintResult';

export interface Agent {
  format: AgentFormatId;
  path: string;
  /** What the tool loads: name, description, model, tools. */
  summary: AgentSummary;
  /** The front matter as parsed (the system prompt's settings), once. */
  values: Record<string, unknown>;
  /** The system prompt: everything after the front matter. */
  body: { text: string; range: Range };
  examples: AgentExample[];
}

export type ExamplePartKind = 'context' | 'user' | 'assistant' | 'commentary';

export interface ExamplePart {
  kind: ExamplePartKind;
  /** The part's text without its label (`user:`) or tags, trimmed, as written (quotes kept). */
  text: string;
  /** `text` without the quotes around it: for a user turn, the prompt a routing test sends. */
  unquoted: string;
  /** From the label (or `<commentary>`) to the end of the part's text. */
  range: Range;
}

/** One `<example>...</example>` block of a description: how the agent is meant to be chosen. */
export interface AgentExample {
  /** Zero-based position among the description's examples. */
  index: number;
  /** The block's text between the tags, as decoded. */
  text: string;
  /** From `<example>` to the end of `</example>` in the file (the description's range when it cannot be retraced). */
  range: Range;
  /** Its context, user, assistant and commentary parts, in the order written. */
  parts: ExamplePart[];
  /** The first part of each kind that says something (`User:`, `user:` and `human:` are user turns). */
  context?: ExamplePart;
  user?: ExamplePart;
  assistant?: ExamplePart;
  commentary?: ExamplePart;
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
  const bodyText = text.slice(block.bodyStart);
  return {
    lint,
    agent: {
      format: lint.format,
      path: options.path,
      summary: lint.agent,
      values: parsed.values,
      body: { text: bodyText.trim(), range: positions.rangeOf(block.bodyStart, text.length) },
      examples: examplesOf(lint.agent.description, block, parsed, positions),
    },
  };
}

/**
 * The examples of an agent file's description as Claude Code reads it (`\n` written out is a line break), without
 * linting the file: none without front matter or a string description. Never throws.
 */
export function agentExamples(text: string): AgentExample[] {
  const block = splitFrontmatter(text);
  if (!block) return [];
  const parsed = parseFrontmatterYaml(block.yamlText);
  const description = parsed.values.description;
  if (typeof description !== 'string') return [];
  return examplesOf(description.replaceAll('\\n', '\n'), block, parsed, new TextPositions(text));
}

/** What a routing test or an overlap hint needs of one example: its prompt and where it is written. */
export interface ExampleUserTurn {
  index: number;
  /** The first user turn that says something, without the quotes around it. */
  user: string;
  /** From `<example>` to the end of `</example>`. */
  range: Range;
  /** From the `user:` label to the end of the turn. */
  userRange: Range;
}

/** The examples of an agent file that have a user turn; `index` still counts those without one. */
export function exampleUserTurns(text: string): ExampleUserTurn[] {
  return agentExamples(text).flatMap((example) => example.user
    ? [{ index: example.index, user: example.user.unquoted, range: example.range, userRange: example.user.range }]
    : []);
}

/** The description before its first example, first line only: what a one-row listing shows. */
export function descriptionLead(description: string): string {
  return description.split(/\n|<example>/)[0].trim();
}

/** The description's prose: what comes before its examples, as one line of at most about 160 characters. */
export function descriptionProse(description: string): string {
  const prose = description.split('<example>')[0].replace(/\\n/g, ' ').replace(/\s+/g, ' ').replace(/[\s-]*Examples?:?[\s-]*$/i, '').trim();
  const flat = prose || description.replace(/\\n/g, ' ').replace(/\s+/g, ' ').trim();
  if (flat.length <= 160) return flat;
  const cut = flat.slice(0, 160);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 100))}…`;
}

/**
 * Where each character of a decoded description is written: retraced through the value's quoting, escapes and
 * folding when decoding it again gives the parser's text, else the whole value (an alias, a tag).
 */
class DescriptionSource {
  private readonly mapped: SourceMappedText | undefined;

  constructor(description: string, private readonly positions: TextPositions, private readonly value: { start: number; end: number }) {
    const decoded = decodeScalarWithSource(positions.text, value.start, value.end);
    const candidates = decoded ? [decoded, withEscapedLineBreaksDecoded(decoded)] : [];
    // Block scalars end in line breaks the value's range may not hold: they carry no example.
    this.mapped = candidates.find((candidate) => candidate.text.trimEnd() === description.trimEnd() && candidate.text.length > 0);
  }

  rangeOf(start: number, end: number): Range {
    const mapped = this.mapped;
    if (!mapped) return this.positions.rangeOf(this.value.start, this.value.end);
    const last = mapped.text.length - 1;
    const from = mapped.starts[Math.min(start, last)];
    const to = end > start ? mapped.ends[Math.min(end - 1, last)] : from;
    return this.positions.rangeOf(from, to);
  }
}

const EXAMPLE_OPEN = '<example>';
const EXAMPLE_CLOSE = '</example>';
/** Part labels as agents write them: `Context:`, `user:`, `User:`, `human:`, `assistant:`, at a line's start, maybe as a `- ` item. */
const PART_LABEL = /^([ \t]*(?:-[ \t]+)?)(context|user|human|assistant)[ \t]*:[ \t]*/gim;
const COMMENTARY_OPEN = /<commentary>/gi;
const COMMENTARY_CLOSE = /<\/commentary>/gi;

function examplesOf(description: string, block: FrontmatterBlock, parsed: ParsedFrontmatter, positions: TextPositions): AgentExample[] {
  if (!description.includes(EXAMPLE_OPEN)) return [];
  // Duplicate keys are allowed and the last one wins, as in Claude Code's parser.
  const entry = [...parsed.entries].reverse().find((candidate) => candidate.key === 'description');
  const value = entry ? { start: block.yamlStart + entry.valueStart, end: block.yamlStart + entry.valueEnd } : { start: block.yamlStart, end: block.closeStart };
  const source = new DescriptionSource(description, positions, value);
  const examples: AgentExample[] = [];
  // indexOf, not a lazy regular expression: thousands of unclosed `<example>` would make that quadratic.
  for (let open = description.indexOf(EXAMPLE_OPEN); open !== -1;) {
    const innerStart = open + EXAMPLE_OPEN.length;
    const close = description.indexOf(EXAMPLE_CLOSE, innerStart);
    if (close === -1) break;
    const parts = partsOf(description.slice(innerStart, close), innerStart, source);
    const firstOf = (kind: ExamplePartKind) => parts.find((part) => part.kind === kind && part.text !== '');
    examples.push({
      index: examples.length,
      text: description.slice(innerStart, close),
      range: source.rangeOf(open, close + EXAMPLE_CLOSE.length),
      parts,
      context: firstOf('context'), user: firstOf('user'), assistant: firstOf('assistant'), commentary: firstOf('commentary'),
    });
    open = description.indexOf(EXAMPLE_OPEN, close + EXAMPLE_CLOSE.length);
  }
  return examples;
}

/** A labelled part runs to the next label or `<commentary>`; a label inside a commentary is the commentary's text. */
function partsOf(inner: string, innerStart: number, source: DescriptionSource): ExamplePart[] {
  const commentaries = commentarySpans(inner);
  const labels: RegExpMatchArray[] = [];
  let span = 0;
  for (const label of inner.matchAll(PART_LABEL)) {
    while (span < commentaries.length && commentaries[span].end <= label.index!) span++;
    if (span < commentaries.length && commentaries[span].start <= label.index!) continue;
    labels.push(label);
  }
  const part = (kind: ExamplePartKind, text: string, start: number, end: number) => ({
    start, part: { kind, text, unquoted: unquote(text), range: source.rangeOf(innerStart + start, innerStart + end) },
  });
  const parts = labels.map((label, position) => {
    const textStart = label.index! + label[0].length;
    const nextLabel = labels[position + 1]?.index ?? inner.length;
    const nextCommentary = commentaries.find((candidate) => candidate.start >= textStart)?.start ?? inner.length;
    const textEnd = Math.min(nextLabel, nextCommentary);
    const word = label[2].toLowerCase();
    const kind: ExamplePartKind = word === 'human' ? 'user' : (word as ExamplePartKind);
    return part(kind, inner.slice(textStart, textEnd).trim(), label.index! + label[1].length, trimmedEnd(inner, textEnd));
  });
  parts.push(...commentaries.map((span) => part('commentary', span.text, span.start, span.end)));
  return parts.sort((a, b) => a.start - b.start).map((entry) => entry.part);
}

/** `<commentary>...</commentary>` pairs, found in linear time: each opening tag with the first closing tag after it. */
function commentarySpans(inner: string): { start: number; end: number; text: string }[] {
  const closes = [...inner.matchAll(COMMENTARY_CLOSE)].map((match) => match.index);
  const spans: { start: number; end: number; text: string }[] = [];
  let closeAt = 0;
  for (const open of inner.matchAll(COMMENTARY_OPEN)) {
    if (spans.length > 0 && open.index < spans[spans.length - 1].end) continue;
    while (closeAt < closes.length && closes[closeAt] < open.index) closeAt++;
    if (closeAt === closes.length) break;
    const close = closes[closeAt];
    spans.push({ start: open.index, end: close + '</commentary>'.length, text: inner.slice(open.index + '<commentary>'.length, close).trim() });
  }
  return spans;
}

/** `"Review this"` -> `Review this`; quotes inside the text stay. */
function unquote(text: string): string {
  const quoted = /^(["'\u201c])([\s\S]*)(["'\u201d])$/.exec(text);
  return quoted && quoted[2].trim() ? quoted[2].trim() : text;
}

function trimmedEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
