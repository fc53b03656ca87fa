// A fast path for the front matter nearly every agent has: top-level `key: value` lines with plain or quoted scalars,
// `|`/`>` blocks, `- item` and `[a, b]` lists, comments, block maps and lists nested below a key (`hooks`, `mcpServers`:
// simpleBlockCollections.ts), and scalar anchors with their aliases. It also knows the first error of the two mistakes
// people make most (`key: a: b`, a quote never closed) and of a key too long, so that a megabyte of them never reaches
// the `yaml` package, which takes about a microsecond a byte. On anything else it answers `undefined` and `yaml`
// decides; test/unit/engine/frontmatter/simpleFrontmatterScanner.test.ts proves the two agree whenever this one answers.
import * as scalars from './simpleYamlScalars';
import { forEachKeyWithItsValue } from './keyIndex';
import { keyColon, scanBlockCollection } from './simpleBlockCollections';
import { PLAIN, QUOTED, scanBlockScalar, scanFlowList, type ScannedValue } from './simpleYamlValues';
import type { FrontmatterEntry, ValueNode, YamlProblem } from './model';

// The scalar reader's codes and helpers, read once: run from sources (tests, `tsx`), another module's exports are
// getters, and these are read per character and per line, a getter call each (an eighth of a megabyte's lint).
const {
  AMPERSAND, COLON, DASH, DOUBLE_QUOTE, HASH, isBlank, isIndicator, isKeyCharacter, lineEnd, MAX_KEY_LENGTH, NEWLINE,
  isNonStringKey, OPEN_BRACKET, plainLineStop, resolvePlain, restIsComment, scanQuoted, SINGLE_QUOTE, skipSpaces,
  SPACE, UNRESOLVED, withoutTrailingSpaces,
} = scalars;

/** Where the lines Claude Code's repair pass rewrites start, in order, and where their quoted values start. */
export interface RepairedLineOffsets {
  readonly length: number;
  startOf(index: number): number;
  /** `undefined` for a line the pass only untabs. */
  quotedValueStartOf(index: number): number | undefined;
}

export interface ScannedFrontmatter {
  /** Made on first read (see `ParsedFrontmatter.valuesAreEntries`). */
  readonly values: Record<string, unknown>;
  entries: FrontmatterEntry[];
  /** Values that are aliases (`*name`) of an anchored scalar. */
  aliasCount: number;
  /** The document's nodes as the `yaml` package counts them (the map, each pair, key and value, list items). */
  nodeCount: number;
}

/**
 * The text is simple up to a value yaml is certain to reject, and this is the first error it reports:
 * - a `key: a: b` line ("Nested mappings are not allowed in compact mappings", at the value's start), which Claude
 *   Code's repair pass quotes when the value holds `: `;
 * - a quoted value whose quote is never closed anywhere in the text ("Missing closing "quote", at the text's end);
 * - a key of more than 1024 characters (on the key).
 */
export interface KnownYamlError {
  firstError: YamlProblem;
}

/**
 * Left to the full parser: tabs and CR, which YAML reads as white space and line breaks, and NEL, the BOM and Unicode's
 * line breaks, which YAML 1.1 did. Other control characters (NUL, the rest of C0 and C1) are text to `yaml` wherever
 * the scanner reads them (in values; a key or line starting with one is left to `yaml` by the key's own test), so a
 * front matter with a NUL byte, which older Claude Code versions load, is not a megabyte for `yaml` to parse.
 */
const UNSUPPORTED_CHARACTER = /[\t\r\x85\u2028\u2029\ufeff]/;
/** Past this many characters from a key's start to its `:`, yaml rejects the key (and so the front matter). */
const MAX_IMPLICIT_KEY_LENGTH = 1024;

const ASTERISK = 42;

const ALIAS: ValueNode = Object.freeze({ kind: 'alias' });

/**
 * The scalars anchored so far (`&name`), by name: a later anchor of the same name replaces the earlier, as in yaml.
 * The map is made on the first anchor: the scanner also runs on single lines, tens of thousands of times per lint.
 */
interface Anchors {
  byName?: Map<string, unknown>;
}

/**
 * The values and entries `yaml` would produce for this text; the first error it would report, when that is certain;
 * `undefined` when the text is outside the fast path.
 *
 * Given `repairedLines` (the lines of `text` Claude Code's repair pass rewrites, in order), the answer is the one for
 * the repaired text, with offsets in `text`: each quoted line's value is the rest of its line as written, which is
 * what its quoted form reads as, so the repaired text is never made and read again. Every repaired line must be one
 * the loop below reads as a key of its own; when one is not, the answer is `undefined`.
 */
