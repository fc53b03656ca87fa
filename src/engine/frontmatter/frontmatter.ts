// Splitting front matter from body exactly as Claude Code does (the versions of formats/claudeCode/profiles/), and explaining why a block was not found.
// Nothing here evaluates code: a `---js` block is text like any other (gray-matter would run it, so it is not used).
import { createDiagnostic, type RuleMeta } from '../lint/rule';
import { bom, crLineEndings, delimiterInsideValue as delimiterInsideValueMeta, frontmatterLanguage, indentedFrontmatter, leadingBlankLines, malformedDelimiter, unclosedFrontmatter } from '../lint/sharedMetas';
import type { TextPositions } from '../text/textPositions';
import { KEY_SOURCE } from './keys';
import type { Diagnostic, Fix } from '../types';

/**
 * Claude Code's own pattern (no `m` flag): `---` at the first byte, and the block ends at the first `---` anywhere.
 * It is never run: on `---` and a long run of blank lines with no closer it backtracks quadratically (a 1 MiB file took
 * minutes). `splitFrontmatter` finds the same captures in one pass; test/unit/frontmatterSplit.test.ts compares the two.
 */
export const CLAUDE_CODE_FRONTMATTER_PATTERN = /^---\s*\n([\s\S]*?)---\s*\n?/;

export interface FrontmatterBlock {
  /** The YAML text between the delimiters, as Claude Code passes it to its parser. */
  yamlText: string;
  yamlStart: number;
  /** Offset of the closing `---`. */
  closeStart: number;
  bodyStart: number;
}

/**
 * What the pattern captures, in linear time. `\s*\n` is greedy, so the YAML starts after the last `\n` of the
 * whitespace run after the opener; the lazy `[\s\S]*?` ends at the first `---` after that; `\s*\n?` then takes the
 * whole whitespace run after the closer. When no `---` follows, no earlier `\n` of the run can help (the run holds no
 * `-`), which is the failure the pattern spends quadratic time proving. `carriageReturnIsLineFeed` answers for the text
 * with every `\r` made a `\n` (both are whitespace, so only the opener's line break can differ) without copying it.
 * `skipped`: characters the tool drops before matching (a byte-order mark); offsets stay offsets into `text`.
 */
export function splitFrontmatter(text: string, carriageReturnIsLineFeed = false, skipped = 0): FrontmatterBlock | undefined {
  if (!text.startsWith('---', skipped)) return undefined;
  let lastNewline = -1;
  let index = skipped + 3;
  for (; index < text.length && isJavaScriptWhitespace(text.charCodeAt(index)); index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || (carriageReturnIsLineFeed && code === 13)) lastNewline = index;
  }
  if (lastNewline === -1) return undefined;
  const yamlStart = lastNewline + 1;
  const closeStart = text.indexOf('---', yamlStart);
  if (closeStart === -1) return undefined;
  let bodyStart = closeStart + 3;
  while (bodyStart < text.length && isJavaScriptWhitespace(text.charCodeAt(bodyStart))) bodyStart++;
  return { yamlText: text.slice(yamlStart, closeStart), yamlStart, closeStart, bodyStart };
}

/** What `\s` matches in a JavaScript regular expression: WhiteSpace and LineTerminator, BOM included. */
export function isJavaScriptWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** When the closing `---` sits inside a line, Claude Code has cut the front matter short there. */
export function delimiterInsideValue(block: FrontmatterBlock, positions: TextPositions): Diagnostic | undefined {
  const text = positions.text;
  const before = text.charCodeAt(block.closeStart - 1);
  const startsLine = block.closeStart === block.yamlStart || before === 10 || before === 13;
  // The line's end found directly: line positions through the whole front matter are not needed when all is well.
  let lineEnd = block.closeStart + 3;
  while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
  const restOfLine = text.slice(block.closeStart + 3, lineEnd);
  if (startsLine && restOfLine.trim() === '') return undefined;
  const range = positions.rangeOf(block.closeStart, block.closeStart + 3);
  return createDiagnostic(delimiterInsideValueMeta, 'Claude Code ends the front matter at this `---`: the rest of this line and every key after it are ignored.', range,
    startsLine ? undefined : { title: 'Replace `---` with an em dash', edits: [{ range, newText: '\u2014' }], isPreferred: true });
}

