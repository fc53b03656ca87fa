// Mechanical fixes that need more than one rule's knowledge: quoting, frontmatter generation, YAML repairs.
// Every YAML repair here is verified by re-parsing before it is offered, so a fix never trades one error for another.
import { KEY_SOURCE, topLevelKeyOf } from '../frontmatter/keys';
import type { FrontmatterBlock } from '../frontmatter/frontmatter';
import type { TextPositions } from '../text/textPositions';
import type { Fix, TextEdit } from '../types';
import { isWhitespace } from '../text/whitespace';
import { parseFrontmatterYaml } from '../frontmatter/yamlFrontmatter';
import { scanSimpleFrontmatter } from '../frontmatter/simpleFrontmatterScanner';
import { skipSpaces } from '../frontmatter/simpleYamlScalars';

/** A YAML double-quoted scalar that parses back to exactly `text` (JSON strings are valid YAML 1.2). */
export function quoteYamlString(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** `text` as a YAML scalar: plain when it reads back as the same string, double-quoted otherwise. */
export function yamlScalar(text: string): string {
  const parsed = parseFrontmatterYaml(`value: ${text}\n`);
  const plainWorks = text !== '' && !parsed.failed && !parsed.repaired && parsed.values.value === text && !/[\r\n]/.test(text);
  return plainWorks ? text : quoteYamlString(text);
}

/** `Backend Architect Agent` -> `backend-architect-agent`. */
export function slugFromText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/**
 * Front matter for a Markdown file that has none: the name from its first heading (or the file name), the description
 * from its first paragraph (or the heading).
 */
export function generateFrontmatterFix(positions: TextPositions, path: string): Fix {
  const text = positions.text;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  const headingIndex = lines.findIndex((line) => /^#{1,6}\s+\S/.test(line));
  const heading = headingIndex === -1 ? undefined : lines[headingIndex].replace(/^#+\s+/, '').replace(/\s+#+\s*$/, '').trim();
  const fileName = path.split(/[\\/]/).pop()!.replace(/\.md$/i, '');
  const nameSource = heading ? heading.replace(/\s+(agent|sub-?agent)$/i, '') : fileName;
  const name = slugFromText(nameSource) || slugFromText(fileName) || 'my-agent';
  const paragraph = firstParagraph(lines, headingIndex + 1);
  const description = (paragraph ?? (heading ? `Use this agent for ${heading}.` : `Use this agent for ${fileName}.`)).replaceAll('---', '\u2014');
  const eol = positions.eol;
  // A byte-order mark before `---` hides the front matter from Claude Code: the new block takes its place.
  const bomLength = text.startsWith('\uFEFF') ? 1 : 0;
  return {
    title: `Add front matter (name: ${name})`,
    isPreferred: true,
    edits: [{ range: positions.rangeOf(0, bomLength), newText: ['---', `name: ${name}`, `description: ${quoteYamlString(description)}`, '---', '', ''].join(eol) }],
  };
}

function firstParagraph(lines: string[], from: number): string | undefined {
  const collected: string[] = [];
  for (let index = Math.max(0, from); index < lines.length; index++) {
    const line = lines[index].trim();
    if (line === '') {
      if (collected.length > 0) break;
      continue;
    }
    if (/^(#|```|[-*+]\s|\d+\.\s|>|<|\|)/.test(line)) {
      if (collected.length > 0) break;
      continue;
    }
    collected.push(line);
  }
  if (collected.length === 0) return undefined;
  const paragraph = collected.join(' ');
  return paragraph.length > 300 ? `${paragraph.slice(0, 297).replace(/\s+\S*$/, '')}...` : paragraph;
}

/**
 * Fixes for front matter that does not parse. Candidates, in order of preference:
 * quote the values of the top-level lines that do not parse on their own (as Claude Code's own repair would, and also
 * in CRLF files, where its repair never applies), and fold a plain description whose lines are not indented into a `|`
 * block.
 */
export function yamlSyntaxFixes(block: FrontmatterBlock, positions: TextPositions): YamlSyntaxFixes {
  const fixes: Fix[] = [];
  // Split once for the three candidates: a megabyte of front matter is tens of thousands of lines.
  const lines = linesOf(block.yamlText);
  const quoting = quoteTopLevelValues(lines);
  if (quoting && verifies(block.yamlText, quoting)) fixes.push(toFix('Quote values that contain `: ` or YAML indicators', quoting, block, positions));
  const folding = foldDescriptionIntoBlock(lines, positions.eol);
  let unindentedDescriptionLine: YamlLine | undefined;
  if (folding && verifies(block.yamlText, folding.edits)) {
    // When the description's unindented lines are the cause, folding them is the fix to prefer.
    unindentedDescriptionLine = folding.firstUnindented;
    const fold = toFix('Turn the description into a `|` block', folding.edits, block, positions);
    if (unindentedDescriptionLine) fixes.unshift(fold);
    else fixes.push(fold);
  }
  const reindenting = reindentBlockScalar(lines);
  let dedentedBlockLine: (YamlLine & { key: string }) | undefined;
  if (reindenting && verifies(block.yamlText, reindenting.edits)) {
    // A line that fell out of its `|` block is the cause when putting it back makes the front matter parse.
    dedentedBlockLine = reindenting.firstDedented;
    fixes.unshift(toFix('Indent the line like the rest of its block', reindenting.edits, block, positions));
  }
  if (fixes.length > 0) fixes[0].isPreferred = true;
  return { fixes, unindentedDescriptionLine, dedentedBlockLine };
}

export interface YamlSyntaxFixes {
  /** Best first; the first is preferred. */
  fixes: Fix[];
  /**
   * Set when the front matter fails because a plain `description` goes on over lines that are not indented (an
   * `<example>` block pasted under it, the most common way an agent gets skipped): the first such line.
   */
  unindentedDescriptionLine?: YamlLine;
  /**
   * Set when a `|` or `>` block goes on after a line indented less than the block (a pasted `user:` line at the left
   * margin): YAML ends the block at that line. The first such line.
   */
  dedentedBlockLine?: YamlLine & { key: string };
}

/** A line of the YAML text: offsets into it, and its text without the line break. */
export interface YamlLine {
  start: number;
  end: number;
  text: string;
}

interface YamlEdit {
  start: number;
  end: number;
  newText: string;
}

function toFix(title: string, edits: YamlEdit[], block: FrontmatterBlock, positions: TextPositions): Fix {
  const textEdits: TextEdit[] = edits.map((edit) => ({ range: positions.rangeOf(block.yamlStart + edit.start, block.yamlStart + edit.end), newText: edit.newText }));
  return { title, edits: textEdits };
}

function applyYamlEdits(text: string, edits: YamlEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

function verifies(yamlText: string, edits: YamlEdit[]): boolean {
  const parsed = parseFrontmatterYaml(applyYamlEdits(yamlText, edits));
  return !parsed.failed && !parsed.repaired && !parsed.notAMap;
}

/**
 * Quotes the values of the top-level lines that do not parse on their own (`description: Use when: x`), and only
 * those: a line that parses alone (`tools: [Read, Grep]`, `model: sonnet # the fast one`) keeps its meaning and its
 * comment.
 */
function quoteTopLevelValues(lines: readonly FrontmatterLine[]): YamlEdit[] | undefined {
  const edits: YamlEdit[] = [];
  let parsedByYaml = 0;
  for (const { text: line, start } of lines) {
    // `user: "..."`, the line an unindented example repeats by the thousand, parses alone: known without a scan, and
    // tested first, before the match, slice and trim the other lines need.
    if (SIMPLE_QUOTED_LINE.test(line)) continue;
    const key = topLevelKeyOf(line);
    if (key === undefined) continue;
    // After the colon: the white space after it is trimmed with the rest.
    const valueStart = key.length + 1;
    const value = line.slice(valueStart).trim();
    if (value === '' || BLOCK_HEADER_ALONE.test(value)) continue;
    const scanned = scanSimpleFrontmatter(`${line}\n`);
    if (scanned && 'entries' in scanned) continue;
    // A line the fast scanner declines goes to the `yaml` package, a fraction of a millisecond each: past twenty such
    // lines (no real front matter has them) the fix is not offered, so 50,000 of them cannot take a minute.
    if (++parsedByYaml > MAX_LINES_PARSED_ALONE) return undefined;
    const alone = parseFrontmatterYaml(`${line}\n`);
    if (!alone.failed && !alone.repaired) continue;
    const valueOffset = start + line.indexOf(value, valueStart);
    edits.push({ start: valueOffset, end: valueOffset + value.length, newText: quoteYamlString(value) });
  }
  return edits.length > 0 ? edits : undefined;
}

/** `key: "text"` with printable ASCII text holding no quote or backslash: a line any YAML parser reads alone. */
const SIMPLE_QUOTED_LINE = new RegExp(`^${KEY_SOURCE}: +"[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]*" *$`);

// Patterns the fixes test line by line, made once: a regular-expression literal is a new object each time it is
// evaluated, one per line of a megabyte.
/** A value that is only a block scalar's header (`|`, `>-`, `|2`). */
const BLOCK_HEADER_ALONE = /^[|>][-+0-9]*$/;
const DESCRIPTION_WITH_VALUE = /^description:[ \t]*\S/;
/** `key: |` (or `>`, with chomping and indentation indicators and a comment): a block scalar's first line. */
const BLOCK_SCALAR_HEADER = /^([A-Za-z_][\w-]*):[ \t]*[|>][-+0-9]*[ \t]*(#.*)?$/;

/** Lines the quoting fix parses one by one with the `yaml` package before it gives up. */
const MAX_LINES_PARSED_ALONE = 20;

/** Lines of an unindented example that look like keys but belong to the description. */
const EXAMPLE_MARKUP_KEYS = new Set(['context', 'user', 'assistant', 'human', 'ai', 'example', 'commentary', 'note', 'response', 'output', 'input', 'result']);

function foldDescriptionIntoBlock(lines: readonly FrontmatterLine[], eol: string): { edits: YamlEdit[]; firstUnindented?: YamlLine } | undefined {
  const index = lines.findIndex((line) => DESCRIPTION_WITH_VALUE.test(line.text));
  if (index === -1) return undefined;
  const firstValue = lines[index].text.replace(/^description:\s*/, '');
  if (/^[|>'"]/.test(firstValue)) return undefined;
  // The block takes the lines up to the next comment or key that is not example dialogue (`user:`, `Context:`): a
  // misspelt `colour: red` stays a key rather than becoming text. A line the block should not have left out makes the
  // result fail to parse, and then no fix is offered.
  let last = index;
  for (let next = index + 1; next < lines.length; next++) {
    const text = lines[next].text;
    if (text.startsWith('#')) break;
    const key = topLevelKeyOf(text);
    if (key && !EXAMPLE_MARKUP_KEYS.has(key.toLowerCase())) break;
    last = next;
  }
  while (last > index && lines[last].text.trim() === '') last--;
  if (last === index) return undefined;
  const indented = (line: string) => (line.trim() === '' ? '' : `  ${line}`);
  const bodyLines = [indented(firstValue)];
  let unindented: FrontmatterLine | undefined;
  for (let next = index + 1; next <= last; next++) {
    const { text } = lines[next];
    bodyLines.push(indented(text));
    if (!unindented && text !== '' && !isWhitespace(text.charCodeAt(0))) unindented = lines[next];
  }
  const body = bodyLines.join(eol);
  const end = lines[last].start + lines[last].text.length;
  return {
    edits: [{ start: lines[index].start, end, newText: `description: |${eol}${body}` }],
    firstUnindented: unindented && { start: unindented.start, end: unindented.start + unindented.text.length, text: unindented.text },
  };
}

/**
 * Lines that fell out of a top-level `key: |` (or `>`) block: indented less than the block's first line, yet followed by
 * more of the block before the next key. Re-indents each to the block's indentation.
 */
function reindentBlockScalar(lines: readonly FrontmatterLine[]): { edits: YamlEdit[]; firstDedented: YamlLine & { key: string } } | undefined {
  const indentOf = (text: string) => skipSpaces(text, 0, text.length);
  for (let index = 0; index < lines.length; index++) {
    const header = BLOCK_SCALAR_HEADER.exec(lines[index].text);
    if (!header) continue;
    // The next line with text, looked for without copying the rest of the lines (a copy per header was quadratic).
    let firstIndex = index + 1;
    while (firstIndex < lines.length && lines[firstIndex].text.trim() === '') firstIndex++;
    const first = lines[firstIndex];
    const indent = first ? indentOf(first.text) : 0;
    if (indent === 0) continue;
    // The block's region: up to the last line indented like the block before a top-level key that is not example dialogue.
    let last = index;
    for (let next = index + 1; next < lines.length; next++) {
      const text = lines[next].text;
      if (text.trim() === '') continue;
      if (indentOf(text) >= indent) {
        last = next;
        continue;
      }
      const key = topLevelKeyOf(text);
      if (text.startsWith('#') || (key && !EXAMPLE_MARKUP_KEYS.has(key.toLowerCase()))) break;
    }
    const dedented = lines.slice(index + 1, last + 1).filter((line) => line.text.trim() !== '' && indentOf(line.text) < indent);
    if (dedented.length === 0) continue;
    const edits = dedented.map((line) => ({ start: line.start, end: line.start + indentOf(line.text), newText: ' '.repeat(indent) }));
    const [firstLine] = dedented;
    return { edits, firstDedented: { start: firstLine.start, end: firstLine.start + firstLine.text.length, text: firstLine.text, key: header[1] } };
  }
  return undefined;
}

/** A line of the front matter: its text without the `\r\n`/`\n`, and its start offset. */
interface FrontmatterLine {
  text: string;
  start: number;
}

function linesOf(text: string): FrontmatterLine[] {
  const lines: FrontmatterLine[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    let end = newline === -1 ? text.length : newline;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    const line = text.slice(start, end);
    if (start < text.length || line !== '') lines.push({ text: line, start });
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}
