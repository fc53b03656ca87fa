// Claude Code's repair pass over front matter that does not parse, and mapping offsets in the repaired text back to
// the original (the repair changes lines, never their count).
import type { FrontmatterEntry, RepairedLine } from './model';
import { isFlowList } from './yamlDocument';

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

export function mapEntry(entry: FrontmatterEntry, mapOffset: (offset: number) => number): FrontmatterEntry {
  const node = entry.valueNode;
  const items = node?.items?.map((item) => ({ ...item, start: mapOffset(item.start), end: mapOffset(item.end) }));
  return {
    ...entry,
    keyStart: mapOffset(entry.keyStart), keyEnd: mapOffset(entry.keyEnd), valueStart: mapOffset(entry.valueStart), valueEnd: mapOffset(entry.valueEnd),
    valueNode: node && items ? { ...node, items } : node,
  };
}

// Claude Code's repair pass (its function `n2d`): a top-level `key: value` line whose unquoted value holds a YAML
// indicator or `: ` is rewritten as a double-quoted string; then leading tabs become two spaces each.
const NEEDS_QUOTING = /[{}[\]*&#!|>%@`]|: /;

const KEY_AND_COLON = /^[a-zA-Z_-]+:/;
/** What `.` does not match (a line never holds `\n`). */
const LINE_TERMINATOR = /[\r\u2028\u2029]/;

/**
 * What Claude Code's `/^([a-zA-Z_-]+):\s+(.+)$/` captures from a line, found in linear time: the pattern itself
 * backtracks quadratically on a long run of spaces before a `\r`, which every line of a CRLF file ends with.
 */
export function matchRepairableLine(line: string): { key: string; value: string } | undefined {
  const keyAndColon = KEY_AND_COLON.exec(line)?.[0];
  if (!keyAndColon) return undefined;
  const rest = line.slice(keyAndColon.length);
  // `\s+` is greedy and trimStart() removes exactly what `\s` matches; when nothing is left, `\s+` gives its last
  // character back to `.+`.
  let value = rest.trimStart();
  if (value.length === rest.length) return undefined;
  if (value === '') value = rest.length >= 2 ? rest.slice(-1) : '';
  if (value === '' || LINE_TERMINATOR.test(value)) return undefined;
  return { key: keyAndColon.slice(0, -1), value };
}

/**
 * The front matter as Claude Code's repair pass leaves it, and the lines it rewrote. Unchanged stretches are copied
 * whole, so a megabyte of lines that need nothing costs one scan.
 */
export function repairLikeClaudeCode(yamlText: string): { text: string; lines: RepairedLine[] } {
  const repaired: RepairedLine[] = [];
  const parts: string[] = [];
  let copiedUpTo = 0;
  let index = 0;
  for (let lineStart = 0; lineStart <= yamlText.length; index++) {
    const newline = yamlText.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? yamlText.length : newline;
    const replacement = repairedLine(yamlText, lineStart, lineEnd);
    if (replacement) {
      parts.push(yamlText.slice(copiedUpTo, lineStart), replacement.text);
      copiedUpTo = lineEnd;
      // Built whole, with or without the quoted value's start (a property added afterwards changes the object's shape).
      const { text, quotedValueStart } = replacement;
      repaired.push(quotedValueStart === undefined
        ? { line: index, start: lineStart, end: lineEnd, replacement: text }
        : { line: index, start: lineStart, end: lineEnd, replacement: text, quotedValueStart });
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  if (repaired.length === 0) return { text: yamlText, lines: repaired };
  parts.push(yamlText.slice(copiedUpTo));
  return { text: parts.join(''), lines: repaired };
}

/** A line as the repair pass rewrites it, or `undefined` when it stays; where the quoted value starts in the original. */
function repairedLine(yamlText: string, lineStart: number, lineEnd: number): { text: string; quotedValueStart?: number } | undefined {
  const first = yamlText.charCodeAt(lineStart);
  // Only a line starting with a key character can match; only one starting with a tab is untabbed.
  if (!(isRepairKeyCharacter(first) || first === TAB)) return undefined;
  const line = yamlText.slice(lineStart, lineEnd);
  const match = first === TAB ? undefined : matchRepairableLine(line);
  let result = line;
  let quotedValueStart: number | undefined;
  if (match) {
    const { key, value } = match;
    const quoted = (value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"));
    if (!quoted && NEEDS_QUOTING.test(value) && !isFlowList(value)) {
      result = `${key}: "${escapedForDoubleQuotes(value)}"`;
      quotedValueStart = lineEnd - value.length;
    }
  }
  const untabbed = first === TAB ? result.replace(/^\t+/, (tabs) => '  '.repeat(tabs.length)) : result;
  return untabbed === line ? undefined : { text: untabbed, quotedValueStart };
}

/** Backslashes and double quotes escaped; most values have neither, and are returned without two searches' copies. */
function escapedForDoubleQuotes(value: string): string {
  if (value.indexOf('\\') === -1 && value.indexOf('"') === -1) return value;
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
}

const TAB = 9;

function isRepairKeyCharacter(char: number): boolean {
  return (char >= 97 && char <= 122) || (char >= 65 && char <= 90) || char === 95 || char === 45;
}

