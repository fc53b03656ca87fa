// A fast path for the front matter nearly every agent has: top-level `key: value` lines with plain or quoted scalars,
// `|`/`>` blocks, `- item` and `[a, b]` lists, comments, and block maps and lists nested below a key (`hooks`,
// `mcpServers`: simpleBlockCollections.ts). On anything else it answers `undefined` and the `yaml`
// package decides; test/unit/simpleFrontmatterScanner.test.ts proves the two agree whenever this one answers.
import {
  COLON, DASH, DOUBLE_QUOTE, HASH, isBlank, isIndicator, isKeyCharacter, lineEnd, MAX_KEY_LENGTH, NEWLINE, NON_STRING_KEY, OPEN_BRACKET,
  plainLineEnd, resolvePlain, restIsComment, scanQuoted, SINGLE_QUOTE, skipSpaces, SPACE, UNRESOLVED,
} from './simpleYamlScalars';
import { keyColon, scanBlockCollection } from './simpleBlockCollections';
import { PLAIN, QUOTED, scanBlockScalar, scanFlowList, type ScannedValue } from './simpleYamlValues';
import type { FrontmatterEntry } from './model';

export interface ScannedFrontmatter {
  values: Record<string, unknown>;
  entries: FrontmatterEntry[];
}

/**
 * The text is simple up to a `key: a: b` line, which yaml rejects with "Nested mappings are not allowed in compact
 * mappings" at the value's start (and Claude Code's repair pass quotes); `at` is that offset.
 */
export interface CompactMapping {
  compactMappingAt: number;
}

/** Left to the full parser: tabs, CR, other controls, and the BOM and Unicode line breaks YAML treats specially. */
const UNSUPPORTED_CHARACTER = /[\0-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

/**
 * The values and entries `yaml` would produce for this text; where its first problem is a `key: a: b` line, where that
 * is; `undefined` when the text is outside the fast path.
 */
export function scanSimpleFrontmatter(text: string): ScannedFrontmatter | CompactMapping | undefined {
  if (UNSUPPORTED_CHARACTER.test(text)) return undefined;
  const values: Record<string, unknown> = {};
  const entries: FrontmatterEntry[] = [];
  let position = 0;
  while (position < text.length) {
    const end = lineEnd(text, position);
    const first = text.charCodeAt(position);
    if (first === SPACE || first === NEWLINE) {
      if (!isBlank(text, position, end)) return undefined;
      position = end + 1;
      continue;
    }
    if (first === HASH) {
      position = end + 1;
      continue;
    }
    let keyEnd = position;
    while (isKeyCharacter(text.charCodeAt(keyEnd), keyEnd === position)) keyEnd++;
    if (keyEnd === position || text.charCodeAt(keyEnd) !== COLON || keyEnd - position > MAX_KEY_LENGTH) return undefined;
    const key = text.slice(position, keyEnd);
    if (NON_STRING_KEY.test(key)) return undefined;
    const scanned = scanValue(text, keyEnd + 1, end);
    if (!scanned) return compactMapping(text, keyEnd + 1, end);
    entries.push({ key, keyStart: position, keyEnd, valueNode: scanned.node, valueStart: scanned.start, valueEnd: scanned.end, value: scanned.value });
    // As yaml's toJS does: a key that exists on the prototype (`__proto__`, `constructor`) becomes an own property.
    if (key in values) Object.defineProperty(values, key, { value: scanned.value, writable: true, enumerable: true, configurable: true });
    else values[key] = scanned.value;
    position = scanned.next;
  }
  return entries.length > 0 ? { values, entries } : undefined;
}

/** The value after `key:`, from just after the colon to the end of its line (or of its block). */
function scanValue(text: string, afterColon: number, end: number): ScannedValue | undefined {
  if (afterColon < end && text.charCodeAt(afterColon) !== SPACE) return undefined;
  let start = afterColon;
  while (start < end && text.charCodeAt(start) === SPACE) start++;
  const first = start < end ? text.charCodeAt(start) : NEWLINE;
  if (first === NEWLINE || first === HASH) return scanEmptyOrIndented(text, start, end, first === HASH);
  if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
    const quoted = scanQuoted(text, start, end);
    if (!quoted || !restIsComment(text, quoted.end, end)) return undefined;
    return { node: QUOTED, value: quoted.value, start, end: quoted.end, next: end + 1 };
  }
  if (first === 124 /* | */ || first === 62 /* > */) return scanBlockScalar(text, start, end);
  if (first === OPEN_BRACKET) return scanFlowList(text, start, end);
  if (isIndicator(first)) return undefined;
  return scanPlain(text, start, end);
}

