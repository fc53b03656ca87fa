// Parsing front matter YAML the way Claude Code does, as its profiles record (Bun.YAML: YAML 1.2 core schema, duplicate keys allowed,
// merge keys, no alias limit, and one repair pass on failure), while keeping every key's and value's source range.
// Simple front matter (nearly all of it) takes a fast path that never builds a YAML document.
import { mapEntryInPlace, offsetMapper, repairedLinesOf, repairLikeClaudeCode } from './claudeCodeRepair';
import type { FrontmatterEntry, ParsedFrontmatter, RepairedLine, RepairedLines, YamlProblem } from './model';
import { scanSimpleFrontmatter, type ScannedFrontmatter } from './simpleFrontmatterScanner';
import { HASH, skipSpaces, SPACE } from './simpleYamlScalars';
import { attempt, describe, MAX_ALIAS_RESOLUTION_WORK } from './yamlDocument';

/** Real front matter nests two or three levels; a hundred is already hostile, and `yaml` is quick up to there. */
export const MAX_NESTING = 100;

/**
 * Whether `[`/`{` ever nest deeper than `MAX_NESTING`, counted over the whole text whatever quotes it holds: a
 * cheap upper bound, exceeded only by text no person writes.
 */
export function flowNestingTooDeep(text: string): boolean {
  // Most texts hold no bracket at all: two searches of native speed answer for them.
  if (text.indexOf('[') === -1 && text.indexOf('{') === -1) return false;
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 91 || code === 123) {
      if (++depth > MAX_NESTING) return true;
    } else if ((code === 93 || code === 125) && depth > 0) {
      depth--;
    }
  }
  return false;
}

/**
 * Whether block collections may nest deeper than `MAX_NESTING`: each line indented deeper than the lines it follows
 * opens a level (a stack of indentations), and each `- ` or `? ` before a line's content opens one more (`- - - x`).
 * The lines of a `|` or `>` block are its text, not levels. An upper bound in one pass: `yaml` reads block collections
 * by recursion, and a few thousand levels (a few kilobytes of `- - -`) exhaust the stack, an error whose place in the
 * text then depends on how deep the caller already was.
 */