const OPENER_WITH_SUFFIX = /^---([A-Za-z][\w-]*)[ \t]*$/;

/**
 * Why Claude Code found no front matter in a file that has none by its rule. `undefined` when the file simply has none,
 * which the caller reports (or not, for a README).
 */
export function explainMissingFrontmatter(positions: TextPositions, skipsOneBom = false): Diagnostic | undefined {
  const text = positions.text;
  const error = (meta: RuleMeta, message: string, start: number, end: number, fix?: Fix): Diagnostic => createDiagnostic(meta, message, positions.rangeOf(start, end), fix);

  const boms = /^\uFEFF*/.exec(text)![0].length;
  if (boms > 0 && splitFrontmatter(text.slice(boms))) {
    const message = skipsOneBom
      ? `This file starts with ${boms} byte-order marks; Claude Code skips one, sees no front matter after the rest and skips this file.`
      : 'A byte-order mark precedes `---`, so Claude Code sees no front matter and skips this file.';
    // Every mark goes: a file without one loads in every version.
    return error(bom, message, 0, Math.min(text.length, boms + 3), {
      title: boms > 1 ? 'Remove the byte-order marks' : 'Remove the byte-order mark', isPreferred: true, edits: [{ range: positions.rangeOf(0, boms), newText: '' }],
    });
  }

  if (!text.includes('\n') && text.includes('\r') && splitFrontmatter(text, true)) {
    return error(crLineEndings, 'This file uses CR-only line breaks; Claude Code needs `\\n` after `---` and skips it.', 0, Math.min(text.length, 3), {
      title: 'Convert line endings to LF', isPreferred: true, edits: [{ range: positions.rangeOf(0, text.length), newText: text.replaceAll('\r', '\n') }],
    });
  }

  const firstContentLine = firstNonBlankLine(positions);
  if (firstContentLine === undefined) return undefined;
  const line = positions.lineText(firstContentLine);
  const lineStart = positions.lineStartOffset(firstContentLine);
  const trimmed = line.trim();
  const looksLikeOpener = trimmed === '---' || OPENER_WITH_SUFFIX.test(trimmed) || /^----+$/.test(trimmed) || /^---\s+\S/.test(trimmed);
  if (!looksLikeOpener) return undefined;

  if (firstContentLine > 0 && line.startsWith('---')) {
    const candidate = text.slice(lineStart);
    return error(leadingBlankLines, 'Blank lines precede `---`; Claude Code only finds front matter at the very start, so it skips this file.', 0, lineStart, splitFrontmatter(candidate)
      ? { title: 'Remove the blank lines before the front matter', isPreferred: true, edits: [{ range: positions.rangeOf(0, lineStart), newText: '' }] }
      : undefined);
  }

  if (line !== trimmed && /^\s+---/.test(line)) {
    return error(indentedFrontmatter, 'The front matter is indented; Claude Code only recognises `---` at the first column, so it skips this file.', lineStart, lineStart + line.length, unindentFix(positions, firstContentLine));
  }

  const suffix = OPENER_WITH_SUFFIX.exec(trimmed);
  if (suffix) {
    const language = suffix[1];
    const executable = /^(js|javascript|coffee|coffeescript)$/i.test(language);
    const message = executable
      ? `A \`---${language}\` block is JavaScript front matter: it is never executed (not by Claude Code, not by Agent Studio), and Claude Code skips this file.`
      : `Claude Code only recognises a bare \`---\`; \`---${language}\` is not an opener, so it skips this file.`;
    const fix = !executable && splitFrontmatter('---' + text.slice(lineStart + line.length))
      ? { title: `Remove the \`${language}\` suffix`, isPreferred: true, edits: [{ range: positions.rangeOf(lineStart, lineStart + line.length), newText: '---' }] }
      : undefined;
    return error(frontmatterLanguage, message, lineStart, lineStart + line.length, fix);
  }

  if (trimmed !== '---') {
    // `--- name: x` holds the first key: it moves to a line of its own instead of being dropped with the suffix.
    const firstKey = FIRST_KEY_ON_OPENER.exec(trimmed)?.[1];
    const newText = firstKey ? `---${positions.eol}${firstKey}` : '---';
    const repaired = newText + text.slice(lineStart + line.length);
    const title = firstKey ? 'Put the first key on its own line after `---`' : 'Replace the first line with `---`';
    return error(malformedDelimiter, 'The first line must be exactly `---`; Claude Code does not recognise this opener and skips the file.', lineStart, lineStart + line.length,
      splitFrontmatter(repaired) ? { title, isPreferred: true, edits: [{ range: positions.rangeOf(lineStart, lineStart + line.length), newText }] } : undefined);
  }

  return error(unclosedFrontmatter, 'The front matter opened here is never closed with `---`, so Claude Code skips this file.', lineStart, lineStart + line.length, closeFrontmatterFix(positions, firstContentLine));
}

