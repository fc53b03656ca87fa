// The scalar pieces of the fast front matter scanner: one line of a plain scalar, quoted scalars, the core schema's
// reading of plain text, and the character tests they share. Each answers `undefined` (or `UNRESOLVED`) where it is unsure.

/** yaml's core-schema number forms (int, octal, hex, float, .inf, .nan) in one pattern; only simple integers are resolved here. */
const CORE_NUMBER = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
const SIMPLE_INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;
const HEX_DIGITS = /^[0-9a-fA-F]+$/;
/** Keys the core schema reads as null or a boolean, which would not stay the key's own text. */
const NON_STRING_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;

/**
 * Whether the core schema reads the key as null or a boolean. The pattern is tried only on a key starting as those do:
 * the scanner asks this of every key, and a pattern per key of 100,000 showed.
 */
export function isNonStringKey(key: string): boolean {
  const first = key.charCodeAt(0);
  const mayBe = first === 110 || first === 78 || first === 116 || first === 84 || first === 102 || first === 70;
  return mayBe && NON_STRING_KEY.test(key);
}
/** yaml accepts implicit keys up to 1024 characters; well below that nothing can go wrong. */
export const MAX_KEY_LENGTH = 1000;

export const NEWLINE = 10;
export const SPACE = 32;
export const HASH = 35;
export const COLON = 58;
export const DOUBLE_QUOTE = 34;
export const SINGLE_QUOTE = 39;
export const DASH = 45;
export const AMPERSAND = 38;
export const COMMA = 44;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** Characters that may not start a plain scalar here (YAML indicators, kept strict: `-x` and `:x` go to the full parser). */
const INDICATOR = new Uint8Array(128);
for (const char of '-?:,[]{}#&*!|>\'"%@`') INDICATOR[char.charCodeAt(0)] = 1;

export function isIndicator(char: number): boolean {
  return char < 128 && INDICATOR[char] === 1;
}

const DOUBLE_QUOTED_ESCAPES: Record<string, string> = Object.assign(Object.create(null), {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0',
  L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
});

/** A plain scalar the core schema reads as a number form this scanner does not resolve. */
export const UNRESOLVED = Symbol('unresolved');

/** Lines up to this long are searched a character at a time; longer ones with `indexOf` on a slice. */
const SHORT_LINE = 80;

/**
 * Where one line of a plain scalar stops: at a ` #` comment or the line's end (in a flow list, at its `,` or `]`);
 * -1 where yaml reads more than a scalar (`: ` before any comment, a final `:`; in a flow list, an indicator). A
 * number, not an object: the scanner asks this of every line, and a megabyte has 100,000 of them. Outside a flow
 * list, a stop before `end` is a comment.
 */
export function plainLineStop(text: string, start: number, end: number, inFlow: boolean): number {
  if (inFlow) {
    let stop = start;
    for (; stop < end; stop++) {
      const char = text.charCodeAt(stop);
      if (char === COMMA || char === CLOSE_BRACKET) break;
      if (char === OPEN_BRACKET || char === OPEN_BRACE || char === CLOSE_BRACE || char === DOUBLE_QUOTE || char === SINGLE_QUOTE || char === HASH) return -1;
      if (char === COLON) {
        const after = stop + 1 < end ? text.charCodeAt(stop + 1) : SPACE;
        if (after === SPACE || after === COMMA || after === OPEN_BRACKET || after === CLOSE_BRACKET || after === OPEN_BRACE || after === CLOSE_BRACE) return -1;
      }
    }
    return stop;
  }
  let stop = end;
  if (end - start <= SHORT_LINE) {
    // A short line by character: a slice of fewer than 13 characters is a copy, one per key of a megabyte of them.
    for (let index = start; index + 1 < end; index++) {
      const char = text.charCodeAt(index);
      if (char === SPACE && text.charCodeAt(index + 1) === HASH) {
        stop = index;
        break;
      }
      if (char === COLON && text.charCodeAt(index + 1) === SPACE) return -1;
    }
  } else {
    // Searching a slice keeps each search within the line (a slice of a long string is not a copy).
    const line = text.slice(start, end);
    const hash = line.indexOf(' #');
    if (hash !== -1) stop = start + hash;
    const colon = line.indexOf(': ');
    if (colon !== -1 && start + colon < stop) return -1;
  }
  return stop === end && text.charCodeAt(end - 1) === COLON ? -1 : stop;
}

/** Where the scalar's text ends: `stop` with the spaces before it left out. */
export function withoutTrailingSpaces(text: string, start: number, stop: number): number {
  let end = stop;
  while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
  return end;
}