export function scanSimpleFrontmatter(text: string, repairedLines?: RepairedLineOffsets): ScannedFrontmatter | KnownYamlError | undefined {
  if (UNSUPPORTED_CHARACTER.test(text)) return undefined;
  const entries: FrontmatterEntry[] = [];
  const anchors: Anchors = {};
  let aliasCount = 0;
  let position = 0;
  // The next repaired line, by index into `repairedLines`, and where it starts (past the text: none left).
  let repairIndex = 0;
  let nextRepairStart = repairedLines?.length ? repairedLines.startOf(0) : text.length + 1;
  while (position < text.length) {
    // A repaired line read as part of a value is not the line the repaired text holds.
    if (nextRepairStart < position) return undefined;
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
    const repaired = position === nextRepairStart;
    let keyEnd = position;
    while (isKeyCharacter(text.charCodeAt(keyEnd), keyEnd === position)) keyEnd++;
    if (keyEnd === position || text.charCodeAt(keyEnd) !== COLON) return repaired ? undefined : keyWithoutValue(text, position, end, entries.length);
    if (keyEnd - position > MAX_KEY_LENGTH) return repaired ? quotedKeyTooLong(position, keyEnd) : keyTooLong(text, position, keyEnd, end);
    const key = text.slice(position, keyEnd);
    if (isNonStringKey(key)) return undefined;
    if (repaired) {
      const valueStart = repairedLines!.quotedValueStartOf(repairIndex);
      if (valueStart === undefined) return undefined;
      entries.push({ key, keyStart: position, keyEnd, valueNode: QUOTED, valueStart, valueEnd: end, value: text.slice(valueStart, end) });
      nextRepairStart = ++repairIndex < repairedLines!.length ? repairedLines!.startOf(repairIndex) : text.length + 1;
      position = end + 1;
      continue;
    }
    // A quote left open is searched for to the text's end, where the repaired lines add quotes of their own.
    const scanned = scanValue(text, keyEnd + 1, end, anchors, nextRepairStart < text.length);
    if (!scanned) return compactMapping(text, keyEnd + 1, end);
    if ('firstError' in scanned) return scanned;
    if (scanned.node === ALIAS) aliasCount++;
    entries.push({ key, keyStart: position, keyEnd, valueNode: scanned.node, valueStart: scanned.start, valueEnd: scanned.end, value: scanned.value });
    position = scanned.next;
  }
  if (nextRepairStart <= text.length) return undefined;
  if (entries.length === 0) return undefined;
  const nodeCount = aliasCount > 0 ? nodesOf(entries) : 0;
  if (nodeCount === undefined) return undefined;
  return new ScannedEntries(entries, aliasCount, nodeCount);
}

/** A class, not a literal with a getter: the fixes scan single lines by the ten thousand, and each literal made a closure. */
class ScannedEntries implements ScannedFrontmatter {
  private made: Record<string, unknown> | undefined;

  constructor(readonly entries: FrontmatterEntry[], readonly aliasCount: number, readonly nodeCount: number) {}

  get values(): Record<string, unknown> {
    return (this.made ??= valuesOf(this.entries));
  }
}

/**
 * The values as yaml's toJS makes them: one property per key, in the order keys first appear, holding the last
 * entry's value. Each key is stored once, found through the key index the linter uses anyway: a property store per
 * entry (and a lookup before it) cost more than the rest of the scan in a file of 80,000 keys.
 */