/** The line of the first character that is not whitespace (a BOM counts as whitespace, as `trim()` has it). */
function firstNonBlankLine(positions: TextPositions): number | undefined {
  const text = positions.text;
  let index = 0;
  // One pass over the characters: slicing each blank line of a file of a million blank lines was most of its time.
  for (; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13 || code === 32 || code === 9) continue;
    if (!isJavaScriptWhitespace(code)) break;
  }
  return index === text.length ? undefined : positions.positionAt(index).line;
}

const YAML_LINE = new RegExp(`^(${KEY_SOURCE}\\s*:|\\s+\\S|-\\s|#)`);
const FIRST_KEY_ON_OPENER = new RegExp(`^---[ \\t]*(${KEY_SOURCE}:.*)$`);

/** Close an unclosed block after its last line that still looks like YAML (a key, an indented or list line, a comment). */
function closeFrontmatterFix(positions: TextPositions, openerLine: number): Fix | undefined {
  let lastYamlLine = openerLine;
  for (let line = openerLine + 1; positions.hasLine(line); line++) {
    const content = positions.lineText(line);
    if (!YAML_LINE.test(content)) break;
    lastYamlLine = line;
  }
  if (lastYamlLine === openerLine) return undefined;
  const insertAt = positions.lineEndOffset(lastYamlLine);
  const text = positions.text;
  const closer = `${positions.eol}---`;
  if (!hasLoneCarriageReturn(text)) {
    return { title: 'Close the front matter with `---`', isPreferred: true, edits: [{ range: positions.rangeOf(insertAt, insertAt), newText: closer }] };
  }
  // A lone `\r` is no line break to Claude Code (it needs `\n` after `---`), nor to its YAML parser: closing alone would
  // leave the file skipped, so the fix also makes every lone `\r` a `\n`.
  const closed = text.slice(0, insertAt) + closer + text.slice(insertAt);
  const converted = closed.includes('\r\n') ? closed.split('\r\n').map((part) => part.replaceAll('\r', '\n')).join('\r\n') : closed.replaceAll('\r', '\n');
  return { title: 'Close the front matter with `---` and end lines with LF', isPreferred: true, edits: [{ range: positions.rangeOf(0, text.length), newText: converted }] };
}

function hasLoneCarriageReturn(text: string): boolean {
  for (let index = text.indexOf('\r'); index !== -1; index = text.indexOf('\r', index + 1)) {
    if (text.charCodeAt(index + 1) !== 10) return true;
  }
  return false;
}

/** Remove the indentation the opener has from every line of the block, up to and including the closer. */
function unindentFix(positions: TextPositions, openerLine: number): Fix | undefined {
  const indent = /^\s*/.exec(positions.lineText(openerLine))![0];
  const edits = [];
  for (let line = openerLine; positions.hasLine(line); line++) {
    const content = positions.lineText(line);
    if (content.startsWith(indent)) {
      const start = positions.lineStartOffset(line);
      edits.push({ range: positions.rangeOf(start, start + indent.length), newText: '' });
    }
    if (line > openerLine && content.trim() === '---') {
      return { title: 'Remove the indentation of the front matter', isPreferred: true, edits };
    }
  }
  return undefined;
}
