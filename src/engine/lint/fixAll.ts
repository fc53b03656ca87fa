// "Fix all": each diagnostic's preferred fix, once, skipping any fix whose edits overlap one already taken.
import type { Diagnostic, Fix, Position, Range, TextEdit } from '../types';

export function fixAllEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    const fix = diagnostic.fix;
    if (!fix?.isPreferred) continue;
    // The engine repeats a diagnostic once per alternative fix; the same fix must not be applied twice.
    const key = fixKey(fix);
    if (seen.has(key)) continue;
    seen.add(key);
    if (fix.edits.some((edit) => taken.some((other) => overlaps(edit.range, other.range)))) continue;
    taken.push(...fix.edits);
  }
  return taken;
}

function fixKey(fix: Fix): string {
  return JSON.stringify(fix.edits);
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
