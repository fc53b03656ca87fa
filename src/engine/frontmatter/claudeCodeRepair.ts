// Claude Code's repair pass over front matter that does not parse, and mapping offsets in the repaired text back to
// the original (the repair changes lines, never their count).
import type { FrontmatterEntry, RepairedLine } from './model';
import { isFlowList } from './yamlDocument';

/** Maps an offset in the repaired text to the same line of the original, clamped to that line's end (never its break). */
export function offsetMapper(parsedText: string, originalText: string): (offset: number) => number {
  const parsedStarts = lineStarts(parsedText);
  const originalStarts = lineStarts(originalText);
  return (offset) => {
    let line = 0;
    let high = parsedStarts.length - 1;
    while (line < high) {
      const middle = (line + high + 1) >> 1;
      if (parsedStarts[middle] <= offset) line = middle;
      else high = middle - 1;
    }
    const column = offset - parsedStarts[line];
    const originalStart = originalStarts[Math.min(line, originalStarts.length - 1)];
    const originalEnd = line + 1 < originalStarts.length ? originalStarts[line + 1] - 1 : originalText.length;
    return Math.min(originalStart + column, originalEnd);
  };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

export function mapEntry(entry: FrontmatterEntry, mapOffset: (offset: number) => number): FrontmatterEntry {
  const node = entry.valueNode;
  const items = node?.items?.map((item) => ({ ...item, start: mapOffset(item.start), end: mapOffset(item.end) }));
  return {
    ...entry,
    keyStart: mapOffset(entry.keyStart), keyEnd: mapOffset(entry.keyEnd), valueStart: mapOffset(entry.valueStart), valueEnd: mapOffset(entry.valueEnd),
    valueNode: node && items ? { ...node, items } : node,
  };
}

// Claude Code's repair pass (its function `n2d`): a top-level `key: value` line whose unquoted value holds a YAML
// indicator or `: ` is rewritten as a double-quoted string; then leading tabs become two spaces each.
const NEEDS_QUOTING = /[{}[\]*&#!|>%@`]|: /;

const KEY_AND_COLON = /^[a-zA-Z_-]+:/;
/** What `.` does not match (a line never holds `\n`). */
const LINE_TERMINATOR = /[\r\u2028\u2029]/;

/**
 * What Claude Code's `/^([a-zA-Z_-]+):\s+(.+)$/` captures from a line, found in linear time: the pattern itself
 * backtracks quadratically on a long run of spaces before a `\r`, which every line of a CRLF file ends with.
 */
export function matchRepairableLine(line: string): { key: string; value: string } | undefined {
  const keyAndColon = KEY_AND_COLON.exec(line)?.[0];
  if (!keyAndColon) return undefined;
  const rest = line.slice(keyAndColon.length);
  // `\s+` is greedy and trimStart() removes exactly what `\s` matches; when nothing is left, `\s+` gives its last
  // character back to `.+`.
  let value = rest.trimStart();
  if (value.length === rest.length) return undefined;
  if (value === '') value = rest.length >= 2 ? rest.slice(-1) : '';
  if (value === '' || LINE_TERMINATOR.test(value)) return undefined;
  return { key: keyAndColon.slice(0, -1), value };
}

export function repairLikeClaudeCode(yamlText: string): { text: string; lines: RepairedLine[] } {
  const lines = yamlText.split('\n');
  const repaired: RepairedLine[] = [];
  let offset = 0;
  const output = lines.map((line, index) => {
    const lineStart = offset;
    offset += line.length + 1;
    const match = matchRepairableLine(line);
    let result = line;
    if (match) {
      const { key, value } = match;
      const quoted = (value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"));
      if (!quoted && !isFlowList(value) && NEEDS_QUOTING.test(value)) {
        result = `${key}: "${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
      }
    }
    const untabbed = result.replace(/^\t+/, (tabs) => '  '.repeat(tabs.length));
    if (untabbed !== line) repaired.push({ line: index, start: lineStart, end: lineStart + line.length, replacement: untabbed });
    return untabbed;
  });
  return { text: output.join('\n'), lines: repaired };
}