export function blockNestingTooDeep(text: string): boolean {
  // The lines still open, each with its indentation and how deep its collections reach (the top-level map is 0).
  const indents: number[] = [];
  const depths: number[] = [];
  // The indentation of the line that opened a `|` or `>` block, while the lines after it are its text; else -1.
  let blockScalarIndent = -1;
  for (let lineStart = 0; lineStart < text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const content = skipSpaces(text, lineStart, lineEnd);
    const indent = content - lineStart;
    const blank = content === lineEnd || text.charCodeAt(content) === CARRIAGE_RETURN;
    if (!blank && !(blockScalarIndent !== -1 && indent > blockScalarIndent)) {
      blockScalarIndent = -1;
      if (text.charCodeAt(content) !== HASH) {
        while (indents.length > 0 && indents[indents.length - 1] >= indent) {
          indents.pop();
          depths.pop();
        }
        let depth = depths.length === 0 ? 0 : depths[depths.length - 1] + 1;
        for (let at = content; at + 1 < lineEnd && isCompactIndicator(text, at);) {
          depth++;
          at += 2;
          while (at < lineEnd && isSpaceOrTab(text.charCodeAt(at))) at++;
        }
        if (depth > MAX_NESTING) return true;
        indents.push(indent);
        depths.push(depth);
        if (BLOCK_SCALAR_HEADER.test(text.slice(content, lineEnd))) blockScalarIndent = indent;
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return false;
}

const CARRIAGE_RETURN = 13;
/** A line that ends in a block scalar's header: `|` or `>` after the start or a space, indicators, a comment. */
const BLOCK_SCALAR_HEADER = /(?:^|[ \t])[|>][-+0-9]*[ \t]*(?:#.*)?\r?$/;

/** `- ` or `? ` (or with a tab): an item or a key opening a collection on the line it is on. */
function isCompactIndicator(text: string, at: number): boolean {
  const char = text.charCodeAt(at);
  return (char === 45 || char === 63) && isSpaceOrTab(text.charCodeAt(at + 1));
}

function isSpaceOrTab(char: number): boolean {
  return char === SPACE || char === 9;
}

const TOO_DEEP: ParsedFrontmatter = Object.freeze({
  values: {}, entries: [], repaired: false, repairedLines: [], strictErrors: [], failed: true, notAMap: false, aliasCount: 0, nestingTooDeep: true,
}) as ParsedFrontmatter;

const TOO_MANY_ALIASES: ParsedFrontmatter = Object.freeze({
  values: {}, entries: [], repaired: false, repairedLines: [], strictErrors: [], failed: true, notAMap: false, aliasCount: 0, tooManyAliases: true,
}) as ParsedFrontmatter;

/**
 * Parses front matter as Claude Code does: the fast scanner when the text is simple enough, else the `yaml` package.
 * When the scanner knows the strict parser's first error (`key: a: b`, a quote never closed), it reads the repaired
 * text too: simple, it is the result; with a known error of its own, the front matter fails as it would in yaml.
 * `strictErrors` then holds that first error only, the one reported.
 */
export function parseFrontmatterYaml(yamlText: string): ParsedFrontmatter {
  const scanned = scanSimpleFrontmatter(yamlText);
  if (scanned && 'entries' in scanned) {
    if (scanned.aliasCount * scanned.nodeCount > MAX_ALIAS_RESOLUTION_WORK) return TOO_MANY_ALIASES;
    return new ScannedParse(scanned, scanned.entries, false, [], []);
  }
  if (scanned && !flowNestingTooDeep(yamlText)) {
    const strictErrors = [scanned.firstError];
    // The scanner reads the repaired text from the original and the lines the repair pass rewrites.
    const repairedLines = repairedLinesOf(yamlText);
    const rescanned = repairedLines.length === 0 ? scanned : scanSimpleFrontmatter(yamlText, repairedLines);
    // A repaired text that still holds aliases (the repair pass quotes `*` and `&` only on lines its pattern matches)
    // is left to yaml, which also weighs their work.
    if (rescanned && 'entries' in rescanned && rescanned.aliasCount === 0) return new ScannedParse(rescanned, rescanned.entries, true, repairedLines, strictErrors, () => repairedLines.repairedText());
    if (rescanned && 'firstError' in rescanned) return failedResult(strictErrors);
  }
  return parseWithYaml(yamlText, true);
}

/**
 * Front matter the scanner read: the values are its entries', made on first read, and so is the repaired text. A
 * class, not an object literal with a getter: a literal with an accessor is made slowly and kept in dictionary mode,
 * and a lint makes one per parse.
 */
class ScannedParse implements ParsedFrontmatter {
  readonly valuesAreEntries = true;
  readonly failed = false;
  readonly notAMap = false;
  readonly aliasCount: number;
  // Private by the language, so that they are no properties: the result is compared with yaml's by what it reads.
  readonly #scanned: ScannedFrontmatter;
  /** The repaired text, when repaired: made when read, since only quoting every repaired line in one edit needs it. */
  readonly #repairedText: (() => string) | undefined;

  constructor(
    scanned: ScannedFrontmatter,
    readonly entries: FrontmatterEntry[],
    readonly repaired: boolean,
    readonly repairedLines: RepairedLines,
    readonly strictErrors: YamlProblem[],
    repairedText?: () => string,
  ) {
    this.#scanned = scanned;
    this.aliasCount = scanned.aliasCount;
    this.#repairedText = repairedText;
  }

  get values(): Record<string, unknown> {
    return this.#scanned.values;
  }

  get repairedText(): string | undefined {
    return this.#repairedText?.();
  }
}

function failedResult(strictErrors: YamlProblem[]): ParsedFrontmatter {
  return { values: {}, entries: [], repaired: false, repairedLines: [], strictErrors, failed: true, notAMap: false, aliasCount: 0 };
}

/** The scan of a repaired text, given offsets in the original. */
function repairedResult(scanned: ScannedFrontmatter, repair: { text: string; lines: RepairedLine[] }, strictErrors: YamlProblem[]): ParsedFrontmatter {
  const entries = entriesAsWritten(scanned.entries, repair.lines);
  return new ScannedParse(scanned, entries, true, repair.lines, strictErrors, () => repair.text);
}

/**
 * Entries read from the repaired text, given offsets in the original (in place: see `mapEntryInPlace`). On a line the
 * repair pass quoted, the value is the value as written: from after `key: ` to the end of the line. Offsets mapped
 * from the quoted text are one character off and ran into the line break, so fixes on such lines ate it (`name: a: b`
 * + `description: d` became `name: a- bdescription: d`). One pass: entries and repaired lines are both in text order.
 */
function entriesAsWritten(entries: FrontmatterEntry[], repairedLines: readonly RepairedLine[]): FrontmatterEntry[] {
  const mapOffset = offsetMapper(repairedLines);
  let cursor = 0;
  for (const entry of entries) {
    mapEntryInPlace(entry, mapOffset);
    // The first repaired line not ending before the key; from the start again if a key ever came out of order.
    if (cursor > 0 && repairedLines[cursor - 1].end >= entry.keyStart) cursor = 0;
    while (cursor < repairedLines.length && repairedLines[cursor].end < entry.keyStart) cursor++;
    const line = repairedLines[cursor];
    if (line && line.start <= entry.keyStart && line.quotedValueStart !== undefined) {
      entry.valueStart = line.quotedValueStart;
      entry.valueEnd = line.end;
    }
  }
  return entries;
}

/** The same with the `yaml` package alone: the reference the fast scanner is tested against. */
export function parseFrontmatterYamlFully(yamlText: string): ParsedFrontmatter {
  return parseWithYaml(yamlText, false);
}

function parseWithYaml(yamlText: string, useScanner: boolean): ParsedFrontmatter {
  if (flowNestingTooDeep(yamlText) || blockNestingTooDeep(yamlText)) return TOO_DEEP;
  const strict = attempt(yamlText);
  if ('tooManyAliases' in strict) return TOO_MANY_ALIASES;
  if (!('problems' in strict)) return describe(strict, (offset) => offset, false, [], []);

  const repair = repairLikeClaudeCode(yamlText);
  if (repair.text !== yamlText) {
    const scanned = useScanner ? scanSimpleFrontmatter(repair.text) : undefined;
    if (scanned && 'entries' in scanned && scanned.aliasCount === 0) return repairedResult(scanned, repair, strict.problems);
    // Untabbed, lines may be indented deeper than they were.
    if (blockNestingTooDeep(repair.text)) return TOO_DEEP;
    const repaired = attempt(repair.text);
    if ('tooManyAliases' in repaired) return TOO_MANY_ALIASES;
    if (!('problems' in repaired)) {
      // Ranges refer to the repaired text: `describe` keeps them so, and they are mapped once, with the entries.
      const described = describe(repaired, (offset) => offset, true, repair.lines, strict.problems);
      return { ...described, entries: entriesAsWritten(described.entries, repair.lines), repairedText: repair.text };
    }
  }
  return failedResult(strict.problems);
}
