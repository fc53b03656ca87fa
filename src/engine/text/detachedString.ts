// Strings kept for long (a catalog's agent names and descriptions) must not keep the whole file's text alive.

/**
 * A copy of `text` that does not share memory with the string it was cut from. V8 represents `slice` results of 13 or
 * more characters as views into the original, so one agent name kept in the catalog kept its whole file in memory:
 * 72 MB for a catalog of 10,000 agents, 2 MB with copies. Concatenating and slicing forces a fresh flat string.
 */
export function detachedString(text: string): string {
  // Shorter slices are copies already (a list of 80,000 tool names is mostly such).
  if (text.length < 13) return text;
  return (' ' + text).slice(1);
}
