// The `example` and `commentary` snippets where examples live: inside the `description` value. VS Code tokenises the
// front matter as YAML, so its Markdown snippets are not offered there; these come from our completion provider,
// written to fit the value: indented lines in a `|` block, `\n` escapes in a one-line description (a plain one is
// turned into a double-quoted one, so `Context: ` cannot read as a second key).
import { splitFrontmatter } from '../frontmatter/frontmatter';
import { parseFrontmatterYaml } from '../frontmatter/yamlFrontmatter';
import { TextPositions } from '../text/textPositions';
import type { Position, Range } from '../types';
import type { CompletionItem } from './completion';

/** A snippet's text: literal parts and numbered placeholders with their default text. */
type Part = string | { placeholder: number; text: string };

const exampleParts = (agentName: string): Part[][] => [
  ['<example>'],
  ['Context: ', { placeholder: 1, text: 'the situation in which to use the agent' }],
  ['user: "', { placeholder: 2, text: 'what the user asks' }, '"'],
  ['assistant: "', { placeholder: 3, text: `I'll use the ${agentName} agent to help with this.` }, '"'],
  ['<commentary>'],
  [{ placeholder: 4, text: 'why the agent is the right choice here' }],
  ['</commentary>'],
  ['</example>'],
];

const commentaryParts: Part[][] = [['<commentary>'], [{ placeholder: 1, text: 'why the agent is the right choice here' }], ['</commentary>']];

/** Snippet syntax for literal text: `$`, `}` and `\` are escaped. */
function snippetLiteral(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function render(lines: Part[][], separator: string, escapeLiteral: (text: string) => string): string {
  return lines.map((parts) => parts.map((part) => (typeof part === 'string' ? snippetLiteral(escapeLiteral(part)) : `\${${part.placeholder}:${snippetLiteral(escapeLiteral(part.text))}}`)).join('')).join(separator);
}

/** Text as the inside of a YAML double-quoted string: backslashes and quotes escaped. */
function doubleQuotedInside(text: string): string {
  return text.replace(/[\\"]/g, '\\$&');
}

export function completeDescriptionExamples(text: string, position: Position): CompletionItem[] {
  const block = splitFrontmatter(text);
  if (!block) return [];
  const positions = new TextPositions(text);
  const cursor = positions.offsetAt(position);
  const parsed = parseFrontmatterYaml(block.yamlText);
  const entry = parsed.entries.find((candidate) => candidate.key === 'description');
  if (!entry) return [];
  const valueStart = block.yamlStart + entry.valueStart;
  const valueEnd = block.yamlStart + entry.valueEnd;
  if (cursor < valueStart || cursor > valueEnd) return [];
  const token = /<?[A-Za-z]*$/.exec(text.slice(positions.offsetAt({ line: position.line, character: 0 }), cursor))![0];
  const tokenStart = cursor - token.length;
  const agentName = typeof parsed.values.name === 'string' && parsed.values.name ? parsed.values.name : 'this';
  const style = text[valueStart];
  const item = (label: string, detail: string, insertText: string, range: Range, filterText?: string): CompletionItem => ({
    label, kind: 'snippet', detail, documentation: `Inserts ${label === 'example' ? 'an `<example>` block with `Context:`, `user:`, `assistant:` and a `<commentary>`' : 'a `<commentary>` block'}, the way Claude Code's own agents show when to use them.`,
    insertText, isSnippet: true, range, sortText: `0${label}`, filterText,
  });
  const snippets = [
    { label: 'example', detail: 'an example of when to use the agent', lines: exampleParts(agentName) },
    { label: 'commentary', detail: 'why the agent fits the example', lines: commentaryParts },
  ];

  if (style === '|' || style === '>') {
    // A block scalar: every line indented like the block's first line (a `>` block folds lines, so it gets a `|`'s lines
    // only if it is one already).
    if (style === '>') return [];
    const lineStart = positions.offsetAt({ line: position.line, character: 0 });
    const firstContentLine = text.slice(valueStart).split(/\r?\n/).slice(1).find((line) => line.trim() !== '');
    const indent = /^ */.exec(firstContentLine ?? '  ')![0] || '  ';
    const before = text.slice(lineStart, tokenStart);
    const lead = before.trim() === '' ? '' : `${positions.eol}${indent}`;
    if (before.trim() === '' && before.length < indent.length) return [];
    const range = { start: positions.positionAt(tokenStart), end: position };
    return snippets.map((snippet) => item(snippet.label, snippet.detail, lead + render(snippet.lines, positions.eol + indent, (literal) => literal), range));
  }

  // One-line descriptions only: the value and the cursor on one line, the cursor at the value's end.
  const valueText = text.slice(valueStart, valueEnd);
  if (/[\r\n]/.test(valueText)) return [];
  if (style === '"') {
    if (cursor !== valueEnd - 1) return [];
    const range = { start: positions.positionAt(tokenStart), end: position };
    return snippets.map((snippet) => item(snippet.label, snippet.detail, `\\\\n${render(snippet.lines, '\\\\n', doubleQuotedInside)}`, range));
  }
  if (style === "'" || cursor !== valueEnd) return [];
  // A plain value becomes double-quoted, its text unchanged in meaning: the whole value is replaced.
  const kept = text.slice(valueStart, tokenStart).replace(/\s+$/, '');
  const range = { start: positions.positionAt(valueStart), end: position };
  const filterText = text.slice(valueStart, cursor);
  return snippets.map((snippet) => item(snippet.label, snippet.detail,
    `"${snippetLiteral(doubleQuotedInside(kept))}\\\\n${render(snippet.lines, '\\\\n', doubleQuotedInside)}"`, range, filterText));
}
