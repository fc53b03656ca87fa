// The `<example>` blocks of an agent's description: each one claims "for this user turn, Claude should pick me".
// Parsed from the decoded description (what Claude Code shows the model), then located in the file so a test or a
// hint can sit on the example's own lines, whatever the YAML style: `|` block, folded, or one line with `\n` escapes.
import { splitFrontmatter } from '../frontmatter/frontmatter';
import { parseFrontmatterYaml } from '../frontmatter/yamlFrontmatter';
import { TextPositions } from '../text/textPositions';
import type { Range } from '../types';

export interface AgentExample {
  /** Zero-based position among the description's examples. */
  index: number;
  context?: string;
  /** The first `user:` turn, without surrounding quotes: the prompt a routing test sends. */
  user: string;
  assistant?: string;
  commentary?: string;
  /** From `<example>` to the end of `</example>` in the file (the description's range when it cannot be located). */
  range: Range;
  /** Where the `user:` turn is written; a test item sits on this line. */
  userRange: Range;
}

const EXAMPLE_BLOCK = /<example>([\s\S]*?)<\/example>/g;
/** Turn labels as the corpus writes them: `Context:`, `user:`, `User:`, `assistant:`, at the start of a line. */
const TURN = /^[ \t]*(?:-[ \t]+)?(context|user|human|assistant)[ \t]*:[ \t]*/gim;
const COMMENTARY = /<commentary>([\s\S]*?)<\/commentary>/i;

/** The examples of an agent file's `description`, with their places in `text`; none when it has no description. */
export function agentExamples(text: string): AgentExample[] {
  const block = splitFrontmatter(text);
  if (!block) return [];
  const parsed = parseFrontmatterYaml(block.yamlText);
  const description = parsed.values.description;
  if (typeof description !== 'string' || !description.includes('<example>')) return [];
  // Duplicate keys are allowed and the last one wins, as in Claude Code's parser.
  const entry = [...parsed.entries].reverse().find((candidate) => candidate.key === 'description');
  const sourceStart = block.yamlStart + (entry?.valueStart ?? 0);
  const sourceEnd = block.yamlStart + (entry?.valueEnd ?? block.yamlText.length);
  return parseExamples(description, new TextPositions(text), sourceStart, sourceEnd);
}

/** Examples of a decoded description; `source` locates them between `sourceStart` and `sourceEnd`. */
export function parseExamples(description: string, source: TextPositions, sourceStart: number, sourceEnd: number): AgentExample[] {
  const examples: AgentExample[] = [];
  const located = locateTags(source.text, sourceStart, sourceEnd);
  const fallback = source.rangeOf(sourceStart, sourceEnd);
  // A plain scalar keeps `\n` as two characters; authors mean a line break, and so does the model reading it.
  const readable = description.replace(/\\n/g, '\n');
  let index = 0;
  for (const match of readable.matchAll(EXAMPLE_BLOCK)) {
    const turns = readTurns(match[1]);
    if (turns.user === undefined) {
      index++;
      continue;
    }
    const tags = located[index];
    const range = tags ? source.rangeOf(tags.open, tags.close) : fallback;
    const userOffset = tags ? userLabelOffset(source.text, tags.open, tags.close) : undefined;
    const userRange = userOffset !== undefined ? source.rangeOf(userOffset, userOffset + 'user:'.length) : range;
    examples.push({ index, ...turns, user: turns.user, range, userRange });
    index++;
  }
  return examples;
}

interface Turns {
  context?: string;
  user?: string;
  assistant?: string;
  commentary?: string;
}

function readTurns(body: string): Turns {
  const commentary = COMMENTARY.exec(body);
  const withoutCommentary = commentary ? body.slice(0, commentary.index) + body.slice(commentary.index + commentary[0].length) : body;
  const labels = [...withoutCommentary.matchAll(TURN)];
  const turns: Turns = {};
  labels.forEach((label, position) => {
    const end = position + 1 < labels.length ? labels[position + 1].index : withoutCommentary.length;
    const value = unquote(withoutCommentary.slice(label.index + label[0].length, end));
    const kind = label[1].toLowerCase() === 'human' ? 'user' : (label[1].toLowerCase() as keyof Turns);
    if (value && turns[kind] === undefined) turns[kind] = value;
  });
  if (commentary) turns.commentary = commentary[1].trim();
  return turns;
}

/** `"Review this"` → `Review this`; quotes inside the turn stay. */
function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(["'“])([\s\S]*)(["'”])$/.exec(trimmed);
  return quoted && quoted[2].trim() ? quoted[2].trim() : trimmed;
}

/**
 * The k-th `<example>`…`</example>` pair in the source is the k-th in the decoded description: no YAML style escapes
 * these characters, so counting them is enough to find an example's lines.
 */
function locateTags(text: string, start: number, end: number): { open: number; close: number }[] {
  const pairs: { open: number; close: number }[] = [];
  let from = start;
  for (;;) {
    const open = text.indexOf('<example>', from);
    if (open < 0 || open >= end) break;
    const close = text.indexOf('</example>', open);
    if (close < 0 || close >= end) break;
    pairs.push({ open, close: close + '</example>'.length });
    from = close + 1;
  }
  return pairs;
}

function userLabelOffset(text: string, open: number, close: number): number | undefined {
  const label = /(?:^|\\n|[\s"'])((?:user|human)[ \t]*:)/gi;
  label.lastIndex = open;
  const match = label.exec(text);
  if (!match || match.index >= close) return undefined;
  return match.index + match[0].length - match[1].length;
}
