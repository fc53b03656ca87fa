// Building a long string out of many short pieces without a string per piece.

/** Code units gathered before they become a string: small enough for `String.fromCharCode`'s argument list. */
const CHUNK = 4096;
/** Stretches of the source at least this long are appended as slices (which V8 shares, not copies), not by unit. */
const LONG_STRETCH = 256;

/**
 * Writes a string code unit by code unit, and copies stretches of a source text, into a buffer that becomes a string
 * a chunk at a time. Tens of thousands of short pieces (the repaired lines of a megabyte) made as strings and joined
 * were most of the garbage of a lint; this makes one string per 4,096 units. Lone surrogates are kept as they are.
 */
export class CodeUnitWriter {
  private readonly buffer = new Uint16Array(CHUNK);
  private length = 0;
  /** Whether the buffer holds a surrogate, which the decoder would replace when it is alone. */
  private surrogates = false;
  private written = '';

  constructor(private readonly source: string) {}

  /** One code unit. */
  unit(code: number): void {
    if (this.length === CHUNK) this.flush();
    if (code >= FIRST_SURROGATE && code <= LAST_SURROGATE) this.surrogates = true;
    this.buffer[this.length++] = code;
  }

  /** Every unit of `text`. */
  text(text: string): void {
    for (let index = 0; index < text.length; index++) this.unit(text.charCodeAt(index));
  }

  /** The source from `start` to `end`. */
  copy(start: number, end: number): void {
    if (end - start >= LONG_STRETCH) {
      this.flush();
      this.written += this.source.slice(start, end);
      return;
    }
    for (let index = start; index < end; index++) this.unit(this.source.charCodeAt(index));
  }

  /** The source from `start` to `end` with a backslash before each `\` and `"`, as inside double quotes. */
  copyEscapedForDoubleQuotes(start: number, end: number): void {
    for (let index = start; index < end; index++) {
      const code = this.source.charCodeAt(index);
      if (code === BACKSLASH || code === DOUBLE_QUOTE) this.unit(BACKSLASH);
      this.unit(code);
    }
  }

  /** Everything written. */
  finish(): string {
    this.flush();
    return this.written;
  }

  private flush(): void {
    if (this.length === 0) return;
    const units = this.buffer.subarray(0, this.length);
    // The decoder reads the buffer in place; `fromCharCode.apply` copies it into an argument list first (a megabyte
    // written made ten), but keeps a lone surrogate, which the decoder replaces.
    this.written += this.surrogates || !UTF16_DECODER ? String.fromCharCode.apply(null, units as unknown as number[]) : UTF16_DECODER.decode(units);
    this.length = 0;
    this.surrogates = false;
  }
}

const FIRST_SURROGATE = 0xd800;
const LAST_SURROGATE = 0xdfff;
/**
 * A decoder of the buffer's bytes, when they are in its order (little-endian, as on every machine VS Code runs on). It
 * keeps a byte order mark: by default each `decode` would drop one at the start of a chunk, a U+FEFF of the text.
 */
const UTF16_DECODER = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? new TextDecoder('utf-16le', { ignoreBOM: true }) : undefined;

const BACKSLASH = 92;
const DOUBLE_QUOTE = 34;
