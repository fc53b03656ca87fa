// The key index answers by comparison for a few entries and by its own hash table for many; both must answer as a
// plain Map of keys would.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { keyIndexOf } from '../../../../src/engine/frontmatter/keyIndex';
import type { FrontmatterEntry } from '../../../../src/engine/frontmatter/model';

function entriesOf(keys: readonly string[]): FrontmatterEntry[] {
  return keys.map((key, index) => ({ key, keyStart: index, keyEnd: index, valueNode: null, valueStart: index, valueEnd: index, value: null }));
}

/** The index written the plain way, with a Map. */
function indexPlainly(keys: readonly string[]) {
  const numberOf = new Map<string, number>();
  const keyNumbers = keys.map((key) => {
    if (!numberOf.has(key)) numberOf.set(key, numberOf.size);
    return numberOf.get(key)!;
  });
  const lastEntryOfKey = [...numberOf.values()].map((number) => keyNumbers.lastIndexOf(number));
  const nextOfSameKey = keyNumbers.map((number, position) => keyNumbers.indexOf(number, position + 1));
  return { numberOf, keyNumbers, lastEntryOfKey, nextOfSameKey };
}

// Few distinct keys (so that they repeat), keys the prototype has, and keys alike but for their last letters.
const key = fc.oneof(fc.constantFrom('name', 'model', '__proto__', 'constructor', 'toString', '', 'k1', 'k2', 'ka', 'kb', 'é', '名前'), fc.string({ maxLength: 4 }));

describe('keyIndexOf', () => {
  it('numbers keys, finds each key\'s last and next entries, and looks keys up as a Map does, with few entries and many', () => {
    fc.assert(fc.property(fc.array(key, { maxLength: 200 }), fc.array(key, { maxLength: 5 }), (keys, asked) => {
      const index = keyIndexOf(entriesOf(keys));
      const plain = indexPlainly(keys);
      assert.deepEqual(Array.from(index.keyNumbers), plain.keyNumbers);
      assert.deepEqual(Array.from(index.lastEntryOfKey), plain.lastEntryOfKey);
      assert.deepEqual(Array.from(index.nextOfSameKey), plain.nextOfSameKey);
      for (const wanted of [...asked, ...keys.slice(0, 5)]) assert.equal(index.numberOf(wanted), plain.numberOf.get(wanted));
    }), { numRuns: 3000 });
  });

  it('tells 100,000 distinct keys apart, and finds each', () => {
    const keys = Array.from({ length: 100_000 }, (_, number) => `k${number}`);
    const index = keyIndexOf(entriesOf(keys));
    assert.equal(index.lastEntryOfKey.length, keys.length);
    assert.ok(keys.every((wanted, number) => index.numberOf(wanted) === number));
    assert.equal(index.numberOf('k100000'), undefined);
  });
});
