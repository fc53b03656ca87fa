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
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

/**
 * The one candidate `name` most likely misspells: equal but for case and separators, else within two edits (one for
 * names of three letters or fewer), as recent Claude Code versions guess. `undefined` when none is close, or two are equally close.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = folded(name);
  const limit = wanted.length > 3 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, folded(candidate));
    if (distance < bestDistance) [best, bestDistance, tied] = [candidate, distance, false];
    else if (distance === bestDistance) tied = true;
  }
  return best !== undefined && bestDistance <= limit && !tied && wanted.length > 1 ? best : undefined;
}
