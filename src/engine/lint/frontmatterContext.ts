// What every validation rule needs: the document's positions, where the YAML starts, its entries, and a sink for
// diagnostics with ranges converted from YAML offsets to document positions.
import type { FrontmatterBlock } from '../frontmatter/frontmatter';
import { forEachKeyWithItsValue, keyIndexOf, type KeyIndex } from '../frontmatter/keyIndex';
import type { TextPositions } from '../text/textPositions';
import { createDiagnostic, type FixesArgument, type RuleMeta } from './rule';
import { diagnosticsLeftOut } from './sharedMetas';
import type { Diagnostic, Range, TextEdit } from '../types';
import { repairedLineList, type FrontmatterEntry, type ParsedFrontmatter } from '../frontmatter/model';

/**
 * Diagnostics of one code shown per file; the rest are counted in one summary. No real agent file comes near it (the
 * corpus's most is a handful), a reader does not go through more than a screenful of the same problem, and it bounds
 * what a file of 80,000 small problems costs the editor, the CLI and fix verification: a few hundred diagnostics, not
 * 80,000 ranges, messages and fixes. Fixing what is shown brings the next ones into view.
 */
export const MAX_DIAGNOSTICS_PER_CODE = 100;

/** Repaired lines the quoting fix edits one by one; past it, in one edit (see `repairQuotingEdits`). */
const MAX_SEPARATE_QUOTING_EDITS = 100;

/** What is known of one diagnostic code's reports in a file (see `FrontmatterContext.tallies`). */
interface CodeTally {
  shown: number;
  leftOut: number;
}

export class FrontmatterContext<Profile = unknown> {
  private readonly shown: Diagnostic[] = [];
  /**
   * Per code: how many are shown, and how many were left out over the cap. One record per code, so that counting one
   * more of 80,000 left out is one lookup.
   */
  private readonly tallies = new Map<string, CodeTally>();
  /** Codes over the cap, in the order they went over it (their summaries' order), with the first left out's meta and range. */
  private readonly overCap: { meta: RuleMeta; tally: CodeTally; firstRange: Range }[] = [];
  /** Set by a rule whose finding makes the tool skip the file: the file does not load, whatever later rules find. */
  skipsFile = false;
  /** Set by a rule after which no later rule runs (the tool reads nothing further). */
  stopsChecks = false;

  constructor(
    readonly positions: TextPositions,
    readonly block: FrontmatterBlock,
    readonly parsed: ParsedFrontmatter,
    readonly path: string,
    /** The tool version whose behaviour the rules follow. */
    readonly profile: Profile,
  ) {}

  /** Which entries share a key: built once per parsed front matter, for every profile's lint and every rule. */
  get keys(): KeyIndex {
    // Kept here too: rules ask for values by key all the time, each question one field read.
    return (this.keyIndex ??= keyIndexOf(this.parsed.entries));
  }

  private keyIndex: KeyIndex | undefined;

  get yamlText(): string {
    return this.block.yamlText;
  }

  /** The entry Claude Code uses for a key: the last one, since duplicate keys are allowed and the last wins. */
  entry(key: string): FrontmatterEntry | undefined {
    const keys = this.keys;
    const number = keys.numberOf(key);
    return number === undefined ? undefined : this.parsed.entries[keys.lastEntryOfKey[number]];
  }

  /** The value as Claude Code reads it (own property only: `__proto__` and friends never count). */
  value(key: string): unknown {
    if (this.parsed.valuesAreEntries) return this.entry(key)?.value;
    return Object.prototype.hasOwnProperty.call(this.parsed.values, key) ? this.parsed.values[key] : undefined;
  }

  has(key: string): boolean {
    if (this.parsed.valuesAreEntries) return this.keys.numberOf(key) !== undefined;
    return Object.prototype.hasOwnProperty.call(this.parsed.values, key);
  }

  /**
   * Each top-level key with its value, in the order keys first appear (as `Object.keys` of the values lists them).
   * Where the scanner read the front matter, by the entries: no values object, and no lookup per key.
   */
  eachField(visit: (key: string, value: unknown) => void): void {
    if (!this.parsed.valuesAreEntries) {
      const values = this.parsed.values;
      for (const key of Object.keys(values)) visit(key, values[key]);
      return;
    }
    forEachKeyWithItsValue(this.parsed.entries, visit);
  }

  range(yamlStart: number, yamlEnd: number): Range {
    return this.positions.rangeOf(this.block.yamlStart + yamlStart, this.block.yamlStart + yamlEnd);
  }

  edit(yamlStart: number, yamlEnd: number, newText: string): TextEdit {
    return { range: this.range(yamlStart, yamlEnd), newText };
  }

