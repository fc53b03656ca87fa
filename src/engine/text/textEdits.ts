// Applying engine edits to text, for the command line, tests and "fix all"; overlapping edits are refused.
import { TextPositions } from './textPositions';
import type { TextEdit } from '../types';

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const positions = new TextPositions(text);
  const resolved = edits
    .map((edit) => ({ start: positions.offsetAt(edit.range.start), end: positions.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let index = 1; index < resolved.length; index++) {
    if (resolved[index].start < resolved[index - 1].end) throw new Error('Overlapping edits cannot be applied together.');
  }
  let result = '';
  let cursor = 0;
  for (const edit of resolved) {
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}
