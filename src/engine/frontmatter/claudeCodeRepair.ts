// Claude Code's repair pass over front matter that does not parse, and mapping offsets in the repaired text back to
// the original (the repair changes lines, never their count).
import { repairedLineList, type FrontmatterEntry, type RepairedLine, type RepairedLines } from './model';
import { isWhitespace } from '../text/whitespace';
import { isFlowList } from './yamlDocument';
import { CodeUnitWriter } from '../text/codeUnitWriter';
import type { RepairedLineOffsets } from './simpleFrontmatterScanner';

/**
 * Maps an offset in the repaired text to the same line of the original, clamped to that line's end (never its break).
 * Only the repaired lines differ, so an offset moves by what the repaired lines before it added; one inside a repaired
 * line keeps its column. Offsets asked in order (entries are) cost O(1) each; out of order, a binary search.
 */
export function offsetMapper(repairedLines: readonly RepairedLine[]): (offset: number) => number {
  const count = repairedLines.length;
  // Per repaired line: where it starts in the repaired text, and the shift of every offset after it.
  const repairedStarts = new Array<number>(count);
  const shiftsAfter = new Array<number>(count);
  let shift = 0;
  for (let index = 0; index < count; index++) {
    const line = repairedLines[index];
    repairedStarts[index] = line.start + shift;
    shift += line.replacement.length - (line.end - line.start);
    shiftsAfter[index] = shift;
  }
  let cursor = -1;
  return (offset) => {
    // The last repaired line starting at or before the offset (-1: none).
    if (cursor >= 0 && repairedStarts[cursor] > offset) cursor = lastAtOrBefore(repairedStarts, offset);
    while (cursor + 1 < count && repairedStarts[cursor + 1] <= offset) cursor++;
    if (cursor === -1) return offset;
    const line = repairedLines[cursor];
    const column = offset - repairedStarts[cursor];
    if (column <= line.replacement.length) return Math.min(line.start + column, line.end);
    return offset - shiftsAfter[cursor];
  };
}

function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] <= value) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Moves a freshly scanned entry's offsets (and its list items') through `mapOffset`, in place: the entries of a
 * repaired text are made for this and shared with no one, and a copy of each was a second megabyte of garbage.
 */
export function mapEntryInPlace(entry: FrontmatterEntry, mapOffset: (offset: number) => number): void {
  entry.keyStart = mapOffset(entry.keyStart);
  entry.keyEnd = mapOffset(entry.keyEnd);
  entry.valueStart = mapOffset(entry.valueStart);
  entry.valueEnd = mapOffset(entry.valueEnd);
  for (const item of entry.valueNode?.items ?? []) {
    item.start = mapOffset(item.start);
    item.end = mapOffset(item.end);
  }
}

// Claude Code's repair pass (its function `n2d`): a top-level `key: value` line whose unquoted value holds a YAML
// indicator or `: ` is rewritten as a double-quoted string; then leading tabs become two spaces each.

/**
 * What Claude Code's `/^([a-zA-Z_-]+):\s+(.+)$/` captures from a line, found in linear time: the pattern itself
 * backtracks quadratically on a long run of spaces before a `\r`, which every line of a CRLF file ends with.
 */
export function matchRepairableLine(line: string): { key: string; value: string } | undefined {
  const valueStart = repairableValueStart(line, 0, line.length);
  // The key is every character before the first colon: no key character is one.
  return valueStart === -1 ? undefined : { key: line.slice(0, line.indexOf(':')), value: line.slice(valueStart) };
}

/**
 * Where the pattern's captured value starts on `text` from `lineStart` to `lineEnd` (a line: no `\n`), or -1 when the
 * pattern does not match, read character by character: the repair pass asks this of every line of a megabyte, and a
 * regular expression, a slice and a trim per line made most of its time and garbage.
 */
