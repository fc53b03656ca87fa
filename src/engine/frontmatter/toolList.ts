// How Claude Code splits a `tools` string: on commas and spaces, except inside `Tool(...)` parentheses.
import { isWhitespace } from '../text/whitespace';

export interface ToolEntry {
  /** `null` for a list item that is not a string. */
  name: string | null;
  start: number;
  end: number;
}

export function splitToolList(value: string): string[] {
  // Most values are one name (a YAML list's items): a list of exactly one, where pushing into an empty one reserved room
  // for seventeen, a sixth of the garbage of a lint of a list of 120,000 tools.
  if (isOneName(value)) return [value];
  const tools: string[] = [];
  // Each name is one slice between separators: adding it up a character at a time made a `tools` line of 80,000
  // names mostly garbage to collect.
  let start = 0;
  let insideParentheses = false;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code === 0x28 /* ( */) insideParentheses = true;
    else if (code === 0x29 /* ) */) insideParentheses = false;
    else if ((code === 0x2c /* , */ || code === 0x20 /* space */) && !insideParentheses) {
      pushTrimmed(tools, value, start, index);
      start = index + 1;
    }
  }
  pushTrimmed(tools, value, start, value.length);
  return tools;
}

function pushTrimmed(tools: string[], value: string, start: number, end: number): void {
  if (start === end) return;
  const name = value.slice(start, end).trim();
  if (name) tools.push(name);
}

/** Whether the split gives `value` itself: no separator in it, and nothing for the trim to take from either end. */
function isOneName(value: string): boolean {
  return value.length > 0 && value.indexOf(',') === -1 && value.indexOf(' ') === -1 && !isWhitespace(value.charCodeAt(0)) && !isWhitespace(value.charCodeAt(value.length - 1));
}