  /**
   * Edits that quote every line Claude Code's repair pass rewrote, as it does: one per line, as a reader reviews them.
   * Past `MAX_SEPARATE_QUOTING_EDITS` lines, one edit from the first to the last, cut from the repaired text (the lines
   * between are the same there): a megabyte of `key: a: b` lines made 80,000 edits, each with its range worked out,
   * for a fix that writes the same bytes.
   */
  repairQuotingEdits(): TextEdit[] {
    const { repairedLines: lines, repairedText } = this.parsed;
    if (lines.length <= MAX_SEPARATE_QUOTING_EDITS || repairedText === undefined) return repairedLineList(lines).map((line) => this.edit(line.start, line.end, line.replacement));
    // Nothing before the first repaired line changed; after the last, everything moved by what the lines grew, which
    // is all the text grew.
    const first = lines.at(0)!;
    const last = lines.at(-1)!;
    return [this.edit(first.start, last.end, repairedText.slice(first.start, last.end + repairedText.length - this.yamlText.length))];
  }

  /** The whole first line of the block (`---`), for problems with no better place. */
  get openerRange(): Range {
    return this.positions.rangeOf(0, Math.min(3, this.positions.text.length));
  }

  keyRange(entry: FrontmatterEntry): Range {
    return this.range(entry.keyStart, entry.keyEnd);
  }

  valueRange(entry: FrontmatterEntry): Range {
    return entry.valueNode ? this.range(entry.valueStart, entry.valueEnd) : this.keyRange(entry);
  }

  /** Offset (in the YAML text) where a new top-level line can be inserted: the start of the block. */
  insertionAtStart(lines: string[]): TextEdit {
    const eol = this.positions.eol;
    return this.edit(0, 0, lines.map((line) => line + eol).join(''));
  }

  report(meta: RuleMeta, message: string, range: Range, fixes?: FixesArgument): void {
    const tally = this.tallyOf(meta);
    if (tally.shown < MAX_DIAGNOSTICS_PER_CODE) {
      tally.shown++;
      this.shown.push(createDiagnostic(meta, message, range, fixes));
      return;
    }
    if (tally.leftOut++ === 0) this.overCap.push({ meta, tally, firstRange: range });
  }

  private tallyOf(meta: RuleMeta): CodeTally {
    let tally = this.tallies.get(meta.code);
    if (!tally) this.tallies.set(meta.code, (tally = { shown: 0, leftOut: 0 }));
    return tally;
  }

  /**
   * Counts a report of this code that is no longer shown, and says so (`true`); `false` while it is still shown, for the
   * caller to report it in full. Past the cap a report costs only this counter: no message, range or fix is built (the
   * range only for the first left out, where the summary points). `range` is that range's maker, for a report on a key
   * the key's entry, or a stretch of the YAML text (`start` to `end`): rules that walk 80,000 keys or tools then make
   * no function per key or tool.
   */
  countedIfLeftOut(meta: RuleMeta, range: (() => Range) | FrontmatterEntry | { readonly start: number; readonly end: number }): boolean {
    const tally = this.tallies.get(meta.code);
    if (!tally || tally.shown < MAX_DIAGNOSTICS_PER_CODE) return false;
    if (tally.leftOut++ === 0) {
      const firstRange = typeof range === 'function' ? range() : 'keyStart' in range ? this.keyRange(range) : this.range(range.start, range.end);
      this.overCap.push({ meta, tally, firstRange });
    }
    return true;
  }

  /** Whether a report of this code is still shown: a rule can skip working out the message and fixes of one that is not. */
  shows(meta: RuleMeta): boolean {
    return (this.tallies.get(meta.code)?.shown ?? 0) < MAX_DIAGNOSTICS_PER_CODE;
  }

  /** The diagnostics reported, and for each code over the cap one more that says how many of it were left out. */
  get diagnostics(): Diagnostic[] {
    if (this.overCap.length === 0) return this.shown;
    const summaries = this.overCap.map(({ meta, tally: { leftOut: count }, firstRange: range }) => createDiagnostic({ ...diagnosticsLeftOut, severity: meta.severity },
      `${count.toLocaleString('en-US')} more \`${meta.code}\` (${meta.title}) in this file ${count === 1 ? 'is' : 'are'} not listed, from here on: Agent Studio lists the first ${MAX_DIAGNOSTICS_PER_CODE} of each kind. Fix those and the next ones appear.`, range));
    return [...this.shown, ...summaries];
  }

  /** Offset (in the YAML text) of the start of the line holding `yamlOffset`. */
  lineStartAt(yamlOffset: number): number {
    return this.yamlText.lastIndexOf('\n', yamlOffset - 1) + 1;
  }

  /** The source text of a value, up to the end of its line (plain scalars stop before a ` #` comment). */
  lineRest(entry: FrontmatterEntry): { start: number; end: number; text: string } {
    const start = entry.valueStart;
    let end = this.yamlText.indexOf('\n', start);
    if (end === -1) end = this.yamlText.length;
    if (this.yamlText[end - 1] === '\r') end--;
    return { start, end, text: this.yamlText.slice(start, end) };
  }
}