function repairableValueStart(text: string, lineStart: number, lineEnd: number): number {
  // The key's characters by a sticky pattern (none of them ends a line): a key of a megabyte is one native scan.
  REPAIR_KEY.lastIndex = lineStart;
  REPAIR_KEY.test(text);
  const keyEnd = Math.min(REPAIR_KEY.lastIndex, lineEnd);
  if (keyEnd === lineStart || keyEnd === lineEnd || text.charCodeAt(keyEnd) !== COLON) return -1;
  const restStart = keyEnd + 1;
  let valueStart = restStart;
  while (valueStart < lineEnd && isWhitespace(text.charCodeAt(valueStart))) valueStart++;
  // `\s+` needs one character at least; when only whitespace follows, it gives its last character back to `.+`.
  if (valueStart === restStart) return -1;
  if (valueStart === lineEnd) {
    if (lineEnd - restStart < 2) return -1;
    valueStart = lineEnd - 1;
  }
  // `.` matches no line terminator.
  for (let index = valueStart; index < lineEnd; index++) {
    const code = text.charCodeAt(index);
    if (code === CARRIAGE_RETURN || code === LINE_SEPARATOR || code === PARAGRAPH_SEPARATOR) return -1;
  }
  return valueStart;
}

const COLON = 58;
const REPAIR_KEY = /[a-zA-Z_-]*/y;
const CARRIAGE_RETURN = 13;
const LINE_SEPARATOR = 0x2028;
const PARAGRAPH_SEPARATOR = 0x2029;

/** Whether the value holds a YAML indicator or `: ` (Claude Code's `/[{}[\]*&#!|>%@\`]|: /`), by character. */
function needsQuoting(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code < 128 && QUOTING_INDICATORS[code] === 1) return true;
    if (code === COLON && index + 1 < end && text.charCodeAt(index + 1) === 32) return true;
  }
  return false;
}

const QUOTING_INDICATORS = new Uint8Array(128);
for (const indicator of '{}[]*&#!|>%@`') QUOTING_INDICATORS[indicator.charCodeAt(0)] = 1;

/** The front matter as Claude Code's repair pass leaves it, and the lines it rewrote. */
export function repairLikeClaudeCode(yamlText: string): { text: string; lines: RepairedLine[] } {
  const lines = repairedLinesOf(yamlText);
  return { text: lines.repairedText(), lines: repairedLineList(lines) };
}

