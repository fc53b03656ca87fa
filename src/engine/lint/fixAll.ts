// "Fix all": each diagnostic's preferred fix, once, skipping any fix whose edits overlap one already taken.
import type { Diagnostic, Position, Range, TextEdit } from '../types';

export function fixAllEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  const taken: TextEdit[] = [];
  // The same edits ordered by start, so each fix is checked against its neighbours only: checking every taken edit
  // made Fix All quadratic (a file of 58,000 repaired lines did not finish in a minute).
  const byStart: TextEdit[] = [];
  for (const diagnostic of diagnostics) {
    const fix = diagnostic.fixes?.find((candidate) => candidate.isPreferred);
    // A fix that touches what an earlier one changes (the same fix, offered twice, included) waits for the next run.
    if (!fix || fix.edits.some((edit) => overlapsAnyTaken(edit, byStart))) continue;
    taken.push(...fix.edits);
    for (const edit of fix.edits) byStart.splice(firstStartingAfter(byStart, edit.range.start), 0, edit);
  }
  return taken;
}

/** Where an edit starting at `position` goes in the list ordered by start. */
function firstStartingAfter(byStart: readonly TextEdit[], position: Position): number {
  let low = 0;
  let high = byStart.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (before(position, byStart[middle].range.start)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Index of the first edit (by start; taken edits never overlap, so also by end) that ends at or after `position`. */
function firstEndingAtOrAfter(byStart: readonly TextEdit[], position: Position): number {
  let low = 0;
  let high = byStart.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (before(byStart[middle].range.end, position)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Taken edits do not overlap each other, so only those ending at or after this edit's start can touch it. */
function overlapsAnyTaken(edit: TextEdit, byStart: readonly TextEdit[]): boolean {
  for (let index = firstEndingAtOrAfter(byStart, edit.range.start); index < byStart.length; index++) {
    const other = byStart[index].range;
    if (before(edit.range.end, other.start)) return false;
    if (overlaps(edit.range, other)) return true;
  }
  return false;
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
