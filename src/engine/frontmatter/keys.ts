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
  const first = line.charCodeAt(0);
  if (!(isLetter(first) || first === UNDERSCORE)) return undefined;
  let end = 1;
  while (end < line.length && isKeyCharacter(line.charCodeAt(end))) end++;
  if (line.charCodeAt(end) !== COLON || (end + 1 < line.length && !isWhitespace(line.charCodeAt(end + 1)))) return undefined;
  return line.slice(0, end);
}

const COLON = 58;
const UNDERSCORE = 95;

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** After the first: `\w` (letters, digits, `_`) and `-`. */
function isKeyCharacter(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 57) || code === UNDERSCORE || code === 45;
}
