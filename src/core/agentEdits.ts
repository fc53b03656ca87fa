// Edits the Agents view makes to an agent file: a new `name` (rename, duplicate) and a new file from answers.
import { quoteYamlString } from './fixes';
import { splitFrontmatter } from './frontmatter';
import { TextPositions } from './textPositions';
import type { TextEdit } from './types';
import { parseFrontmatterYaml } from './yamlFrontmatter';

/** `text` as a YAML scalar: plain when it reads back as the same string, double-quoted otherwise. */
export function yamlScalar(text: string): string {
  const parsed = parseFrontmatterYaml(`value: ${text}\n`);
  const plainWorks = text !== '' && !parsed.failed && !parsed.repaired && parsed.values.value === text && !/[\r\n]/.test(text);
  return plainWorks ? text : quoteYamlString(text);
}

/**
 * The edit that sets an agent's `name`: replaces the value Claude Code reads (the last `name`), or adds the key at the top
 * of the front matter. `undefined` when the file has no front matter to hold it.
 */
export function setNameEdit(text: string, newName: string): TextEdit | undefined {
  const block = splitFrontmatter(text);
  if (!block) return undefined;
  const positions = new TextPositions(text);
  const parsed = parseFrontmatterYaml(block.yamlText);
  const entry = [...parsed.entries].reverse().find((candidate) => candidate.key === 'name');
  const value = yamlScalar(newName);
  if (!entry) {
    const at = positions.rangeOf(block.yamlStart, block.yamlStart);
    return { range: at, newText: `name: ${value}${positions.eol}` };
  }
  if (!entry.valueNode || entry.valueStart === entry.valueEnd) {
    // `name:` with nothing after it: the value goes after the colon, separated by a space.
    const at = Math.max(block.yamlStart + entry.valueEnd, block.yamlStart + entry.keyEnd + 1);
    return { range: positions.rangeOf(at, at), newText: /[ \t]/.test(text[at - 1]) ? value : ` ${value}` };
  }
  return { range: positions.rangeOf(block.yamlStart + entry.valueStart, block.yamlStart + entry.valueEnd), newText: value };
}

/** Applies non-overlapping edits to a text (the last first, so earlier offsets stay valid). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const positions = new TextPositions(text);
  const offsets = edits.map((edit) => ({ start: positions.offsetAt(edit.range.start), end: positions.offsetAt(edit.range.end), newText: edit.newText }));
  let result = text;
  for (const edit of offsets.sort((a, b) => b.start - a.start || b.end - a.end)) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** A name not in `taken`: `base-copy`, then `base-copy-2`, ... */
export function uniqueName(base: string, taken: ReadonlySet<string>, suffix = 'copy'): string {
  let candidate = `${base}-${suffix}`;
  for (let counter = 2; taken.has(candidate); counter++) candidate = `${base}-${suffix}-${counter}`;
  return candidate;
}
