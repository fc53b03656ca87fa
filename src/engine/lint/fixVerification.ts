// Every fix is tried before it is offered: applied to the text and linted again. A fix that would turn a file that loads
// into one that is skipped (under any version profile the file loads with), or a preferred fix that leaves its own
// diagnostic in place, is not offered. Rules build their fixes from local knowledge; this is where the whole file speaks.
import { applyTextEdits } from '../text/textEdits';
import type { Diagnostic, Fix, TextEdit } from '../types';
import type { LintResult } from './lintResult';
import { fixAllEdits } from './fixAll';

/**
 * Trying a fix lints the whole file again under every profile, so the tries a file gets are bounded: a file of 80,000
 * duplicate keys would otherwise lint a megabyte 80,000 times. Fixes beyond the budget cannot be checked, so they are
 * not offered; real files have a handful. Sixteen, not 64: 64 tries of a 3 KB file of a hundred misspelt keys took
 * 250 ms (512 lints), over the 100 ms any input may take.
 */
const MAX_TRIES = 16;
/**
 * And by bytes linted in all, the original under every profile included: 1 MiB, about one lint of the largest file read.
 * Real agent files (under 20 KB, a handful of fixes) stay far inside it; a file of thousands of small problems costs at
 * most about as much again as its own lint (4 MiB let a 128 KiB file of 16,000 keys take ten seconds).
 */
const MAX_TRIED_BYTES = 1024 * 1024;
/**
 * And by front-matter lines and list items linted in all, the original under every profile included: a lint costs
 * about 3 µs per line or comma-separated item of its front matter, not per byte, so a 3 KB file of 300 keys took 16
 * tries under 8 profiles (130 ms) inside both bounds above, and a 5 KB `tools:` line of 880 names 110 ms. 10,000 lets a
 * 40-line front matter (real agents) have its 16 fixes tried, and a 300-key one two or three (some 30 ms).
 */
const MAX_TRIED_FRONTMATTER_LINES = 10_000;
/**
 * And by characters the `yaml` package reads for the lint and its tries together, where the fast scanner cannot read
 * the front matter (see `MAX_FULL_PARSE_CHARACTERS`): there a parse costs 1 to 3 µs a character (13 KB of flow maps
 * 25 ms), not per line, so 15 KB of CRLF front matter with nine fixes took 64 parses (60 to 130 ms), and 16 KB of
 * `k: : : :` 8 parses (150 ms). Each try is parsed once for all profiles. The original's parse counts, so a lint
 * parses at most about 16 KiB in all (the strict and the repaired parse both counted): a real front matter of 1 to 2 KB
 * has 8 to 15 fixes tried, one of 8 KiB (the most `yaml` is given) one.
 */
const MAX_TRIED_FULL_PARSE_CHARACTERS = 16 * 1024;

/**
 * Whether a fix of this text can be tried at all: the first try lints the text twice under every profile, and past
 * the byte budget no fix is offered. A rule may skip building a fix that could never be offered (one edit per NUL of
 * a megabyte is 80,000 edits for nothing).
 */
export function fixesCanBeTried(text: string, profileCount: number): boolean {
  return text.length * profileCount * 2 <= MAX_TRIED_BYTES;
}

/** Lints a text under one profile, without verifying fixes (verifying the fixes of fixes would never end). */
export type ProfileLinter<Profile> = (text: string, profile: Profile) => LintResult;

export interface VerificationTarget<Profile> {
  text: string;
  result: LintResult;
  /** The profile `result` was linted with. */
  profile: Profile;
  /** Every profile of the format: a fix must keep the file loading under each one it loads under. */
  profiles: readonly Profile[];
  lint: ProfileLinter<Profile>;
  /** What the `yaml` package read to lint `text` once (0 when the fast scanner read it all): the cost of one more lint. */
  fullParseCharactersPerLint?: number;
  /** What it has read for the lints of this target so far, the original's included. */
  fullParseCharactersSoFar?: () => number;
}

export function withVerifiedFixes<Profile>(target: VerificationTarget<Profile>): LintResult {
  const { result } = target;
  if (!result.diagnostics.some((diagnostic) => diagnostic.fixes)) return result;
  const check = fixChecker(target);
  const diagnostics = result.diagnostics.map((diagnostic): Diagnostic => {
    if (!diagnostic.fixes) return diagnostic;
    const kept = diagnostic.fixes.filter((fix) => check(fix.edits, fix.isPreferred ? diagnostic.code : undefined));
    if (kept.length === diagnostic.fixes.length) return diagnostic;
    const { fixes: _dropped, ...rest } = diagnostic;
    return kept.length > 0 ? { ...rest, fixes: kept } : rest;
  });
  return { ...result, diagnostics };
}

/**
 * The same result, with each diagnostic's fixes tried only when something reads them (a code action, Fix All, JSON
 * output): the editor lints on every keystroke and asks for fixes far less often, and trying them re-lints the file
 * under every profile. Once read, `fixes` holds what `withVerifiedFixes` would have kept, or is `undefined`.
 */
