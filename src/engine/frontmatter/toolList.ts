// How Claude Code splits a `tools` string: on commas and spaces, except inside `Tool(...)` parentheses.

export interface ToolEntry {
  /** `null` for a list item that is not a string. */
  name: string | null;
  start: number;
  end: number;
}

export function splitToolList(value: string): string[] {
  const tools: string[] = [];
  let current = '';
  let insideParentheses = false;
  const flush = () => {
    if (current.trim()) tools.push(current.trim());
    current = '';
  };
  for (const char of value) {
    if (char === '(') insideParentheses = true;
    else if (char === ')') insideParentheses = false;
    if ((char === ',' || char === ' ') && !insideParentheses) flush();
    else current += char;
  }
  flush();
  return tools;
}
