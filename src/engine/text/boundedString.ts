// JavaScript's String(value) for front matter values, cut at a length. Claude Code applies String() to some values
// (`parseInt(String(maxTurns))`), so the rules must too; but an alias bomb is a list that refers to itself billions of
// times over, and String() of it would never finish.

/** `String(value)`, or its first `maxLength` characters when it is longer, without building the rest. */
export function boundedString(value: unknown, maxLength = 200): string {
  const parts: string[] = [];
  let length = 0;
  const append = (text: string): boolean => {
    parts.push(text.slice(0, maxLength - length));
    length += Math.min(text.length, maxLength - length);
    return length < maxLength;
  };
  const visit = (item: unknown): boolean => {
    if (!Array.isArray(item)) return append(stringOf(item));
    // Array.prototype.join: items separated by commas, null and undefined as empty.
    for (let index = 0; index < item.length; index++) {
      if (index > 0 && !append(',')) return false;
      const element: unknown = item[index];
      if (element !== null && element !== undefined && !visit(element)) return false;
    }
    return true;
  };
  visit(value);
  return parts.join('');
}

/**
 * `String(item)`; a map with a `toString` or `valueOf` key (a string, not a function) makes String() throw, and the
 * engine must not: such a map reads as any other map does. What Claude Code does then is not measured.
 */
export function stringOf(item: unknown): string {
  try {
    return String(item);
  } catch {
    return '[object Object]';
  }
}

/** A value as a message shows it: `` `key: value` `` for a short scalar, `` `key` (a list) `` otherwise. */
export function shownEntry(key: string, value: unknown): string {
  if (Array.isArray(value)) return `\`${key}\` (a list)`;
  if (value !== null && typeof value === 'object') return `\`${key}\` (a map)`;
  const text = boundedString(value, 61);
  return `\`${key}: ${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``;
}
