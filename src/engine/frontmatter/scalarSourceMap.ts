// A YAML scalar decoded the way a tool reads it (unquoted, unescaped, folded), with the place in the file each decoded
// character comes from. It lets a part of a value (one `<example>` of a one-line `\n`-escaped description) have its own
// range. Callers check the decoding against the YAML parser's value and fall back when they differ: this module knows
// the scalar styles agent files use, not every corner of YAML.

/** Decoded text and, per character (UTF-16 unit), the source offsets it was decoded from: `[starts[i], ends[i])`. */
export interface SourceMappedText {
  text: string;
  starts: number[];
  ends: number[];
}

class MappedTextBuilder {
  private readonly chars: string[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  push(text: string, start: number, end: number): void {
    // An astral character decoded from `\U...` is two units; both come from the same escape.
    for (const unit of text.split('')) {
      this.chars.push(unit);
      this.starts.push(start);
      this.ends.push(end);
    }
  }

  /** Each character of the source between `start` and `end`, as itself. */
  copy(source: string, start: number, end: number): void {
    for (let offset = start; offset < end; offset++) this.push(source[offset], offset, offset + 1);
  }

  build(): SourceMappedText {
    return { text: this.chars.join(''), starts: this.starts, ends: this.ends };
  }
}

interface SourceLine {
  start: number;
  /** Before the line break. */
  end: number;
  /** After the line break (`\r\n`, `\n` or a lone `\r`); `end` on the last line. */
  next: number;
}

function linesOf(source: string, start: number, end: number): SourceLine[] {
  const lines: SourceLine[] = [];
  let lineStart = start;
  for (let offset = start; offset < end; offset++) {
    const code = source.charCodeAt(offset);
    if (code !== 10 && code !== 13) continue;
    const next = code === 13 && source.charCodeAt(offset + 1) === 10 ? offset + 2 : offset + 1;
    lines.push({ start: lineStart, end: offset, next });
    lineStart = next;
    offset = next - 1;
  }
  lines.push({ start: lineStart, end, next: end });
  return lines;
}

const isBlank = (char: string | undefined): boolean => char === ' ' || char === '\t';

/**
 * The scalar written from `start` to `end` of `source` (the value's range, from its first character): double- or
 * single-quoted, `|` or `>` block, or plain. Undefined for what it cannot decode (unknown escapes); tags, anchors and
 * aliases come out as written, which the caller's check against the parsed value rejects.
 */
export function decodeScalarWithSource(source: string, start: number, end: number): SourceMappedText | undefined {
  const first = source[start];
  if (first === '"' || first === "'") {
    if (end - start < 2 || source[end - 1] !== first) return undefined;
    return decodeFlow(source, start + 1, end - 1, first === '"' ? 'double' : 'single');
  }
  // Anything else reads as plain: also a value Claude Code's repair pass quoted (`description: | text`, `& text`).
  if (first === '|' || first === '>') return decodeBlock(source, start, end, first === '>') ?? decodeFlow(source, start, end, 'plain');
  return decodeFlow(source, start, end, 'plain');
}

type FlowStyle = 'plain' | 'single' | 'double';

/**
 * Flow scalars fold alike: a line break between two lines is a space, or n line breaks when n empty lines follow it;
 * whitespace around a break is dropped (in double quotes, `\` before the break joins the lines instead).
 */
function decodeFlow(source: string, start: number, end: number, style: FlowStyle): SourceMappedText | undefined {
  const lines = linesOf(source, start, end);
  const out = new MappedTextBuilder();
  // Breaks since the last line with text: one folds into a space; each further one (an empty line) is a line break.
  let breaks: SourceLine[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const last = index === lines.length - 1;
    let from = line.start;
    if (index > 0) while (from < line.end && isBlank(source[from])) from++;
    let to = line.end;
    let escapedBreak = false;
    if (!last && style === 'double' && endsWithUnescapedBackslash(source, from, to)) {
      escapedBreak = true;
      to--;
    } else if (!last) {
      while (to > from && isBlank(source[to - 1])) to--;
      // `\ ` or `\<TAB>` keeps the blank it escapes.
      if (style === 'double' && to < line.end && endsWithUnescapedBackslash(source, from, to)) to++;
    }
    if (index > 0 && !last && from === to && !escapedBreak) {
      breaks.push(line);
      continue;
    }
    if (breaks.length === 1) out.push(' ', breaks[0].end, breaks[0].next);
    for (const empty of breaks.slice(1)) out.push('\n', empty.end, empty.next);
    breaks = [];
    if (style === 'double') {
      if (!copyEscaped(source, from, to, out)) return undefined;
    } else if (style === 'single') {
      copySingleQuoted(source, from, to, out);
    } else {
      out.copy(source, from, to);
    }
    if (!last && !escapedBreak) breaks.push(line);
  }
  return out.build();
}

function endsWithUnescapedBackslash(source: string, from: number, to: number): boolean {
  let count = 0;
  while (to - count - 1 >= from && source[to - count - 1] === '\\') count++;
  return count % 2 === 1;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ',
  '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPE_LENGTHS: Record<string, number> = { x: 2, u: 4, U: 8 };

function copyEscaped(source: string, from: number, to: number, out: MappedTextBuilder): boolean {
  for (let offset = from; offset < to; offset++) {
    if (source[offset] !== '\\') {
      out.push(source[offset], offset, offset + 1);
      continue;
    }
    const letter = source[offset + 1];
    const simple = SIMPLE_ESCAPES[letter];
    if (simple !== undefined) {
      out.push(simple, offset, offset + 2);
      offset++;
      continue;
    }
    const length = HEX_ESCAPE_LENGTHS[letter];
    const hex = length ? source.slice(offset + 2, offset + 2 + length) : '';
    if (!length || !/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== length) return false;
    const codePoint = parseInt(hex, 16);
    if (codePoint > 0x10ffff) return false;
    out.push(String.fromCodePoint(codePoint), offset, offset + 2 + length);
    offset += 1 + length;
  }
  return true;
}

function copySingleQuoted(source: string, from: number, to: number, out: MappedTextBuilder): void {
  for (let offset = from; offset < to; offset++) {
    if (source[offset] === "'" && source[offset + 1] === "'") {
      out.push("'", offset, offset + 2);
      offset++;
    } else {
      out.push(source[offset], offset, offset + 1);
    }
  }
}

/**
 * `|` keeps each line; `>` folds a break between two lines that do not start with a blank into a space (or into the
 * empty lines between them). The content is indented as the first non-empty line, or as the header's digit says.
 */
function decodeBlock(source: string, start: number, end: number, folded: boolean): SourceMappedText | undefined {
  const lines = linesOf(source, start, end);
  const header = /^[|>](?:([1-9])?([+-])?|([+-])([1-9]))[ \t]*(?:#.*)?$/.exec(source.slice(lines[0].start, lines[0].end));
  if (!header || lines.length < 2) return undefined;
  const chomping = header[2] ?? header[3] ?? '';
  const explicitIndent = header[1] ?? header[4];
  const content = lines.slice(1);
  const indentOf = (line: SourceLine): number => {
    let offset = line.start;
    while (offset < line.end && source[offset] === ' ') offset++;
    return offset - line.start;
  };
  const firstText = content.find((line) => indentOf(line) < line.end - line.start);
  if (!firstText) return undefined;
  const indent = explicitIndent ? Number(explicitIndent) : indentOf(firstText);
  if (indent === 0) return undefined;

  const out = new MappedTextBuilder();
  let lastTextLine = -1;
  let previousMoreIndented = true;
  let pendingBreaks: SourceLine[] = [];
  for (let index = 0; index < content.length; index++) {
    const line = content[index];
    const spaces = indentOf(line);
    const empty = spaces >= line.end - line.start && spaces <= indent;
    if (empty) {
      pendingBreaks.push(line);
      continue;
    }
    if (spaces < indent) return undefined;
    const from = line.start + indent;
    const moreIndented = isBlank(source[from]);
    if (lastTextLine >= 0) {
      const previous = content[lastTextLine];
      if (folded && !previousMoreIndented && !moreIndented) {
        if (pendingBreaks.length === 0) out.push(' ', previous.end, previous.next);
      } else {
        out.push('\n', previous.end, previous.next);
      }
    }
    for (const emptyLine of pendingBreaks) out.push('\n', emptyLine.end, emptyLine.next);
    pendingBreaks = [];
    out.copy(source, from, line.end);
    lastTextLine = index;
    previousMoreIndented = moreIndented;
  }
  const lastLine = content[lastTextLine];
  if (chomping !== '-' && lastLine.next > lastLine.end) out.push('\n', lastLine.end, lastLine.next);
  if (chomping === '+') for (const emptyLine of pendingBreaks) if (emptyLine.next > emptyLine.end) out.push('\n', emptyLine.end, emptyLine.next);
  return out.build();
}

/**
 * Claude Code turns the two characters `\n` of a description into a line break (so a plain one-line value can hold
 * examples); the break comes from both.
 */
export function withEscapedLineBreaksDecoded(mapped: SourceMappedText): SourceMappedText {
  const out = new MappedTextBuilder();
  for (let index = 0; index < mapped.text.length; index++) {
    if (mapped.text[index] === '\\' && mapped.text[index + 1] === 'n') {
      out.push('\n', mapped.starts[index], mapped.ends[index + 1]);
      index++;
    } else {
      out.push(mapped.text[index], mapped.starts[index], mapped.ends[index]);
    }
  }
  return out.build();
}
