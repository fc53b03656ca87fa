// Edits the Agents view makes to an agent file: a new `name` (rename, duplicate) and a new file from answers.
import { yamlScalar } from '../lint/fixes';
import { splitFrontmatter } from '../frontmatter/frontmatter';
import { TextPositions } from '../text/textPositions';
import type { TextEdit } from '../types';
import { parseFrontmatterYaml } from '../frontmatter/yamlFrontmatter';

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

/** A name not in `taken`: `base-copy`, then `base-copy-2`, ... */
export function uniqueName(base: string, taken: ReadonlySet<string>, suffix = 'copy'): string {
  let candidate = `${base}-${suffix}`;
  for (let counter = 2; taken.has(candidate); counter++) candidate = `${base}-${suffix}-${counter}`;
  return candidate;
}

/**
 * The edit that renames the agent where its body introduces it ("You are release-notes."): every whole-word mention of
 * `oldName` in the body's first non-empty line. `undefined` when that line does not mention it.
 */
export function bodyNameEdit(text: string, oldName: string, newName: string): TextEdit | undefined {
  const block = splitFrontmatter(text);
  if (!block || oldName === '' || oldName === newName) return undefined;
  const lineStart = text.slice(block.bodyStart).search(/\S/);
  if (lineStart < 0) return undefined;
  const start = text.lastIndexOf('\n', block.bodyStart + lineStart) + 1;
  const newline = text.slice(start).search(/\r?\n/);
  const end = newline < 0 ? text.length : start + newline;
  const line = text.slice(start, end);
  const escaped = oldName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const mention = new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, 'g');
  if (!mention.test(line)) return undefined;
  const positions = new TextPositions(text);
  return { range: positions.rangeOf(start, end), newText: line.replace(mention, () => newName) };
}