/** When the value after `key:` is a plain scalar whose first line holds `: ` before any comment, where its value starts. */
function compactMapping(text: string, afterColon: number, end: number): CompactMapping | undefined {
  if (text.charCodeAt(afterColon) !== SPACE) return undefined;
  const start = skipSpaces(text, afterColon, end);
  const first = text.charCodeAt(start);
  if (start === end || (isIndicator(first))) return undefined;
  const line = text.slice(start, end);
  const colon = line.indexOf(': ');
  const hash = line.indexOf(' #');
  return colon !== -1 && (hash === -1 || colon < hash) ? { compactMappingAt: start } : undefined;
}

/**
 * `key:` with nothing after it: null, unless the lines below hold a block map or list (nested to any depth), or the
 * next line a plain scalar.
 */
function scanEmptyOrIndented(text: string, at: number, end: number, hasComment: boolean): ScannedValue | undefined {
  const next = end + 1;
  let line = next;
  while (line < text.length && isBlank(text, line, lineEnd(text, line))) line = lineEnd(text, line) + 1;
  if (line < text.length) {
    const stop = lineEnd(text, line);
    const content = skipSpaces(text, line, stop);
    const first = text.charCodeAt(content);
    const startsList = first === DASH && (content + 1 === stop || text.charCodeAt(content + 1) === SPACE);
    if (startsList || (content > line && keyColon(text, content, stop) !== -1)) return scanBlockCollection(text, next);
    if (content > line) {
      // After a comment, or a blank line, a deeper line is an error or a scalar yaml reads its own way.
      if (hasComment || line !== next || isIndicator(first)) return undefined;
      return scanPlain(text, content, stop);
    }
  }
  return { node: PLAIN, value: null, start: at, end: at, next };
}

/** A plain scalar starting at `start`, folded with its indented continuation lines. */
function scanPlain(text: string, start: number, end: number): ScannedValue | undefined {
  const firstLine = plainLineEnd(text, start, end, false);
  if (firstLine === undefined) return undefined;
  let value = text.slice(start, firstLine.valueEnd);
  let valueEnd = firstLine.valueEnd;
  let next = end + 1;
  let blankLines = 0;
  for (let line = end + 1; line < text.length;) {
    const lineStop = lineEnd(text, line);
    let content = line;
    while (content < lineStop && text.charCodeAt(content) === SPACE) content++;
    if (content === lineStop) {
      blankLines++;
      line = lineStop + 1;
      continue;
    }
    if (content === line) break;
    // An indented line continues the scalar; after a comment it would be an error, so leave that to yaml.
    const first = text.charCodeAt(content);
    if (firstLine.comment || (isIndicator(first))) return undefined;
    const continuation = plainLineEnd(text, content, lineStop, false);
    if (continuation === undefined || continuation.comment) return undefined;
    value += (blankLines > 0 ? '\n'.repeat(blankLines) : ' ') + text.slice(content, continuation.valueEnd);
    valueEnd = continuation.valueEnd;
    blankLines = 0;
    next = lineStop + 1;
    line = lineStop + 1;
  }
  const resolved = resolvePlain(value);
  return resolved === UNRESOLVED ? undefined : { node: PLAIN, value: resolved, start, end: valueEnd, next };
}
