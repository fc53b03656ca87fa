// Which top-level entries share a key, worked out once per parsed front matter: the linter's context, the duplicate-key
// check and the unknown-key rule all ask, under every profile. A hostile file holds 80,000 keys, and each of them
// hashing every key into a map of its own was most of its lint time.
import type { FrontmatterEntry } from './model';

export interface KeyIndex {
  /** The key's number (keys are numbered in the order they first appear), or `undefined` for a key never set. */
  numberOf(key: string): number | undefined;
  /** Per entry (by position), its key's number. */
  readonly keyNumbers: ArrayLike<number>;
  /** Per key number, the position of the key's last entry: the one Claude Code uses. */
  readonly lastEntryOfKey: ArrayLike<number>;
  /** Per entry, the position of the next entry with the same key, or -1 for the last of its key. */
  readonly nextOfSameKey: ArrayLike<number>;
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
 * Up to this many entries, a key is found by comparing it with each distinct key before it: no hashing at all, which is
 * cheapest for the handful of keys nearly every file has. Past it, an open-addressing table of first positions.
 */
const FEW_ENTRIES = 16;

function buildKeyIndex(entries: readonly FrontmatterEntry[]): KeyIndex {
  return entries.length > FEW_ENTRIES ? indexByTable(entries) : indexByComparison(entries);
}

class EntryKeyIndex implements KeyIndex {
  constructor(
    private readonly entries: readonly FrontmatterEntry[],
    readonly keyNumbers: ArrayLike<number>,
    readonly lastEntryOfKey: ArrayLike<number>,
    readonly nextOfSameKey: ArrayLike<number>,
    /** Per key number, the position of its first entry (where its key's text is); for few entries. */
    private readonly firstEntryOfKey: readonly number[],
    /** The hash table of distinct keys (see `findInTable`); for many entries. */
    private readonly slots: Int32Array | undefined,
  ) {}

  numberOf(key: string): number | undefined {
    if (this.slots) return findInTable(this.slots, this.entries, this.keyNumbers, key, -1);
    for (let number = 0; number < this.firstEntryOfKey.length; number++) {
      if (this.entries[this.firstEntryOfKey[number]].key === key) return number;
    }
    return undefined;
  }
}

/**
 * Plain arrays of small integers, filled by pushing: cheaper to make than typed arrays for the handful of keys nearly
 * every file has (three typed arrays per parse were a visible share of an ordinary lint).
 */
function indexByComparison(entries: readonly FrontmatterEntry[]): KeyIndex {
  const keyNumbers: number[] = [];
  const lastEntryOfKey: number[] = [];
  const nextOfSameKey: number[] = [];
  const firstEntryOfKey: number[] = [];
  const index = new EntryKeyIndex(entries, keyNumbers, lastEntryOfKey, nextOfSameKey, firstEntryOfKey, undefined);
  for (let position = 0; position < entries.length; position++) {
    let number = index.numberOf(entries[position].key);
    if (number === undefined) {
      number = firstEntryOfKey.length;
      firstEntryOfKey.push(position);
      lastEntryOfKey.push(position);
    } else {
      nextOfSameKey[lastEntryOfKey[number]] = position;
      lastEntryOfKey[number] = position;
    }
    keyNumbers.push(number);
    nextOfSameKey.push(-1);
  }
  return index;
}

/**
 * Typed arrays of the entries' count, and a table probed with a hash of the key's characters: a `Map` over 80,000
 * freshly sliced keys (hash, grow, rehash) was a fifth of a hostile file's lint, and arrays grown by pushing were a
 * quarter of its garbage. Arrays this large live outside the young generation, so no collection copies them.
 */
function indexByTable(entries: readonly FrontmatterEntry[]): KeyIndex {
  const count = entries.length;
  const keyNumbers = new Int32Array(count);
  const lastEntryOfKey = new Int32Array(count);
  const nextOfSameKey = new Int32Array(count).fill(-1);
  const slots = new Int32Array(tableSizeFor(count));
  let keys = 0;
  for (let position = 0; position < count; position++) {
    const number = findInTable(slots, entries, keyNumbers, entries[position].key, position);
    if (number === undefined) {
      keyNumbers[position] = keys;
      lastEntryOfKey[keys++] = position;
    } else {
      keyNumbers[position] = number;
      nextOfSameKey[lastEntryOfKey[number]] = position;
      lastEntryOfKey[number] = position;
    }
  }
  return new EntryKeyIndex(entries, keyNumbers, lastEntryOfKey.subarray(0, keys), nextOfSameKey, [], slots);
}

/**
 * Finds `key` in the table; when it is missing and `claimFor` is not -1, claims its empty slot for that position. Each
 * slot is two numbers, the first position + 1 (0 when empty) and the key's hash: comparing two distinct keys' text is
 * a call into the runtime for sliced strings, and comparing hashes first leaves it for the key that matches.
 */
function findInTable(slots: Int32Array, entries: readonly FrontmatterEntry[], keyNumbers: ArrayLike<number>, key: string, claimFor: number): number | undefined {
  const mask = (slots.length >> 1) - 1;
  const hash = hashOf(key);
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const held = slots[slot * 2];
    if (held === 0) {
      if (claimFor !== -1) {
        slots[slot * 2] = claimFor + 1;
        slots[slot * 2 + 1] = hash;
      }
      return undefined;
    }
    if (slots[slot * 2 + 1] === hash && entries[held - 1].key === key) return keyNumbers[held - 1];
  }
}

/**
 * Two numbers per slot, at least twice as many slots as entries, a power of two: probes stay short, and a slot is a mask
 * away.
 */
function tableSizeFor(entries: number): number {
  let slots = 64;
  while (slots < entries * 2) slots *= 2;
  return slots * 2;
}

/**
 * Drawn once per process, as engines seed their own tables: with a hash anyone can compute, a hostile file could hold
 * 80,000 keys made to land in one run of slots, and every key would probe all of them.
 */
const HASH_SEED = Math.floor(Math.random() * 0x100000000) | 0;

/**
 * FNV-1a over the key's UTF-16 units from a seeded start, mixed at the end so that keys differing in their last letters
 * spread.
 */
function hashOf(key: string): number {
  let hash = 0x811c9dc5 ^ HASH_SEED;
  for (let index = 0; index < key.length; index++) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  hash ^= hash >>> 15;
  return Math.imul(hash, 0x2c1b3c6d) ^ (hash >>> 12);
}
