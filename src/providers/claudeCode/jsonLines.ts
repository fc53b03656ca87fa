// Splits a byte stream of newline-delimited JSON into values, whatever the chunk boundaries.
import { StringDecoder } from 'node:string_decoder';

export class JsonLinesDecoder {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  /** Values of the lines this chunk completes; blank and malformed lines are skipped. */
  push(chunk: Buffer | string): unknown[] {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    const lines = this.pending.split('\n');
    this.pending = lines.pop() ?? '';
    return parseLines(lines);
  }

  /** Values of a last line that had no newline. */
  end(): unknown[] {
    const rest = this.pending + this.decoder.end();
    this.pending = '';
    return parseLines([rest]);
  }
}

function parseLines(lines: string[]): unknown[] {
  const values: unknown[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    try {
      values.push(JSON.parse(trimmed));
    } catch {
      // A line a crash or a debug print left half-written; the events around it still count.
    }
  }
  return values;
}