function valuesOf(entries: readonly FrontmatterEntry[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  // A few entries are stored one by one, the last of a key overwriting its first's place: the fixes scan tens of
  // thousands of single lines per lint, and a key index for each was most of their time.
  if (entries.length <= FEW_ENTRIES) {
    for (const { key, value } of entries) setOwn(values, key, value);
  } else {
    forEachKeyWithItsValue(entries, (key, value) => setOwn(values, key, value));
  }
  return values;
}

const FEW_ENTRIES = 8;

/**
 * As yaml's toJS does: `__proto__` becomes an own property. (Other names on the prototype, `constructor`, are writable
 * data properties there, so storing one creates an own property anyway.)
 */
function setOwn(values: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(values, key, { value, writable: true, enumerable: true, configurable: true });
  else values[key] = value;
}

/**
 * The map, then per entry its pair, key and value node, and a flat list's items (counted only when aliases make the
 * count matter); `undefined` when a value nests maps or lists, whose nodes are left to yaml to count.
 */
function nodesOf(entries: readonly FrontmatterEntry[]): number | undefined {
  let nodes = 1;
  for (const { valueNode, value } of entries) {
    if (valueNode?.kind === 'map') return undefined;
    if (valueNode?.kind === 'seq') {
      if ((value as unknown[]).some((item) => item !== null && typeof item === 'object')) return undefined;
      nodes += valueNode.size ?? 0;
    }
    nodes += 3;
  }
  return nodes;
}

/**
 * The value after `key:`, from just after the colon to the end of its line (or of its block). `anchors` is given where
 * anchors and aliases are read (top-level values only); elsewhere they are left to yaml. `quotesFollow`: the text
 * read is the repaired one, and a line it quotes comes later.
 */
function scanValue(text: string, afterColon: number, end: number, anchors?: Anchors, quotesFollow = false): ScannedValue | KnownYamlError | undefined {
  if (afterColon < end && text.charCodeAt(afterColon) !== SPACE) return undefined;
  let start = afterColon;
  while (start < end && text.charCodeAt(start) === SPACE) start++;
  const first = start < end ? text.charCodeAt(start) : NEWLINE;
  if (first === NEWLINE || first === HASH) return scanEmptyOrIndented(text, start, end, first === HASH);
  if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
    const quoted = scanQuoted(text, start, end);
    if (!quoted) return unclosedQuote(text, start, quotesFollow);
    if (!restIsComment(text, quoted.end, end)) return undefined;
    return { node: QUOTED, value: quoted.value, start, end: quoted.end, next: end + 1 };
  }
  if (first === AMPERSAND && anchors) return scanAnchored(text, start, end, anchors);
  if (first === ASTERISK && anchors) return scanAlias(text, start, end, anchors);
  if (first === 124 /* | */ || first === 62 /* > */) return scanBlockScalar(text, start, end);
  if (first === OPEN_BRACKET) return scanFlowList(text, start, end);
  if (isIndicator(first)) return undefined;
  return scanPlain(text, start, end);
}

/**
 * A last line with no `:` after a map (`k12`, where a file was cut short): yaml's "Implicit map keys need to be followed
 * by map values", over the plain scalar. Only when nothing but blank lines follows (a line after it makes yaml read a
 * key over two lines, another error) and entries came before it (alone, the line is a scalar document).
 */
function keyWithoutValue(text: string, lineStart: number, lineEnd: number, entriesBefore: number): KnownYamlError | undefined {
  if (entriesBefore === 0 || isIndicator(text.charCodeAt(lineStart)) || isDocumentMarker(text, lineStart)) return undefined;
  for (let index = lineEnd; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char !== NEWLINE && char !== SPACE) return undefined;
  }
  const stop = plainLineStop(text, lineStart, lineEnd, false);
  if (stop === -1) return undefined;
  return { firstError: { message: KEY_WITHOUT_VALUE_MESSAGE, start: lineStart, end: withoutTrailingSpaces(text, lineStart, stop) } };
}

const KEY_WITHOUT_VALUE_MESSAGE = 'Implicit map keys need to be followed by map values';

/** `...` or `---` at a line's start: the end or start of a YAML document, not a scalar. */
function isDocumentMarker(text: string, lineStart: number): boolean {
  const marker = text.slice(lineStart, lineStart + 3);
  return marker === '...' || marker === '---';
}

/** A key longer than yaml allows, before a value it would read: yaml's error, on the key. */
function keyTooLong(text: string, keyStart: number, keyEnd: number, end: number): KnownYamlError | undefined {
  if (keyEnd - keyStart <= MAX_IMPLICIT_KEY_LENGTH) return undefined;
  const value = scanValue(text, keyEnd + 1, end);
  if (!value || 'firstError' in value) return undefined;
  return quotedKeyTooLong(keyStart, keyEnd);
}