/** Where a one-line plain scalar's text ends, before trailing spaces and a ` #` comment; -1 as for `plainLineStop`. */
export function plainValueEnd(text: string, start: number, end: number): number {
  const stop = plainLineStop(text, start, end, false);
  return stop === -1 ? -1 : withoutTrailingSpaces(text, start, stop);
}

/** The core schema's reading of a plain scalar; `UNRESOLVED` for number forms this scanner leaves to yaml. */
export function resolvePlain(source: string): unknown {
  switch (source) {
    case '~': case 'null': case 'Null': case 'NULL': return null;
    case 'true': case 'True': case 'TRUE': return true;
    case 'false': case 'False': case 'FALSE': return false;
  }
  const first = source.charCodeAt(0);
  const mayBeNumber = (first >= 48 && first <= 57) || first === 46 || first === 43 || first === DASH;
  if (!mayBeNumber || !CORE_NUMBER.test(source)) return source;
  return SIMPLE_INTEGER.test(source) ? Number(source) : UNRESOLVED;
}

/** A one-line quoted scalar; `end` is after its closing quote. */
export function scanQuoted(text: string, start: number, end: number): { value: string; end: number } | undefined {
  if (end - start <= SHORT_LINE) {
    const simple = simpleQuotedEnd(text, start, end);
    if (simple !== -1) return { value: text.slice(start + 1, simple - 1), end: simple };
  }
  // Searched with indexOf within the line (a slice of a long string is not a copy): descriptions run to kilobytes.
  const line = text.slice(start, end);
  const quote = line[0];
  let value = '';
  let chunk = 1;
  let close = -1;
  for (;;) {
    if (close < chunk) close = line.indexOf(quote, chunk);
    if (close === -1) return undefined;
    if (quote === "'") {
      if (line.charCodeAt(close + 1) !== SINGLE_QUOTE) return { value: value + line.slice(chunk, close), end: start + close + 1 };
      value += line.slice(chunk, close + 1);
      chunk = close + 2;
      continue;
    }
    const backslash = line.indexOf('\\', chunk);
    if (backslash === -1 || backslash > close) return { value: value + line.slice(chunk, close), end: start + close + 1 };
    value += line.slice(chunk, backslash);
    const escape = line[backslash + 1];
    if (escape === undefined) return undefined;
    const simple = DOUBLE_QUOTED_ESCAPES[escape];
    if (simple !== undefined) {
      value += simple;
      chunk = backslash + 2;
      continue;
    }
    const length = escape === 'x' ? 2 : escape === 'u' ? 4 : escape === 'U' ? 8 : 0;
    const digits = line.slice(backslash + 2, backslash + 2 + length);
    if (length === 0 || digits.length !== length || !HEX_DIGITS.test(digits)) return undefined;
    const code = parseInt(digits, 16);
    if (code > 0x10ffff) return undefined;
    value += String.fromCodePoint(code);
    chunk = backslash + 2 + length;
  }
}

/**
 * Where a short quoted scalar with nothing to unescape ends (after its closing quote), found by character without
 * slicing the line: a slice under 13 characters is a copy, and a megabyte of `key: "a: b"` lines has 80,000. -1 when
 * there is something to unescape (a backslash, a doubled single quote) or no closing quote: the full reading decides.
 */
function simpleQuotedEnd(text: string, start: number, end: number): number {
  const quote = text.charCodeAt(start);
  for (let index = start + 1; index < end; index++) {
    const char = text.charCodeAt(index);
    if (char === quote) return quote === SINGLE_QUOTE && text.charCodeAt(index + 1) === SINGLE_QUOTE && index + 1 < end ? -1 : index + 1;
    if (char === BACKSLASH && quote === DOUBLE_QUOTE) return -1;
  }
  return -1;
}

const BACKSLASH = 92;

export function restIsComment(text: string, from: number, end: number): boolean {
  let index = from;
  while (index < end && text.charCodeAt(index) === SPACE) index++;
  return index === end || (text.charCodeAt(index) === HASH && index > from);
}

export function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline;
}

export function isBlank(text: string, from: number, end: number): boolean {
  for (let index = from; index < end; index++) if (text.charCodeAt(index) !== SPACE) return false;
  return true;
}

export function skipSpaces(text: string, from: number, end: number): number {
  let index = from;
  while (index < end && text.charCodeAt(index) === SPACE) index++;
  return index;
}

// The characters of a simple key: the grammar the line readers share (`KEY_SOURCE`), a character at a time.
export { isKeyCharacter } from './keys';
