// What the cursor is on inside an agent file's front matter: a key, a key's value, or a tool name in `tools`.
// Line-based on purpose: completions and hovers must work while the YAML is half-typed and does not parse.
import { fieldOf, type FieldSchema } from '../formats/fieldSchema';
import { TextPositions } from '../text/textPositions';
import { KEY_SOURCE } from './keys';
import { splitToolList } from './toolList';
import type { Position, Range } from '../types';

export type CursorKind = 'key' | 'value' | 'tool';

export interface FrontmatterCursor {
  kind: CursorKind;
  /** The key being typed (`key`), or the key whose value holds the cursor (`value`, `tool`). */
  key: string;
  field?: FieldSchema;
  /** The whole word under the cursor, and where it is. */
  token: string;
  tokenRange: Range;
  /** Top-level keys already in the front matter. */
  presentKeys: string[];
  /** For `tool`: the tools already listed under this key. */
  listedTools: string[];
  /** For `key`: whether the line already has `key:`, so completing must not add another colon. */
  hasColon: boolean;
}

const KEY_LINE = new RegExp(`^(${KEY_SOURCE})([ \\t]*):`);
const PARTIAL_KEY_LINE = new RegExp(`^${KEY_SOURCE}$|^$`);
const TOOL_CHARACTER = /[\w.*-]/;

/** Line numbers of the front matter's content: after the opening `---`, before the closing one (or the end, while unclosed). */
export function frontmatterLines(positions: TextPositions): { first: number; last: number } | undefined {
  if (!/^\uFEFF?---[ \t]*$/.test(positions.lineText(0))) return undefined;
  for (let line = 1; line < positions.lineCount; line++) {
    if (/^---[ \t]*$/.test(positions.lineText(line))) return { first: 1, last: line - 1 };
  }
  return { first: 1, last: positions.lineCount - 1 };
}

/** `fields`: the format's field data, which says which keys hold tool lists. */
export function cursorAt(text: string, position: Position, fields: readonly FieldSchema[]): FrontmatterCursor | undefined {
  const positions = new TextPositions(text);
  const bounds = frontmatterLines(positions);
  if (!bounds || position.line < bounds.first || position.line > bounds.last) return undefined;
  const lineText = positions.lineText(position.line);
  const column = Math.min(position.character, lineText.length);
  const presentKeys = topLevelKeys(positions, bounds);
  const base = { presentKeys, listedTools: [] as string[], hasColon: false };
  const at = (start: number, end: number): Range => ({ start: { line: position.line, character: start }, end: { line: position.line, character: end } });

  const keyLine = KEY_LINE.exec(lineText);
  if (keyLine) {
    const key = keyLine[1];
    const colon = keyLine[0].length;
    if (column <= key.length) {
      return { ...base, kind: 'key', key, field: fieldOf(fields, key), token: key, tokenRange: at(0, key.length), hasColon: true };
    }
    if (column < colon) return undefined;
    return valueCursor(positions, bounds, fields, key, position.line, colon, column, base, at);
  }
  if (PARTIAL_KEY_LINE.test(lineText)) {
    return { ...base, kind: 'key', key: lineText, field: fieldOf(fields, lineText), token: lineText, tokenRange: at(0, lineText.length) };
  }

  // An indented or list line belongs to the nearest unindented key above it.
  const owner = ownerKey(positions, bounds.first, position.line);
  const field = owner ? fieldOf(fields, owner) : undefined;
  const listItem = /^(\s*-\s+)/.exec(lineText);
  if (!owner || !field?.isToolList || !listItem || column < listItem[1].length) return undefined;
  const token = tokenAround(lineText, column);
  return { ...base, kind: 'tool', key: owner, field, token: token.text, tokenRange: at(token.start, token.end), listedTools: toolsUnder(positions, bounds, owner) };
}

function valueCursor(
  positions: TextPositions,
  bounds: { first: number; last: number },
  fields: readonly FieldSchema[],
  key: string,
  line: number,
  colon: number,
  column: number,
  base: Pick<FrontmatterCursor, 'presentKeys' | 'listedTools' | 'hasColon'>,
  at: (start: number, end: number) => Range,
): FrontmatterCursor | undefined {
  const field = fieldOf(fields, key);
  const lineText = positions.lineText(line);
  if (field?.isToolList) {
    const token = tokenAround(lineText, column);
    if (token.start < colon) return undefined;
    return { ...base, kind: 'tool', key, field, token: token.text, tokenRange: at(token.start, token.end), listedTools: toolsUnder(positions, bounds, key) };
  }
  const valueStart = colon + (/^[ \t]*/.exec(lineText.slice(colon))?.[0].length ?? 0);
  // A plain value ends at a ` #` comment; quotes around an enumerated value are not part of it.
  const commentAt = lineText.slice(valueStart).search(/\s#/);
  const valueEnd = commentAt === -1 ? lineText.trimEnd().length : valueStart + commentAt;
  const raw = lineText.slice(valueStart, Math.max(valueStart, valueEnd));
  const quoted = /^(["'])(.*)\1$/.exec(raw);
  const start = quoted ? valueStart + 1 : valueStart;
  const end = quoted ? valueEnd - 1 : Math.max(valueStart, valueEnd);
  if (column < valueStart && raw !== '') return undefined;
  return { ...base, kind: 'value', key, field, token: quoted ? quoted[2] : raw, tokenRange: at(start, Math.max(start, end)) };
}

function tokenAround(lineText: string, column: number): { text: string; start: number; end: number } {
  let start = column;
  while (start > 0 && TOOL_CHARACTER.test(lineText[start - 1])) start--;
  let end = column;
  while (end < lineText.length && TOOL_CHARACTER.test(lineText[end])) end++;
  return { text: lineText.slice(start, end), start, end };
}

function topLevelKeys(positions: TextPositions, bounds: { first: number; last: number }): string[] {
  const keys: string[] = [];
  for (let line = bounds.first; line <= bounds.last; line++) {
    const match = KEY_LINE.exec(positions.lineText(line));
    if (match) keys.push(match[1]);
  }
  return keys;
}

function ownerKey(positions: TextPositions, first: number, line: number): string | undefined {
  for (let above = line - 1; above >= first; above--) {
    const text = positions.lineText(above);
    const match = KEY_LINE.exec(text);
    if (match) return match[1];
    if (/^\S/.test(text) && !text.startsWith('-') && !text.startsWith('#')) return undefined;
  }
  return undefined;
}

/** Tool names written under a key, inline (`Read, Grep`, `[Read]`) or as `- Read` items on the following lines. */
function toolsUnder(positions: TextPositions, bounds: { first: number; last: number }, key: string): string[] {
  const tools: string[] = [];
  let inside = false;
  for (let line = bounds.first; line <= bounds.last; line++) {
    const text = positions.lineText(line);
    const keyLine = KEY_LINE.exec(text);
    if (keyLine) {
      inside = keyLine[1] === key;
      if (inside) tools.push(...names(text.slice(keyLine[0].length)));
    } else if (inside && /^\s/.test(text)) {
      tools.push(...names(text.replace(/^\s*-\s*/, '')));
    } else if (/^\S/.test(text)) {
      inside = false;
    }
  }
  return tools;
}

/** Tool names in a line's text, split as Claude Code splits a `tools` string once brackets and quotes are gone. */
function names(text: string): string[] {
  return splitToolList(text.replace(/[\s[\]"']+/g, ' ')).map((name) => name.replace(/\(.*$/s, '')).filter((name) => /^[\w.*-]+$/.test(name));
}