/** The lines Claude Code's repair pass rewrites in `yamlText`, in order. */
export function repairedLinesOf(yamlText: string): RepairedLineColumns {
  const lines = new RepairedLineColumns(yamlText);
  let index = 0;
  for (let lineStart = 0; lineStart <= yamlText.length; index++) {
    const newline = yamlText.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? yamlText.length : newline;
    const valueStart = rewrittenValueStart(yamlText, lineStart, lineEnd);
    if (valueStart !== STAYS) lines.add(index, lineStart, lineEnd, valueStart);
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return lines;
}

/**
 * The repaired lines as columns of numbers, four per line (its number, start, end, and its quoted value's start or
 * `UNTABBED`), read by offset where a line's object is not needed: a megabyte of `key: a: b` lines made 80,000 objects
 * that lived as long as the lint, for the scanner and the quoting fix to read two numbers from each. Its new text, and
 * the whole repaired text, are made when asked for.
 */
export class RepairedLineColumns implements RepairedLines, RepairedLineOffsets {
  // Private by the language, so that they are no properties: results holding these compare by what they read.
  readonly #yamlText: string;
  #columns = new Int32Array(4 * 16);
  #count = 0;
  #repairedText: string | undefined;

  constructor(yamlText: string) {
    this.#yamlText = yamlText;
  }

  get length(): number {
    return this.#count;
  }

  /** Appends a line after the last (`repairedLinesOf` adds them in order). */
  add(line: number, start: number, end: number, quotedValueStart: number): void {
    if (4 * (this.#count + 1) > this.#columns.length) {
      const grown = new Int32Array(this.#columns.length * 2);
      grown.set(this.#columns);
      this.#columns = grown;
    }
    const column = 4 * this.#count++;
    this.#columns[column] = line;
    this.#columns[column + 1] = start;
    this.#columns[column + 2] = end;
    this.#columns[column + 3] = quotedValueStart;
  }

  at(index: number): RepairedLine | undefined {
    const at = index < 0 ? index + this.length : index;
    if (at < 0 || at >= this.length) return undefined;
    const column = 4 * at;
    const quotedValueStart = this.#columns[column + 3];
    return new RewrittenLine(this.#yamlText, this.#columns[column], this.#columns[column + 1], this.#columns[column + 2], quotedValueStart === UNTABBED ? undefined : quotedValueStart);
  }

  startOf(index: number): number {
    return this.#columns[4 * index + 1];
  }

  endOf(index: number): number {
    return this.#columns[4 * index + 2];
  }

  /** Where line `index`'s value starts when the repair pass quotes it; `undefined` for a line it only untabs. */
  quotedValueStartOf(index: number): number | undefined {
    const start = this.#columns[4 * index + 3];
    return start === UNTABBED ? undefined : start;
  }

  /**
   * The text with every line rewritten, written unit by unit: a string per piece (the key, `: "`, the value) was most
   * of the garbage of a lint of a megabyte of `key: a: b` lines.
   */
  repairedText(): string {
    if (this.#repairedText !== undefined) return this.#repairedText;
    const yamlText = this.#yamlText;
    if (this.length === 0) return (this.#repairedText = yamlText);
    const writer = new CodeUnitWriter(yamlText);
    let copiedUpTo = 0;
    for (let index = 0; index < this.length; index++) {
      const start = this.startOf(index);
      const quotedValueStart = this.quotedValueStartOf(index);
      if (quotedValueStart === undefined) {
        writer.copy(copiedUpTo, start);
        writer.text(this.at(index)!.replacement);
      } else {
        writer.copy(copiedUpTo, yamlText.indexOf(':', start));
        writer.text(': "');
        writer.copyEscapedForDoubleQuotes(quotedValueStart, this.endOf(index));
        writer.unit(DOUBLE_QUOTE);
      }
      copiedUpTo = this.endOf(index);
    }
    writer.copy(copiedUpTo, yamlText.length);
    return (this.#repairedText = writer.finish());
  }
}

/** In the quoted value's column: a line whose leading tabs alone the repair pass rewrites. */
const UNTABBED = -1;
/** From `rewrittenValueStart`: a line the repair pass leaves as it is. */
const STAYS = -2;

/**
 * A line the repair pass rewrites: where it is, and (for a `key: value` line it quotes) where its value starts. Its new
 * text is made from the original when read.
 */
class RewrittenLine implements RepairedLine {
  // Private by the language, so that it is no property: lines are compared by what they say, not by the whole text.
  readonly #yamlText: string;

  constructor(yamlText: string, readonly line: number, readonly start: number, readonly end: number, readonly quotedValueStart?: number) {
    this.#yamlText = yamlText;
  }

  get replacement(): string {
    const text = this.#yamlText;
    // A line starting with a tab has no key to match: only its tabs change.
    if (this.quotedValueStart === undefined) return text.slice(this.start, this.end).replace(/^\t+/, (tabs) => '  '.repeat(tabs.length));
    const key = text.slice(this.start, text.indexOf(':', this.start));
    return `${key}: "${escapedForDoubleQuotes(text.slice(this.quotedValueStart, this.end))}"`;
  }
}

/**
 * For the line from `lineStart` to `lineEnd`: where its value starts when the repair pass quotes it, `UNTABBED` when
 * it only rewrites its leading tabs, `STAYS` when it leaves it.
 */
function rewrittenValueStart(yamlText: string, lineStart: number, lineEnd: number): number {
  if (yamlText.charCodeAt(lineStart) === TAB) return UNTABBED;
  const valueStart = repairableValueStart(yamlText, lineStart, lineEnd);
  if (valueStart === -1) return STAYS;
  const opening = yamlText.charCodeAt(valueStart);
  const closing = yamlText.charCodeAt(lineEnd - 1);
  const quoted = (opening === DOUBLE_QUOTE || opening === SINGLE_QUOTE) && closing === opening;
  if (quoted || !needsQuoting(yamlText, valueStart, lineEnd)) return STAYS;
  // Only a value that starts with `[` can be a flow list: no slice for the rest.
  if (opening === OPEN_BRACKET && isFlowList(yamlText.slice(valueStart, lineEnd))) return STAYS;
  return valueStart;
}

const OPEN_BRACKET = 91;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

/** Backslashes and double quotes escaped; most values have neither, and are returned without two searches' copies. */
function escapedForDoubleQuotes(value: string): string {
  if (value.indexOf('\\') === -1 && value.indexOf('"') === -1) return value;
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
}

const TAB = 9;

