// The writer must write exactly what joining the pieces writes, across its chunk boundaries, with long stretches
// appended as slices, and with lone surrogates, which a text decoder would replace.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CodeUnitWriter } from '../../../../src/engine/text/codeUnitWriter';

type Step = { kind: 'unit'; code: number } | { kind: 'text'; text: string } | { kind: 'copy' | 'escaped'; start: number; length: number };

const escaped = (text: string) => text.replaceAll('\\', '\\\\').replaceAll('"', '\\"');

describe('CodeUnitWriter', () => {
  // Sources with the characters the writer treats apart (`\`, `"`) and both halves of surrogate pairs, alone.
  // A short run of them repeated to up to 12,000 units: long enough for several chunks and long stretches.
  const unit = fc.constantFrom('a', 'é', '\\', '"', '\ud83d', '\ude00', '\n', ' ', '\ufeff');
  const source = fc.tuple(fc.array(unit, { minLength: 1, maxLength: 16 }), fc.integer({ min: 1, max: 12000 }))
    .map(([units, length]) => units.join('').repeat(Math.ceil(length / units.length)).slice(0, length));
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('unit' as const), code: fc.integer({ min: 0, max: 0xffff }) }),
    fc.record({ kind: fc.constant('text' as const), text: fc.string({ unit: 'binary', maxLength: 20 }) }),
    fc.record({ kind: fc.constantFrom('copy' as const, 'escaped' as const), start: fc.nat(), length: fc.oneof(fc.nat(40), fc.nat(5000)) }),
  );

  it('writes what the pieces joined are, on 500 runs of up to 60 steps', () => {
    fc.assert(fc.property(source, fc.array(step, { maxLength: 60, size: 'max' }), (text, steps) => {
      const writer = new CodeUnitWriter(text);
      let expected = '';
      for (const next of steps) {
        if (next.kind === 'unit') {
          writer.unit(next.code);
          expected += String.fromCharCode(next.code);
        } else if (next.kind === 'text') {
          writer.text(next.text);
          expected += next.text;
        } else {
          const start = next.start % (text.length + 1);
          const end = Math.min(text.length, start + next.length);
          if (next.kind === 'copy') writer.copy(start, end);
          else writer.copyEscapedForDoubleQuotes(start, end);
          expected += next.kind === 'copy' ? text.slice(start, end) : escaped(text.slice(start, end));
        }
      }
      assert.equal(writer.finish(), expected);
    }), { numRuns: 500 });
  });

  it('copies and escapes across the end of a chunk, whatever is already in it', () => {
    const source = 'ab"c\\d\ud800'.repeat(40);
    for (let filled = 4000; filled <= 4096; filled++) {
      for (const [copy, expected] of [['copy', source.slice(3, 203)], ['escaped', escaped(source.slice(3, 203))]] as const) {
        const writer = new CodeUnitWriter(source);
        for (let index = 0; index < filled; index++) writer.unit(120);
        if (copy === 'copy') writer.copy(3, 203);
        else writer.copyEscapedForDoubleQuotes(3, 203);
        assert.equal(writer.finish(), 'x'.repeat(filled) + expected, `${copy} after ${filled}`);
      }
    }
  });

  for (const [what, unit] of [['with lone surrogates', 'ab\ud800c'], ['with pairs', 'a\ud83d\ude00é'], ['without surrogates', 'aé"\u0100'], ['with byte order marks', '\ufeffab\ufeff']]) {
    it(`writes a megabyte unit by unit, past many chunks, ${what}`, () => {
      const text = unit.repeat(1 << 18);
      const writer = new CodeUnitWriter(text);
      for (let index = 0; index < text.length; index++) writer.unit(text.charCodeAt(index));
      assert.equal(writer.finish(), text);
    });
  }
});
