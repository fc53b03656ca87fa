// What a regular expression's `\s` matches, by character code: readers that scan a megabyte character by character ask
// it of every character, where a pattern per character (or a match per line) made most of their garbage.

/** ECMAScript's white space and line terminators: exactly what `\s` matches and `trim` removes. */
export function isWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
