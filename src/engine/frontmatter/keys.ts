// What a top-level key looks like to the engine's line-based readers (the tolerant cursor, fixes, the block explainer):
// one pattern, so they agree on where a key line starts. (Claude Code's repair pass keeps its own, narrower pattern.)
import { isWhitespace } from '../text/whitespace';

/** Regular-expression source of a key: a letter or `_`, then letters, digits, `_` and `-`. */
export const KEY_SOURCE = '[A-Za-z_][\\w-]*';

/**
 * The key of a top-level `key:` line (`KEY_SOURCE`, a colon, then white space or the line's end), or `undefined`. By
 * character: the fixes ask it of every line, and a match per line was a fifth of their garbage on a megabyte.
 */
export function topLevelKeyOf(line: string): string | undefined {
  if (!isKeyCharacter(line.charCodeAt(0), true)) return undefined;
  let end = 1;
  while (end < line.length && isKeyCharacter(line.charCodeAt(end), false)) end++;
  if (line.charCodeAt(end) !== COLON || (end + 1 < line.length && !isWhitespace(line.charCodeAt(end + 1)))) return undefined;
  return line.slice(0, end);
}

const COLON = 58;

/** `KEY_SOURCE` a character at a time: a letter or `_` first, then also digits and `-`. */
export function isKeyCharacter(char: number, first: boolean): boolean {
  return (char >= 97 && char <= 122) || (char >= 65 && char <= 90) || char === 95 || (!first && ((char >= 48 && char <= 57) || char === 45));
}
