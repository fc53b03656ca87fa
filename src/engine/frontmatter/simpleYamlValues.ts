// The fast scanner's values that span more than a plain scalar on one line: `[a, b]` flow lists and `|`/`>` blocks,
// and what every value read comes back as. Each answers `undefined` where it is unsure, and the `yaml` package decides.
import * as scalars from './simpleYamlScalars';
import type { ListItem, ValueNode } from './model';

// The scalar reader's codes and helpers, read once: run from sources (tests, `tsx`), another module's exports are
// getters, and these are read per character and per line, a getter call each (an eighth of a megabyte's lint).
const {
  CLOSE_BRACKET, COMMA, DASH, DOUBLE_QUOTE, isIndicator, lineEnd, plainLineStop, withoutTrailingSpaces, resolvePlain,
  restIsComment, scanQuoted, SINGLE_QUOTE, skipSpaces, SPACE, UNRESOLVED,
} = scalars;

export const PLAIN: ValueNode = Object.freeze({ kind: 'plain' });
export const QUOTED: ValueNode = Object.freeze({ kind: 'quoted' });
export const BLOCK: ValueNode = Object.freeze({ kind: 'block' });

/** A value read from the text: where it ends and where scanning continues (the start of a line). */
export interface ScannedValue {
  node: ValueNode;
  value: unknown;
  start: number;
  end: number;
  next: number;
}

/** `[a, "b", 'c']` on one line. */
export function scanFlowList(text: string, start: number, end: number): ScannedValue | undefined {
  const items: ListItem[] = [];
  const value: unknown[] = [];
  let index = skipSpaces(text, start + 1, end);
  if (text.charCodeAt(index) === CLOSE_BRACKET && index < end) return listEnd(text, start, index + 1, end, items, value);
  while (index < end) {
    const first = text.charCodeAt(index);
    let itemEnd: number;
    let item: unknown;
    let isString = true;
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const quoted = scanQuoted(text, index, end);
      if (!quoted) return undefined;
      itemEnd = quoted.end;
      item = quoted.value;
    } else {
      if (isIndicator(first)) return undefined;
      const stop = plainLineStop(text, index, end, true);
      if (stop === -1) return undefined;
      itemEnd = withoutTrailingSpaces(text, index, stop);
      if (itemEnd === index) return undefined;
      item = resolvePlain(text.slice(index, itemEnd));
      if (item === UNRESOLVED) return undefined;
      isString = typeof item === 'string';
    }
    items.push({ start: index, end: itemEnd, text: isString ? (item as string) : null });
    value.push(item);
    index = skipSpaces(text, itemEnd, end);
    const separator = text.charCodeAt(index);
    if (index < end && separator === CLOSE_BRACKET) return listEnd(text, start, index + 1, end, items, value);
    if (index >= end || separator !== COMMA) return undefined;
    index = skipSpaces(text, index + 1, end);
    // A trailing comma is valid YAML but rare; leave it to yaml.
    if (index >= end || text.charCodeAt(index) === CLOSE_BRACKET) return undefined;
  }
  return undefined;
}

function listEnd(text: string, start: number, close: number, end: number, items: ListItem[], value: unknown[]): ScannedValue | undefined {
  if (!restIsComment(text, close, end)) return undefined;
  return { node: { kind: 'seq', size: items.length, items }, value, start, end: close, next: end + 1 };
}

/**
 * `|`, `|-`, `>` and `>-` blocks whose content lines share one indentation (folded ones without more-indented lines),
 * deeper than `parentColumn`, the column of the map holding the key.
 */
export function scanBlockScalar(text: string, start: number, end: number, parentColumn = 0): ScannedValue | undefined {
  const folded = text.charCodeAt(start) === 62;
  let header = start + 1;
  const strip = text.charCodeAt(header) === DASH;
  if (strip) header++;
  if (!restIsComment(text, header, end) || end >= text.length) return undefined;
  let indent = -1;
  let value = '';
  let pendingBlank = 0;
  let sawText = false;
  let contentEnd = -1;
  let line = end + 1;
  while (line < text.length) {
    const stop = lineEnd(text, line);
    let spaces = 0;
    while (line + spaces < stop && text.charCodeAt(line + spaces) === SPACE) spaces++;
    if (line + spaces === stop) {
      // An empty line longer than the indentation is content (or, before the first line, an error): left to yaml.
      if (indent === -1 ? spaces > 0 : spaces > indent) return undefined;
      pendingBlank++;
      line = stop + 1;
      continue;
    }
    if (indent === -1) {
      // Not deeper than its map, the line is the map's next key and the block is empty: left to yaml.
      if (spaces <= parentColumn) return undefined;
      indent = spaces;
    }
    if (spaces < indent) break;
    if (folded && spaces > indent) return undefined;
    if (stop >= text.length) return undefined;
    const content = text.slice(line + indent, stop);
    if (!sawText) value = '\n'.repeat(pendingBlank) + content;
    else if (folded) value += (pendingBlank > 0 ? '\n'.repeat(pendingBlank) : ' ') + content;
    else value += '\n'.repeat(pendingBlank + 1) + content;
    sawText = true;
    pendingBlank = 0;
    contentEnd = stop + 1;
    line = stop + 1;
  }
  if (!sawText) return undefined;
  return { node: BLOCK, value: strip ? value : `${value}\n`, start, end: contentEnd, next: contentEnd };
}
