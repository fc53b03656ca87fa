// Parsing front matter YAML the way Claude Code does, as its profiles record (Bun.YAML: YAML 1.2 core schema, duplicate keys allowed,
// merge keys, no alias limit, and one repair pass on failure), while keeping every key's and value's source range.
// Simple front matter (nearly all of it) takes a fast path that never builds a YAML document.
import { mapEntryInPlace, offsetMapper, repairedLinesOf, repairLikeClaudeCode } from './claudeCodeRepair';
import type { FrontmatterEntry, ParsedFrontmatter, RepairedLine, RepairedLines, YamlProblem } from './model';
import { scanSimpleFrontmatter, type ScannedFrontmatter } from './simpleFrontmatterScanner';
import { AMPERSAND, COLON, DASH, HASH, skipSpaces, SPACE } from './simpleYamlScalars';
import { attempt, describe, MAX_ALIAS_RESOLUTION_WORK } from './yamlDocument';

/** Real front matter nests two or three levels; a hundred is already hostile, and `yaml` is quick up to there. */
export const MAX_NESTING = 100;

/**
 * The longest front matter given to the `yaml` package: what the fast scanner cannot read (CRLF or CR line breaks,
 * tabs, quoted keys, flow maps, tags, `? ` keys) costs about a microsecond a character there, and up to ten on hostile
 * shapes (a megabyte of `"k1": v` lines took 1.4 s, of `- &a` 13 s), and a failed parse is tried again repaired. At
 * 16 KiB, 12 to 15 KB of flow maps took 86 to 124 ms in the fuzz (a lint and a Fix All, two parses); 8 KiB keeps the
 * worst near 50 ms. The largest front matter of the 584 real agents in the shared corpus is 1.4 KB.
 */
export const MAX_FULL_PARSE_CHARACTERS = 8 * 1024;

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
 * opens a level (a stack of indentations), and each `- ` or `? ` on a line opens one more where it can (see
 * `readLineWords`). The lines of a `|` or `>` block are its text, not levels. An upper bound in one pass: `yaml`
 * reads block collections by recursion, and a few thousand levels (a few kilobytes of `- - -`) exhaust the stack, an
 * error whose place in the text then depends on how deep the caller already was. Near the stack's end, V8 can also
 * abort the whole process while compiling a regular expression `yaml` uses (8,000 `? ` after a key did, one run in six).
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
        const words = readLineWords(text, content, lineEnd);
        const depth = (depths.length === 0 ? 0 : depths[depths.length - 1] + 1) + words.levelsOpened;
        if (depth > MAX_NESTING) return true;
        indents.push(indent);
        depths.push(depth);
        if (words.opensBlockScalar) blockScalarIndent = indent;
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return false;
}

const CARRIAGE_RETURN = 13;
const VERTICAL_BAR = 124;
const GREATER_THAN = 62;
const PLUS = 43;

/** What one line's words tell the nesting bound. */
interface LineWords {
  /** The levels its `-` and `?` words may open. */
  levelsOpened: number;
  /** Whether it ends in a block scalar's header (`|`, `>-`, `|2+`), perhaps before a comment. */
  opensBlockScalar: boolean;
}

/**
 * One pass over a line's words, no slice and no pattern: the bound runs on every line of front matter the scanner
 * cannot read, a megabyte of it in a few milliseconds.
 *
 * Levels: a `-` or `?` word (an item, an explicit key) opens one where a collection can start, which is at the line's
 * content, after another such word, after a node's properties (`&anchor`, `!tag`) and after a key's colon. `yaml`
 * nests them all, even where they are an error (`k: - -`, `- &a - &a`), and a plain word in between ends the run.
 * Words are counted, not parsed: a quoted scalar holding `- - -` counts too, an upper bound that only lines no scanner
 * reads ever meet.
 */
function readLineWords(text: string, content: number, lineEnd: number): LineWords {
  let levelsOpened = 0;
  let opens = true;
  let lastWordIsHeader = false;
  for (let at = content; at < lineEnd;) {
    const first = text.charCodeAt(at);
    // A comment starts at a `#` after a space: the rest of the line is not read.
    if (first === HASH && at > content) break;
    let wordEnd = at;
    while (wordEnd < lineEnd && !isWordBreak(text.charCodeAt(wordEnd))) wordEnd++;
    lastWordIsHeader = isBlockScalarHeader(text, at, wordEnd);
    if (wordEnd === at + 1 && (first === DASH || first === QUESTION_MARK)) {
      if (opens) levelsOpened++;
    } else if (first !== AMPERSAND && first !== EXCLAMATION_MARK) {
      // A key ends in its colon; any other word is a scalar's, after which nothing opens until the next key.
      opens = text.charCodeAt(wordEnd - 1) === COLON;
    }
    at = wordEnd;
    while (at < lineEnd && isWordBreak(text.charCodeAt(at))) at++;
  }
  return { levelsOpened, opensBlockScalar: lastWordIsHeader };
}