/** The same for a line the repair pass quoted, whose value (a quoted string) yaml always reads. */
function quotedKeyTooLong(keyStart: number, keyEnd: number): KnownYamlError | undefined {
  if (keyEnd - keyStart <= MAX_IMPLICIT_KEY_LENGTH) return undefined;
  return { firstError: { message: 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key', start: keyStart, end: keyEnd } };
}

/** yaml's message for `key: a: b`, the most common invalid front matter (Claude Code's own generator writes it). */
const COMPACT_MAPPING_MESSAGE = 'Nested mappings are not allowed in compact mappings';

/**
 * When the value after `key:` is a plain scalar whose first line holds a mapping's `:` (followed by a space or ending
 * the line, as in `description: Examples:`) before any comment, yaml's error at its start.
 */
function compactMapping(text: string, afterColon: number, end: number): KnownYamlError | undefined {
  if (text.charCodeAt(afterColon) !== SPACE) return undefined;
  const start = skipSpaces(text, afterColon, end);
  const first = text.charCodeAt(start);
  if (start === end || (isIndicator(first))) return undefined;
  // The plain line's own reading: -1 is exactly a mapping's `:` before any comment.
  return plainLineStop(text, start, end, false) === -1 ? { firstError: { message: COMPACT_MAPPING_MESSAGE, start, end: start + 1 } } : undefined;
}

/**
 * A quote not closed on its line is a multi-line scalar (left to yaml) unless no quote of its kind follows anywhere:
 * then yaml reads to the end of the text and reports the missing quote there. A backslash after a double quote is
 * left to yaml too: an invalid escape is reported before the missing quote. `quotesFollow`: a line the repair pass
 * quotes comes later, with double quotes that are not in `text`.
 */
function unclosedQuote(text: string, start: number, quotesFollow: boolean): KnownYamlError | undefined {
  const quote = text[start];
  if (quote === '"' && quotesFollow) return undefined;
  if (text.indexOf(quote, start + 1) !== -1 || (quote === '"' && text.indexOf('\\', start + 1) !== -1)) return undefined;
  return { firstError: { message: `Missing closing ${quote}quote`, start: text.length, end: text.length + 1 } };
}

/** `&name` before a plain or quoted scalar on the same line (or before nothing: null), remembered for later aliases. */
function scanAnchored(text: string, start: number, end: number, anchors: Anchors): ScannedValue | undefined {
  const nameEnd = anchorNameEnd(text, start + 1, end);
  if (nameEnd === undefined) return undefined;
  const name = text.slice(start + 1, nameEnd);
  const valueStart = skipSpaces(text, nameEnd, end);
  let scanned: ScannedValue | undefined;
  if (valueStart === end) {
    // `key: &name` alone is null, unless an indented line follows, which the top-level loop leaves to yaml.
    scanned = { node: PLAIN, value: null, start: valueStart, end: valueStart, next: end + 1 };
  } else {
    const first = text.charCodeAt(valueStart);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const quoted = scanQuoted(text, valueStart, end);
      scanned = quoted && restIsComment(text, quoted.end, end) ? { node: QUOTED, value: quoted.value, start: valueStart, end: quoted.end, next: end + 1 } : undefined;
    } else if (!isIndicator(first)) {
      scanned = scanPlain(text, valueStart, end);
    }
  }
  if (scanned) (anchors.byName ??= new Map()).set(name, scanned.value);
  return scanned;
}

/** `*name` for a scalar anchored earlier: its value, shared as yaml shares it. */
function scanAlias(text: string, start: number, end: number, anchors: Anchors): ScannedValue | undefined {
  const nameEnd = anchorNameEnd(text, start + 1, end);
  if (nameEnd === undefined || !restIsComment(text, nameEnd, end)) return undefined;
  const name = text.slice(start + 1, nameEnd);
  if (!anchors.byName?.has(name)) return undefined;
  return { node: ALIAS, value: anchors.byName.get(name), start, end: nameEnd, next: end + 1 };
}

/**
 * Where an anchor or alias name ends: letters, digits, `_` and `-` only (yaml allows more, rarely written), followed
 * by a space or the line's end.
 */
function anchorNameEnd(text: string, from: number, end: number): number | undefined {
  let index = from;
  while (index < end && isAnchorCharacter(text.charCodeAt(index))) index++;
  if (index === from || (index < end && text.charCodeAt(index) !== SPACE)) return undefined;
  return index;
}

function isAnchorCharacter(char: number): boolean {
  return (char >= 97 && char <= 122) || (char >= 65 && char <= 90) || (char >= 48 && char <= 57) || char === 95 || char === DASH;
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
  const firstStop = plainLineStop(text, start, end, false);
  if (firstStop === -1) return undefined;
  const firstLineHasComment = firstStop < end;
  let valueEnd = withoutTrailingSpaces(text, start, firstStop);
  let value = text.slice(start, valueEnd);
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
    if (firstLineHasComment || (isIndicator(first))) return undefined;
    const continuationStop = plainLineStop(text, content, lineStop, false);
    if (continuationStop === -1 || continuationStop < lineStop) return undefined;
    valueEnd = withoutTrailingSpaces(text, content, continuationStop);
    value += (blankLines > 0 ? '\n'.repeat(blankLines) : ' ') + text.slice(content, valueEnd);
    blankLines = 0;
    next = lineStop + 1;
    line = lineStop + 1;
  }
  const resolved = resolvePlain(value);
  return resolved === UNRESOLVED ? undefined : { node: PLAIN, value: resolved, start, end: valueEnd, next };
}
