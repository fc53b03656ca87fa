// Shared assertion: a fix changes only the bytes its edits cover.
import * as assert from 'node:assert/strict';
import { TextPositions } from '../../src/engine/text/textPositions';
import type { Diagnostic, Fix } from '../../src/engine/types';

/** Bytes before the first edit and after the last one are unchanged; a diagnostic stands for its first fix. */
export function assertOnlyEditedRangesChanged(before: string, after: string, applied: Diagnostic | Fix): void {
  const positions = new TextPositions(before);
  const fix = 'edits' in applied ? applied : applied.fixes![0];
  const offsets = fix.edits.map((edit) => [positions.offsetAt(edit.range.start), positions.offsetAt(edit.range.end)]);
  const first = Math.min(...offsets.map(([start]) => start));
  const last = Math.max(...offsets.map(([, end]) => end));
  assert.equal(after.slice(0, first), before.slice(0, first));
  assert.equal(after.slice(after.length - (before.length - last)), before.slice(last));
}
