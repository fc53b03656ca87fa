// "Did you mean": the known name a misspelt one was meant to be, as a spelling checker would guess it.

/** Edits between two words, a swap of neighbouring letters counting as one (optimal string alignment distance). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

/** Case and `-`/`_` separators aside: `Max_Turns` and `maxTurns` are one key to a reader. */
export function folded(name: string): string {
  // Most names are folded already (lowercase ASCII letters and digits): returned as they are, with no copy. Any
  // character that case or the separators could touch takes the full way.
  for (let index = 0; index < name.length; index++) {
    const code = name.charCodeAt(index);
    if (code <= 32 || (code >= 65 && code <= 90) || code === 45 || code === 95 || code >= 127) return name.toLowerCase().replace(/[-_\s]/g, '');
  }
  return name;
}

/**
 * `editDistance(a, b)` when it is at most `limit`, else `limit + 1`: only the band of cells within `limit` of the
 * diagonal can hold such a distance, so each row costs `2 * limit + 1` cells, in three reused rows.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (lettersApart(a, b) > limit) return limit + 1;
  const over = limit + 1;
  const width = b.length + 1;
  // Three rows reused across calls (the engine runs on one thread): a file of 80,000 unknown keys asks about each
  // against every known key, and three fresh arrays per question were most of that time.
  if (rowBuffers[0].length < width) rowBuffers = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)];
  let beforePrevious = rowBuffers[0];
  let previous = rowBuffers[1];
  let current = rowBuffers[2];
  for (let j = 0; j < width; j++) previous[j] = j <= limit ? j : over;
  for (let i = 1; i <= a.length; i++) {
    current.fill(over, 0, width);
    if (i <= limit) current[0] = i;
    let rowBest = current[0];
    for (let j = Math.max(1, i - limit); j <= Math.min(b.length, i + limit); j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let cell = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) cell = Math.min(cell, beforePrevious[j - 2] + 1);
      current[j] = Math.min(cell, over);
      rowBest = Math.min(rowBest, current[j]);
    }
    if (rowBest > limit) return over;
    const recycled = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = recycled;
  }
  return Math.min(previous[b.length], over);
}

let rowBuffers = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
const letterCounts = new Int32Array(128);

/**
 * A lower bound of the edit distance, in one pass over each word: every edit adds at most one letter the other word
 * lacks and removes at most one (a swap neither), so the letters of one word missing from the other (counted with
 * repeats) need at least that many edits. Most unknown keys are told apart from every known key here, without the table.
 * Words with letters beyond ASCII give 0 (no bound): the table decides.
 */
function lettersApart(a: string, b: string): number {
  let inAOnly = 0;
  let inBOnly = 0;
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    if (code >= 128) { letterCounts.fill(0); return 0; }
    letterCounts[code]++;
  }
  for (let i = 0; i < b.length; i++) {
    const code = b.charCodeAt(i);
    if (code >= 128) { letterCounts.fill(0); return 0; }
    if (letterCounts[code] > 0) letterCounts[code]--;
    else inBOnly++;
  }
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    inAOnly += letterCounts[code];
    letterCounts[code] = 0;
  }
  return Math.max(inAOnly, inBOnly);
}

/** A candidate with its folded form and the letters it holds (see `lettersOf`). */
interface FoldedCandidate {
  name: string;
  folded: string;
  letters: number;
}

/**
 * For each length a wanted name can have, the folded candidates near enough in length to be within its limit; a length
 * past the end has none.
 */
type FoldedCandidates = readonly (readonly FoldedCandidate[])[];

/** Per candidate collection: the same known keys are asked about for every key of every file. */
const foldedCandidates = new WeakMap<object, FoldedCandidates>();

/**
 * The collection asked about last, with its list: a file asks about the same known keys for each of its keys, and a
 * weak-map lookup per question showed in a file of 80,000. Only collections the weak map keeps are remembered here.
 */
let lastAsked: { candidates: object; list: FoldedCandidates } | undefined;

function foldedList(candidates: Iterable<string>): FoldedCandidates {
  if (lastAsked?.candidates === candidates) return lastAsked.list;
  const cached = foldedCandidates.get(candidates as object);
  if (cached) {
    lastAsked = { candidates: candidates as object, list: cached };
    return cached;
  }
  const all = [...candidates].map((name) => {
    const foldedName = folded(name);
    return { name, folded: foldedName, letters: lettersOf(foldedName) };
  });
  const longest = Math.max(0, ...all.map((candidate) => candidate.folded.length));
  const nearLength = Array.from({ length: longest + 3 }, (_, length) =>
    all.filter((candidate) => Math.abs(length - candidate.folded.length) <= limitFor(length)));
  // Only collections that cannot change behind the cache's back: a frozen array or a set the caller keeps fixed.
  if (candidates instanceof Set || (Array.isArray(candidates) && Object.isFrozen(candidates))) foldedCandidates.set(candidates as object, nearLength);
  return nearLength;
}

/** Edits a misspelling may be away from its name: two, or one for names of three letters or fewer. */
function limitFor(length: number): number {
  return length > 3 ? 2 : 1;
}

/**
 * The characters a word holds, as a set of 32 bits (a character's code modulo 32 picks its bit). Each bit one word
 * has and the other lacks stands for a character of the one that is missing from the other, which takes an edit: so
 * the bits apart are a lower bound of the edit distance, found with two masks instead of a pass over both words.
 */
function lettersOf(word: string): number {
  let letters = 0;
  for (let index = 0; index < word.length; index++) letters |= 1 << (word.charCodeAt(index) & 31);
  return letters;
}

/** The bits set in a 32-bit number, counted in parallel (a bit loop per candidate showed in the profile). */
function bitCount(bits: number): number {
  const pairs = bits - ((bits >>> 1) & 0x55555555);
  const nibbles = (pairs & 0x33333333) + ((pairs >>> 2) & 0x33333333);
  return Math.imul((nibbles + (nibbles >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * The one candidate `name` most likely misspells: equal but for case and separators, else within two edits (one for
 * names of three letters or fewer), as recent Claude Code versions guess. `undefined` when none is close, or two are equally close.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = folded(name);
  const limit = limitFor(wanted.length);
  // A candidate further than the limit can neither be the answer nor tie with it, so the cheap bounds (length, then
  // letters) pass over most of them and the others' distance is only bounded: a file of 80,000 unknown keys (or one
  // key of a megabyte, which has no candidate of a near length) stays cheap.
  const near = foldedList(candidates)[wanted.length] ?? [];
  if (near.length === 0) return undefined;
  const wantedLetters = lettersOf(wanted);
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  // By index, and no destructuring: an iterator or an array per call was most of the garbage of 80,000 guesses.
  for (let index = 0; index < near.length; index++) {
    const candidate = near[index];
    if (bitCount(wantedLetters & ~candidate.letters) > limit || bitCount(candidate.letters & ~wantedLetters) > limit) continue;
    const distance = editDistanceWithin(wanted, candidate.folded, limit);
    if (distance > limit) continue;
    if (distance < bestDistance) {
      best = candidate.name;
      bestDistance = distance;
      tied = false;
    } else if (distance === bestDistance) {
      tied = true;
    }
  }
  return best !== undefined && !tied && wanted.length > 1 ? best : undefined;
}