/** `|` or `>`, then indicators (`-`, `+`, digits), then the word's end or a comment stuck to it. */
function isBlockScalarHeader(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first !== VERTICAL_BAR && first !== GREATER_THAN) return false;
  for (let at = start + 1; at < end; at++) {
    const char = text.charCodeAt(at);
    if (char === HASH) return true;
    if (char !== DASH && char !== PLUS && (char < 48 || char > 57)) return false;
  }
  return true;
}

/** A space, a tab, or the CR of a CRLF line ending. */
function isWordBreak(char: number): boolean {
  return isSpaceOrTab(char) || char === CARRIAGE_RETURN;
}

const QUESTION_MARK = 63;
const EXCLAMATION_MARK = 33;

function isSpaceOrTab(char: number): boolean {
  return char === SPACE || char === 9;
}

const TOO_DEEP: ParsedFrontmatter = Object.freeze({
  values: {}, entries: [], repaired: false, repairedLines: [], strictErrors: [], failed: true, notAMap: false, aliasCount: 0, nestingTooDeep: true,
}) as ParsedFrontmatter;

const TOO_MANY_ALIASES: ParsedFrontmatter = Object.freeze({
  values: {}, entries: [], repaired: false, repairedLines: [], strictErrors: [], failed: true, notAMap: false, aliasCount: 0, tooManyAliases: true,
}) as ParsedFrontmatter;

const TOO_LARGE: ParsedFrontmatter = Object.freeze({
  values: {}, entries: [], repaired: false, repairedLines: [], strictErrors: [], failed: true, notAMap: false, aliasCount: 0, tooLargeToParse: true,
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
    readonly fullParseCharacters?: number,
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

/** The scan of a repaired text, given offsets in the original, after `yaml` read `parsedCharacters` to fail on it. */
function repairedResult(scanned: ScannedFrontmatter, repair: { text: string; lines: RepairedLine[] }, strictErrors: YamlProblem[], parsedCharacters: number): ParsedFrontmatter {
  const entries = entriesAsWritten(scanned.entries, repair.lines);
  return new ScannedParse(scanned, entries, true, repair.lines, strictErrors, () => repair.text, parsedCharacters);
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

/**
 * `useScanner`: the engine's own path, where the scanner had its turn and the size bound applies; without it, the
 * reference the scanner is tested against, which reads any size.
 */
function parseWithYaml(yamlText: string, useScanner: boolean): ParsedFrontmatter {
  // Depth first, in linear time: too deep is the more useful answer, and the one a reference parse gives as well.
  if (flowNestingTooDeep(yamlText) || blockNestingTooDeep(yamlText)) return TOO_DEEP;
  if (useScanner && yamlText.length > MAX_FULL_PARSE_CHARACTERS) return TOO_LARGE;
  const strict = attempt(yamlText);
  let parsedCharacters = yamlText.length;
  if ('tooManyAliases' in strict) return TOO_MANY_ALIASES;
  if (!('problems' in strict)) return { ...describe(strict, (offset) => offset, false, [], []), fullParseCharacters: parsedCharacters };

  const repair = repairLikeClaudeCode(yamlText);
  if (repair.text !== yamlText) {
    const scanned = useScanner ? scanSimpleFrontmatter(repair.text) : undefined;
    if (scanned && 'entries' in scanned && scanned.aliasCount === 0) return repairedResult(scanned, repair, strict.problems, parsedCharacters);
    // Untabbed, lines may be indented deeper than they were.
    if (blockNestingTooDeep(repair.text)) return TOO_DEEP;
    const repaired = attempt(repair.text);
    parsedCharacters += repair.text.length;
    if ('tooManyAliases' in repaired) return TOO_MANY_ALIASES;
    if (!('problems' in repaired)) {
      // Ranges refer to the repaired text: `describe` keeps them so, and they are mapped once, with the entries.
      const described = describe(repaired, (offset) => offset, true, repair.lines, strict.problems);
      return { ...described, entries: entriesAsWritten(described.entries, repair.lines), repairedText: repair.text, fullParseCharacters: parsedCharacters };
    }
  }
  return { ...failedResult(strict.problems), fullParseCharacters: parsedCharacters };
}
