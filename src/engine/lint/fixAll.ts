// "Fix all": each diagnostic's preferred fix, once, skipping any fix whose edits overlap one already taken.
import type { Diagnostic, Position, Range, TextEdit } from '../types';

export function fixAllEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const diagnostic of diagnostics) {
    const fix = diagnostic.fixes?.find((candidate) => candidate.isPreferred);
    // A fix that touches what an earlier one changes (the same fix, offered twice, included) waits for the next run.
    if (!fix || fix.edits.some((edit) => taken.some((other) => overlaps(edit.range, other.range)))) continue;
    taken.push(...fix.edits);
  }
  return taken;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function equal(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

/** Ranges that share any character overlap; so do two insertions (or an insertion and an edge) at the same point. */
export function overlaps(a: Range, b: Range): boolean {
  if (before(a.start, b.end) && before(b.start, a.end)) return true;
  const aEmpty = equal(a.start, a.end);
  const bEmpty = equal(b.start, b.end);
  return (aEmpty || bEmpty) && (equal(a.start, b.start) || equal(a.start, b.end) || equal(a.end, b.start));
}
