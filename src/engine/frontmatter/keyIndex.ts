// Which top-level entries share a key, worked out once per parsed front matter: the linter's context, the duplicate-key
// check and the unknown-key rule all ask, under every profile. A hostile file holds 80,000 keys, and each of them
// hashing every key into a map of its own was most of its lint time.
import type { FrontmatterEntry } from './model';

export interface KeyIndex {
  /** Each key once, numbered in the order it first appears. */
  readonly numberOf: ReadonlyMap<string, number>;
  /** Per entry (by position), its key's number. */
  readonly keyNumbers: readonly number[];
  /** Per key number, the position of the key's last entry: the one Claude Code uses. */
  readonly lastEntryOfKey: readonly number[];
  /** Per entry, the position of the next entry with the same key, or -1 for the last of its key. */
  readonly nextOfSameKey: readonly number[];
}

const KEY_INDEX = Symbol('keyIndex');

/**
 * Positions, not entries: the repair pass maps the scanner's entries to new objects (offsets in the original text) in
 * the same order, so an index of either array fits both. Cached per array, which parsing never changes, on the array
 * itself and hidden (not enumerable): a weak map holding one entry per parse made the collector's work a quarter of an
 * ordinary lint (its entries are ephemerons, traced apart from everything else).
 */
export function keyIndexOf(entries: readonly FrontmatterEntry[]): KeyIndex {
  return (entries as { [KEY_INDEX]?: KeyIndex })[KEY_INDEX] ?? hidden(entries, KEY_INDEX, buildKeyIndex(entries));
}

/**
 * Each key once, in the order keys first appear, with its last entry's value: the values object's own properties, read
 * without making it.
 */
export function forEachKeyWithItsValue(entries: readonly FrontmatterEntry[], visit: (key: string, value: unknown) => void): void {
  const { keyNumbers, lastEntryOfKey } = keyIndexOf(entries);
  let keysVisited = 0;
  for (let position = 0; position < entries.length; position++) {
    // Keys are numbered as they first appear: a number not visited yet is this key's first entry.
    if (keyNumbers[position] !== keysVisited) continue;
    visit(entries[position].key, entries[lastEntryOfKey[keysVisited++]].value);
  }
}

/** Stores `value` under `symbol` on `holder`, not enumerable, so that comparisons and copies of the holder never see it. */
export function hidden<T>(holder: object, symbol: symbol, value: T): T {
  Object.defineProperty(holder, symbol, { value, writable: true, enumerable: false, configurable: true });
  return value;
}

/**
 * Plain arrays of small integers, filled by pushing: as compact as typed arrays here, and cheaper to make for the
 * handful of keys nearly every file has (three typed arrays per parse were a visible share of an ordinary lint).
 */
function buildKeyIndex(entries: readonly FrontmatterEntry[]): KeyIndex {
  const numberOf = new Map<string, number>();
  const keyNumbers: number[] = [];
  const nextOfSameKey: number[] = [];
  const lastEntryOfKey: number[] = [];
  for (let position = 0; position < entries.length; position++) {
    const key = entries[position].key;
    let number = numberOf.get(key);
    if (number === undefined) {
      number = numberOf.size;
      numberOf.set(key, number);
      lastEntryOfKey.push(position);
    } else {
      nextOfSameKey[lastEntryOfKey[number]] = position;
      lastEntryOfKey[number] = position;
    }
    keyNumbers.push(number);
    nextOfSameKey.push(-1);
  }
  return { numberOf, keyNumbers, lastEntryOfKey, nextOfSameKey };
}
