// Offsets <-> zero-based line/character, with VS Code's notion of a line break (\r\n, \n or a lone \r).
import type { Position, Range } from '../types';

/**
 * Line starts are found lazily, only as far as asked: linting a file usually needs positions in its front matter
 * alone, so a long body is never scanned.
 */
export class TextPositions {
  private readonly lineStarts: number[] = [0];
  /** Offset up to which line breaks have been recorded. */
  private scanned = 0;
  /** Offset of the next `\r` at or after `scanned` (the text's length when there is none); -1 before the first search. */
  private nextCarriageReturn = -1;
  /** The same for `\n`: without it a file of CR-only lines searched to its end once per line, in quadratic time. */
  private nextLineFeed = -1;

  constructor(readonly text: string) {}

  get lineCount(): number {
    this.scanTo(this.text.length);
    return this.lineStarts.length;
  }

  /** Whether the text has this line, finding line starts only as far as it; `lineCount` would find them all. */
  hasLine(line: number): boolean {
    this.scanToLine(line);
    return line >= 0 && line < this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    this.scanTo(clamped);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= clamped) low = middle;
      else high = middle - 1;
    }
    // An offset between a `\r` and its `\n` is inside the line break: it is the line's end, never a column past it.
    if (this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13 && clamped - 1 >= this.lineStarts[low]) {
      return { line: low, character: clamped - 1 - this.lineStarts[low] };
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    this.scanToLine(position.line);
    if (position.line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[position.line] + Math.max(0, position.character), this.lineEndOffset(position.line));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }

  lineStartOffset(line: number): number {
    this.scanToLine(line);
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEndOffset(line: number): number {
    this.scanToLine(line + 1);
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStartOffset(line), this.lineEndOffset(line));
  }

  private lineBreak: string | undefined;

  /** The line break this document mostly uses, for edits that add lines (found once: fixes ask for it per line). */
  get eol(): string {
    if (this.lineBreak === undefined) {
      const crlf = this.text.indexOf('\r\n');
      const lf = this.text.indexOf('\n');
      this.lineBreak = crlf !== -1 && crlf < lf ? '\r\n' : '\n';
    }
    return this.lineBreak;
  }

  /** Records line starts until one lies beyond `offset` (so the line holding `offset` is known) or the text ends. */
  private scanTo(offset: number): void {
    const text = this.text;
    const starts = this.lineStarts;
    let index = this.scanned;
    while (index < text.length && starts[starts.length - 1] <= offset) {
      // indexOf, not a loop over characters: several times faster, most of all before the JIT has warmed up.
      if (this.nextCarriageReturn < index) {
        const found = text.indexOf('\r', index);
        this.nextCarriageReturn = found === -1 ? text.length : found;
      }
      if (this.nextLineFeed < index) {
        const found = text.indexOf('\n', index);
        this.nextLineFeed = found === -1 ? text.length : found;
      }
      const lineFeed = this.nextLineFeed;
      if (lineFeed === text.length && this.nextCarriageReturn === text.length) {
        index = text.length;
        break;
      }
      if (this.nextCarriageReturn < lineFeed) {
        index = this.nextCarriageReturn + 1;
        if (text.charCodeAt(index) === 10) index++;
      } else {
        index = lineFeed + 1;
      }
      starts.push(index);
      // A run of blank lines is read character by character: one indexOf per empty line cost most of the time of a
      // file of a million of them.
      while (index <= offset && index < text.length) {
        const code = text.charCodeAt(index);
        if (code === 10) index++;
        else if (code === 13) index += text.charCodeAt(index + 1) === 10 ? 2 : 1;
        else break;
        starts.push(index);
      }
    }
    this.scanned = index;
  }

  /** Records line starts until the start of `line` is known or the text ends. */
  private scanToLine(line: number): void {
    while (this.lineStarts.length <= line && this.scanned < this.text.length) this.scanTo(this.lineStarts[this.lineStarts.length - 1]);
  }
}
