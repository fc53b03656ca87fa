// TextPositions finds line starts lazily; whatever is asked in whatever order, it must answer as a full scan would.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextPositions } from '../../../../src/engine/text/textPositions';

/** VS Code's line breaks (\r\n, \n, a lone \r), found in one pass: the reference. */
function eagerLineStarts(text: string): number[] {
  const starts = [0];
  for (let offset = 0; offset < text.length; offset++) {
    const char = text.charCodeAt(offset);
    if (char === 13 && text.charCodeAt(offset + 1) === 10) offset++;
    if (char === 13 || char === 10) starts.push(offset + 1);
  }
  return starts;
}

type Query = [kind: number, argument: number];

function ask(positions: TextPositions, [kind, argument]: Query): unknown {
  switch (kind) {
    case 0: return positions.positionAt(argument);
    case 1: return positions.offsetAt({ line: argument, character: 2 });
    case 2: return positions.lineStartOffset(argument);
    case 3: return positions.lineEndOffset(argument);
    case 4: return positions.lineText(argument);
    default: return positions.lineCount;
  }
}

describe('TextPositions', () => {
  it('answers lazily exactly as after a full scan, for 10,000 texts and query orders', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r'), maxLength: 40 });
    const queries = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: -2, max: 45 })), { maxLength: 8 });
    fc.assert(fc.property(text, queries, (content, asked) => {
      const lazy = new TextPositions(content);
      const scanned = new TextPositions(content);
      assert.equal(scanned.lineCount, eagerLineStarts(content).length);
      for (const query of asked) assert.deepEqual(ask(lazy, query), ask(scanned, query), `${JSON.stringify(content)} ${query}`);
    }), { numRuns: 10_000 });
  });
});