export function withFixesVerifiedOnRead<Profile>(target: VerificationTarget<Profile>): LintResult {
  const { result } = target;
  if (!result.diagnostics.some((diagnostic) => diagnostic.fixes)) return result;
  let check: ReturnType<typeof fixChecker> | undefined;
  const diagnostics = result.diagnostics.map((diagnostic): Diagnostic => {
    if (!diagnostic.fixes) return diagnostic;
    const offered = diagnostic.fixes;
    const { fixes: _offered, ...rest } = diagnostic;
    let kept: Fix[] | undefined | null = null;
    Object.defineProperty(rest, 'fixes', {
      enumerable: true,
      get(): Fix[] | undefined {
        if (kept === null) {
          check ??= fixChecker(target);
          const verified = offered.filter((fix) => check!(fix.edits, fix.isPreferred ? diagnostic.code : undefined));
          kept = verified.length > 0 ? verified : undefined;
        }
        return kept;
      },
    });
    return rest;
  });
  return { ...result, diagnostics };
}

/**
 * Fix All's edits for a text: each diagnostic's preferred fix once (see `fixAllEdits`), and when the fixes together
 * would make a loading file skipped, only those that can be applied together without that.
 */
export function verifiedFixAllEdits<Profile>(target: VerificationTarget<Profile>): TextEdit[] {
  const check = fixChecker(target);
  const all = fixAllEdits(target.result.diagnostics);
  if (all.length === 0 || check(all)) return all;
  const taken: Fix[] = [];
  for (const diagnostic of target.result.diagnostics) {
    const fix = diagnostic.fixes?.find((candidate) => candidate.isPreferred);
    if (!fix) continue;
    const together = fixAllEdits([...taken, fix].map((one) => ({ ...diagnostic, fixes: [one] })));
    if (together.length === taken.reduce((count, one) => count + one.edits.length, 0) + fix.edits.length && check(together)) taken.push(fix);
  }
  return taken.flatMap((fix) => fix.edits);
}

/** Whether applying `edits` keeps the file loading wherever it loads and, given a code, leaves fewer diagnostics of it. */
function fixChecker<Profile>({ text, result, profile, profiles, lint, fullParseCharactersPerLint = 0, fullParseCharactersSoFar = () => 0 }: VerificationTarget<Profile>): (edits: readonly TextEdit[], removesCode?: string) => boolean {
  const originalUnder = new Map<Profile, LintResult>([[profile, result]]);
  const original = (candidate: Profile) => {
    let linted = originalUnder.get(candidate);
    if (!linted) originalUnder.set(candidate, (linted = lint(text, candidate)));
    return linted;
  };
  const fixedUnder = new Map<string, Map<Profile, LintResult>>();
  let tries = 0;
  let triedBytes = 0;
  let triedLines = 0;
  // Counted on the first try that the byte budget lets through: a file too large for any try is not read for it.
  let linesPerLint: number | undefined;
  const fixed = (fixedText: string, candidate: Profile) => {
    let byProfile = fixedUnder.get(fixedText);
    if (!byProfile) fixedUnder.set(fixedText, (byProfile = new Map()));
    let linted = byProfile.get(candidate);
    if (!linted) byProfile.set(candidate, (linted = lint(fixedText, candidate)));
    return linted;
  };
  return (edits, removesCode) => {
    tries++;
    // The first try also lints the original under every profile.
    triedBytes += text.length * profiles.length * (tries === 1 ? 2 : 1);
    if (tries > MAX_TRIES || triedBytes > MAX_TRIED_BYTES) return false;
    linesPerLint ??= frontmatterLines(text);
    triedLines += linesPerLint * profiles.length * (tries === 1 ? 2 : 1);
    if (triedLines > MAX_TRIED_FRONTMATTER_LINES) return false;
    // A try parses the fixed text once (every profile reads the same parse), at about what the original's parse cost;
    // it is not started when that would take the target's parsing, measured so far, past the budget.
    if (fullParseCharactersSoFar() + fullParseCharactersPerLint > MAX_TRIED_FULL_PARSE_CHARACTERS) return false;
    let fixedText: string;
    try {
      fixedText = applyTextEdits(text, edits);
    } catch {
      return false; // overlapping edits
    }
    for (const candidate of profiles) {
      if (original(candidate).loads && !fixed(fixedText, candidate).loads) return false;
    }
    if (removesCode === undefined) return true;
    const count = (linted: LintResult) => linted.diagnostics.filter((diagnostic) => diagnostic.code === removesCode).length;
    return count(fixed(fixedText, profile)) < count(result);
  };
}

/**
 * About how many items of front matter a lint of `text` reads: its lines, and the commas that separate list items on a
 * line (`tools: Read, Reed, ...` is one line of 900 tools, each checked like a key), up to the first `---` line after
 * the first line (or to the end, with no closer); any line ending counted. Only a cost estimate for the budget above;
 * the body is cheap to lint and not counted.
 */
function frontmatterLines(text: string): number {
  let items = 1;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x2c) items++;
    if (code !== 0x0a && code !== 0x0d) continue;
    if (code === 0x0d && text.charCodeAt(at + 1) === 0x0a) at++;
    items++;
    if (text.startsWith('---', at + 1)) return items;
  }
  return items;
}
