// How Claude Code splits a `tools` string: on commas and spaces, except inside `Tool(...)` parentheses.

export interface ToolEntry {
  /** `null` for a list item that is not a string. */
  name: string | null;
  start: number;
  end: number;
}

export function splitToolList(value: string): string[] {
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
