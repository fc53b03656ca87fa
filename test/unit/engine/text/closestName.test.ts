// The did-you-mean guess is tuned for files of 80,000 unknown keys (a fold without copies, candidates bucketed by
// length, bounded distances); it must still give exactly what the plain definition gives.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { closestName, editDistance, folded } from '../../../../src/engine/text/closestName';

const KNOWN = new Set(['name', 'description', 'tools', 'disallowedTools', 'model', 'color', 'permissionMode', 'maxTurns', 'skills', 'hooks', 'mcpServers', 'memory', 'effort']);

function foldedPlainly(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

/** Every candidate's full distance, folded the plain way: the unique nearest within the limit, or none. */
function closestPlainly(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = foldedPlainly(name);
  const limit = wanted.length > 3 ? 2 : 1;
  const distances = [...candidates].map((candidate) => ({ candidate, distance: editDistance(wanted, foldedPlainly(candidate)) }))
    .filter(({ distance }) => distance <= limit);
  const best = Math.min(...distances.map(({ distance }) => distance));
  const nearest = distances.filter(({ distance }) => distance === best);
  return nearest.length === 1 && wanted.length > 1 ? nearest[0].candidate : undefined;
}

/** A known key with a few edits: a swap, a dropped or doubled letter, case, separators, letters from beyond ASCII. */
const nearKnownKey = fc.tuple(fc.constantFrom(...KNOWN), fc.array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'double', 'swap', 'upper', 'dash', 'underscore', 'space', 'é', 'K', '\u00a0')), { maxLength: 3 }))
  .map(([key, edits]) => edits.reduce((word, [at, edit]) => {
    const index = word.length === 0 ? 0 : at % word.length;
    const [before, letter, after] = [word.slice(0, index), word.slice(index, index + 1), word.slice(index + 1)];
    switch (edit) {
      case 'drop': return before + after;
      case 'double': return before + letter + letter + after;
      case 'swap': return before + after.slice(0, 1) + letter + after.slice(1);
      case 'upper': return before + letter.toUpperCase() + after;
      case 'dash': return `${before}-${letter}${after}`;
      case 'underscore': return `${before}_${letter}${after}`;
      case 'space': return `${before} ${letter}${after}`;
      default: return before + edit + after;
    }
  }, key));

describe('closestName', () => {
  it('folds as lowercasing and dropping `-`, `_` and white space do, on 10,000 names', () => {
    fc.assert(fc.property(fc.oneof(nearKnownKey, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 })), (name) => {
      assert.equal(folded(name), foldedPlainly(name));
    }), { numRuns: 10_000 });
  });

  it('guesses what every candidate\'s full edit distance guesses, on 10,000 names near known keys and not', () => {
    fc.assert(fc.property(fc.oneof(nearKnownKey, fc.string({ maxLength: 16 })), (name) => {
      assert.equal(closestName(name, KNOWN), closestPlainly(name, KNOWN));
    }), { numRuns: 10_000 });
  });

  it('finds a name far longer than every candidate near none of them', () => {
    assert.equal(closestName('m'.repeat(100_000), KNOWN), undefined);
  });
});
