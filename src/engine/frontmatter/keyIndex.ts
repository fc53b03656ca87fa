// Which top-level entries share a key, worked out once per parsed front matter: the linter's context, the duplicate-key
// check and the unknown-key rule all ask, under every profile. A hostile file holds 80,000 keys, and each of them
// hashing every key into a map of its own was most of its lint time.
import type { FrontmatterEntry } from './model';

export interface KeyIndex {
  /** Each key once, numbered in the order it first appears. */
  readonly numberOf: ReadonlyMap<string, number>;
  /** Per entry (by position), its key's number. */
  readonly keyNumbers: Int32Array;
  /** Per key number, the position of the key's last entry: the one Claude Code uses. */
  readonly lastEntryOfKey: Int32Array;
  /** Per entry, the position of the next entry with the same key, or -1 for the last of its key. */
  readonly nextOfSameKey: Int32Array;
}

/**
 * Positions, not entries: the repair pass maps the scanner's entries to new objects (offsets in the original text) in
 * the same order, so an index of either array fits both. Cached per array, which parsing never changes.
 */
const indexes = new WeakMap<readonly FrontmatterEntry[], KeyIndex>();

export function keyIndexOf(entries: readonly FrontmatterEntry[]): KeyIndex {
  let index = indexes.get(entries);
  if (!index) indexes.set(entries, (index = buildKeyIndex(entries)));
  return index;
}

function buildKeyIndex(entries: readonly FrontmatterEntry[]): KeyIndex {
  const numberOf = new Map<string, number>();
  const keyNumbers = new Int32Array(entries.length);
  const nextOfSameKey = new Int32Array(entries.length).fill(-1);
  // Grown as keys appear: most files have a handful of keys, a hostile one as many as entries.
  let lastEntryOfKey = new Int32Array(Math.min(entries.length, 64));
  for (let position = 0; position < entries.length; position++) {
    const key = entries[position].key;
    let number = numberOf.get(key);
    if (number === undefined) {
      number = numberOf.size;
      numberOf.set(key, number);
      if (number === lastEntryOfKey.length) {
        const grown = new Int32Array(Math.min(entries.length, lastEntryOfKey.length * 2));
        grown.set(lastEntryOfKey);
        lastEntryOfKey = grown;
      }
    } else {
      nextOfSameKey[lastEntryOfKey[number]] = position;
    }
    keyNumbers[position] = number;
    lastEntryOfKey[number] = position;
  }
  return { numberOf, keyNumbers, lastEntryOfKey: lastEntryOfKey.subarray(0, numberOf.size), nextOfSameKey };
}
