// The engine's entry point: one agent file's text in, what the tool makes of it out (loads? which agent? problems).
import type { FormatProfile } from '../formats/agentFileFormat';
import { newestClaudeCodeProfile } from '../formats/claudeCode/profiles';
import { formatById, formatForPath } from '../formats/registry';
import { delimiterInsideValue, explainMissingFrontmatter, splitFrontmatter, type FrontmatterBlock } from '../frontmatter/frontmatter';
import { repairedLineList, type ParsedFrontmatter } from '../frontmatter/model';
import { parseFrontmatterYaml } from '../frontmatter/yamlFrontmatter';
import { TextPositions } from '../text/textPositions';
import type { Diagnostic, Fix, Range, TextEdit } from '../types';
import type { AgentFormatId, RegisteredFormat } from '../formats/registry';
import type { LintResult } from './lintResult';
import { generateFrontmatterFix, yamlSyntaxFixes } from './fixes';
import { FrontmatterContext } from './frontmatterContext';
import { fixesCanBeTried, withFixesVerifiedOnRead, withVerifiedFixes, type VerificationTarget } from './fixVerification';
import { createDiagnostic, type RuleMeta } from './rule';
import { aliasExpansion, binaryContent, bom, duplicateKey, fileTooLarge, frontmatterNotAMap, missingFrontmatter, nulBytes, unreadable, yamlTooDeep, yamlTooLarge, yamlTooManyAliases } from './sharedMetas';

/** Claude Code skips files over this many bytes (1 MiB) unread: the newest profile's limit, for readers of the disk. */
export const MAX_AGENT_FILE_BYTES = newestClaudeCodeProfile.loader.maxFileBytes;
/** Aliases beyond this count are worth a warning: other YAML tools refuse such files. */
const ALIAS_WARNING_THRESHOLD = 100;
/** Repaired lines the `|` block fix rewrites at most (see `reportRepair`). */
const MAX_LINES_TURNED_INTO_BLOCKS = 100;

export interface LintOptions {
  /** The file's path; decides the format and names fixes (`name` from the file name). */
  path: string;
  format?: AgentFormatId;
  /** The version of the tool whose behaviour to follow (one of the format's `profiles`); default: the newest. */
  profile?: FormatProfile;
  /** Size on disk when known; defaults to the UTF-8 length of the text. */
  byteLength?: number;
  /**
   * When offered fixes are tried (`lint/fixVerification.ts`): before the result is returned (the default), or when a
   * diagnostic's `fixes` is first read, for the editor, which lints on every keystroke and asks for fixes seldom.
   */
  fixChecks?: 'beforeReturning' | 'onFirstRead';
}

export function isReadme(path: string): boolean {
  return /(^|[\\/])readme\.md$/i.test(path);
}

/** What the linter parsed, for readers that need more of the file than the summary (the agent model): never kept by the catalog. */
export type FrontmatterCapture = (parts: { block: FrontmatterBlock; parsed: ParsedFrontmatter; positions: TextPositions }) => void;

/**
 * `parse` is for the differential test, which runs the engine once with the fast path and once with the `yaml` package
 * alone (`parseFrontmatterYamlFully`) and expects the same result. `capture` receives the parsed front matter of a file
 * that has one, so nothing parses it a second time.
 */
export function lintAgentFile(text: string, options: LintOptions, parse: (yamlText: string) => ParsedFrontmatter = parseFrontmatterYaml, capture?: FrontmatterCapture): LintResult {
  const target = verificationTarget(text, options, parse, capture);
  return options.fixChecks === 'onFirstRead' ? withFixesVerifiedOnRead(target) : withVerifiedFixes(target);
}

/** What fix verification needs: the unverified result, and how to lint a fixed text under each of the format's profiles. */
export function verificationTarget(text: string, options: LintOptions, parse: (yamlText: string) => ParsedFrontmatter = parseFrontmatterYaml, capture?: FrontmatterCapture): VerificationTarget<FormatProfile> {
  const format = options.format ? formatById(options.format) : formatForPath(options.path);
  const profile = options.profile ?? format.defaultProfile;
  // What the `yaml` package read for the lints of this target, which verification budgets.
  let fullParseCharacters = 0;
  // Every profile parses a front matter alike, so a text tried under each is parsed once: the original's parse is
  // kept, and the last fixed text's. Tries are tried under every profile in turn, so one more is enough.
  let originalParse: { yamlText: string; parsed: ParsedFrontmatter } | undefined;
  let lastParse: { yamlText: string; parsed: ParsedFrontmatter } | undefined;
  const parseOnce = (yamlText: string): ParsedFrontmatter => {
    if (originalParse?.yamlText === yamlText) return originalParse.parsed;
    if (lastParse?.yamlText === yamlText) return lastParse.parsed;
    const parsed = parse(yamlText);
    fullParseCharacters += parsed.fullParseCharacters ?? 0;
    if (originalParse) lastParse = { yamlText, parsed };
    else originalParse = { yamlText, parsed };
    return parsed;
  };
  // A fixed text has a new size: it is measured again.
  const lint = (fixedText: string, candidate: FormatProfile) => lintWithoutVerifying(fixedText, { ...options, format: format.id, profile: candidate, byteLength: fixedText === text ? options.byteLength : undefined }, parseOnce);
  // Only the file as it is reaches `capture`: the fixed texts tried for verification are not the file.
  const result = lintWithoutVerifying(text, { ...options, format: format.id, profile }, parseOnce, capture);
  return { text, result, profile, profiles: format.profiles, lint, fullParseCharactersPerLint: fullParseCharacters, fullParseCharactersSoFar: () => fullParseCharacters };
}

/** The file's diagnostics with every fix its rules offer, before any is tried. */
function lintWithoutVerifying(text: string, options: LintOptions, parse: (yamlText: string) => ParsedFrontmatter, capture?: FrontmatterCapture): LintResult {
  const format = options.format ? formatById(options.format) : formatForPath(options.path);
  const profile = options.profile ?? format.defaultProfile;
  const byteLength = options.byteLength ?? (text.length > MAX_AGENT_FILE_BYTES / 3 ? utf8Length(text) : text.length);
  if (byteLength > MAX_AGENT_FILE_BYTES) {
    return skipped(format, [createDiagnostic(fileTooLarge, `This file is ${(byteLength / 1_048_576).toFixed(1)} MiB; Claude Code skips agent files over 1 MiB without reading them.`,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })]);
  }

  const positions = new TextPositions(text);
  const skipsBom = profile.loader?.stripsOneBom === true && text.charCodeAt(0) === 0xfeff;
  const block = splitFrontmatter(text, false, skipsBom ? 1 : 0);
  const hasNul = text.includes('\0');
  if (!block) return withoutFrontmatter(format, positions, options.path, hasNul, profile.loader?.stripsOneBom === true);

  const diagnostics: Diagnostic[] = [];
  if (skipsBom && format.oneBomSkipped) {
    diagnostics.push(createDiagnostic({ ...bom, severity: 'warning' }, format.oneBomSkipped, positions.rangeOf(0, 1), {
      title: 'Remove the byte-order mark', isPreferred: true, edits: [{ range: positions.rangeOf(0, 1), newText: '' }],
    }));
  }
  if (hasNul) {
    const nulInFrontmatter = block.yamlText.includes('\0');
    if (nulInFrontmatter && profile.loader?.nulInFrontmatterIsError && format.nulInFrontmatter) {
      return skipped(format, [createDiagnostic(format.yamlSyntax.meta, format.nulInFrontmatter.skips, nulRange(block, positions), removeNulsFix(block, positions, format.profiles.length))]);
    }
    const offset = text.indexOf('\0');
    const message = nulInFrontmatter && format.nulInFrontmatter ? format.nulInFrontmatter.loadsHere : 'This file contains NUL bytes: Claude Code reads it, but most tools treat it as binary.';
    diagnostics.push(createDiagnostic(nulBytes, message, positions.rangeOf(offset, offset + 1), nulInFrontmatter ? removeNulsFix(block, positions, format.profiles.length) : undefined));
  }
  const truncated = delimiterInsideValue(block, positions);
  if (truncated) diagnostics.push(truncated);

  const parsed = parse(block.yamlText);
  capture?.({ block, parsed, positions });
  const context = new FrontmatterContext(positions, block, parsed, options.path, profile);
  if (parsed.nestingTooDeep) {
    context.report(yamlTooDeep, 'Lists or maps nest more than 100 levels deep in this front matter; Agent Studio does not parse it, so nothing here is checked.', context.openerRange);
    return { format: format.id, loads: false, agent: null, diagnostics: [...diagnostics, ...context.diagnostics] };
  }
  if (parsed.tooLargeToParse) {
    const size = `${(block.yamlText.length / 1024).toFixed(0)} KiB`;
    const [why, remedy] = block.yamlText.includes('\r')
      ? ['its line breaks are not LF', 'Save the file with LF line breaks to have it checked.']
      : ['it uses YAML the fast reader does not cover', 'Plain `key: value` lines (no quoted keys, flow maps `{}`, tags or tabs) are checked at any size.'];
    context.report(yamlTooLarge, `This front matter is ${size}, and ${why}: only the full YAML parser could read it, too slowly for a file this size, so Agent Studio does not parse it and nothing here is checked. ${remedy}`, context.openerRange);
    return { format: format.id, loads: false, agent: null, diagnostics: [...diagnostics, ...context.diagnostics] };
  }
  if (parsed.tooManyAliases) {
    context.report(yamlTooManyAliases, 'This front matter holds so many YAML aliases among so many values that resolving them would take long; Agent Studio does not resolve them, so nothing here is checked.', context.openerRange);
    return { format: format.id, loads: false, agent: null, diagnostics: [...diagnostics, ...context.diagnostics] };
  }
  if (parsed.failed) {
    reportYamlFailure(context, format);
    return { format: format.id, loads: false, agent: null, diagnostics: [...diagnostics, ...context.diagnostics] };
  }
  if (parsed.repaired && format.yamlRepaired) reportRepair(context, format.yamlRepaired);
  reportDuplicateKeys(context);
  if (parsed.aliasCount > ALIAS_WARNING_THRESHOLD) {
    context.report(aliasExpansion, `This front matter uses ${parsed.aliasCount} YAML aliases; Claude Code accepts it, most YAML tools refuse it.`, context.openerRange);
  }
  if (parsed.notAMap) {
    context.report(frontmatterNotAMap, 'The front matter is not a map of `key: value` lines, so Claude Code finds no `name` and skips this file.', context.range(0, block.yamlText.length));
    return { format: format.id, loads: false, agent: null, diagnostics: [...diagnostics, ...context.diagnostics] };
  }

  for (const rule of format.rules) {
    rule.check(context);
    if (context.stopsChecks) break;
  }
  const agent = context.skipsFile ? null : format.agentOf(context);
  return { format: format.id, loads: agent !== null, agent, diagnostics: [...diagnostics, ...context.diagnostics] };
}

function nulRange(block: FrontmatterBlock, positions: TextPositions): Range {
  const offset = block.yamlStart + block.yamlText.indexOf('\0');
  return positions.rangeOf(offset, offset + 1);
}

/** Runs of NUL bytes removed one edit each; more are removed in one edit. */
const MAX_NUL_EDITS = 100;

/** Deletes every NUL of the front matter: the file then loads in every version (a NUL in the body is harmless). */
function removeNulsFix(block: FrontmatterBlock, positions: TextPositions, profileCount: number): Fix | undefined {
  if (!fixesCanBeTried(positions.text, profileCount)) return undefined;
  const edits: TextEdit[] = [];
  // Found with indexOf, not a pattern's matches: a front matter of 80,000 NULs made as many match arrays.
  const { yamlText, yamlStart } = block;
  const first = yamlText.indexOf('\0');
  for (let at = first; at !== -1; at = yamlText.indexOf('\0', at)) {
    // Past a hundred runs, one edit from the first NUL to the last: 48,000 runs made as many edits and ranges (30 ms
    // of a Copilot lint), for a fix too large to be tried.
    if (edits.length === MAX_NUL_EDITS) {
      const last = yamlText.lastIndexOf('\0') + 1;
      return { title: 'Remove the NUL bytes from the front matter', isPreferred: true, edits: [{ range: positions.rangeOf(yamlStart + first, yamlStart + last), newText: yamlText.slice(first, last).replaceAll('\0', '') }] };
    }
    let runEnd = at + 1;
    while (yamlText.charCodeAt(runEnd) === 0) runEnd++;
    edits.push({ range: positions.rangeOf(yamlStart + at, yamlStart + runEnd), newText: '' });
    at = runEnd;
  }
  return { title: 'Remove the NUL bytes from the front matter', isPreferred: true, edits };
}

/** A character UTF-8 writes in more than one byte. */
const NON_ASCII = /[^\x00-\x7f]/;

/** UTF-8 length without encoding the text: only called for texts long enough to be near the size limit. */
function utf8Length(text: string): number {
  // An ASCII text is its own length, and the pattern tells so about four times faster than the loop below.
  if (!NON_ASCII.test(text)) return text.length;
  let length = text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) continue;
    if (code < 0x800) length += 1;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) { length += 2; index++; }
    else length += 2;
  }
  return length;
}

/** A file that could not be read (`reason` ends "Cannot read this file: …"): Claude Code cannot load it either. */
export function unreadableResult(path: string, reason: string, formatId?: AgentFormatId): LintResult {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return skipped(formatId ? formatById(formatId) : formatForPath(path), [createDiagnostic(unreadable, `Cannot read this file: ${reason}. Claude Code cannot load it either.`, range)]);
}

function skipped(format: RegisteredFormat, diagnostics: Diagnostic[]): LintResult {
  return { format: format.id, loads: false, agent: null, diagnostics };
}

function withoutFrontmatter(format: RegisteredFormat, positions: TextPositions, path: string, hasNul: boolean, skipsOneBom: boolean): LintResult {
  if (hasNul) return skipped(format, [createDiagnostic(binaryContent, 'This is a binary file, not an agent: Claude Code skips it.', positions.rangeOf(0, 0))]);
  const explained = explainMissingFrontmatter(positions, skipsOneBom);
  if (explained) return skipped(format, [explained]);
  // A README without front matter is documentation for the folder, not a broken agent.
  if (isReadme(path)) return skipped(format, []);
  const firstLineEnd = positions.lineEndOffset(0);
  return skipped(format, [createDiagnostic(missingFrontmatter, format.missingFrontmatterMessage, positions.rangeOf(0, firstLineEnd), generateFrontmatterFix(positions, path))]);
}

function reportYamlFailure(context: FrontmatterContext, format: RegisteredFormat): void {
  const [first] = context.parsed.strictErrors;
  const { fixes, unindentedDescriptionLine: unindented, dedentedBlockLine: dedented } = yamlSyntaxFixes(context.block, context.positions);
  const { meta, cannotRead: what } = format.yamlSyntax;
  if (dedented) {
    // The parser says "Implicit keys need to be on a single line" or "All mapping items must start at the same column".
    const shown = dedented.text.trim().length > 40 ? `${dedented.text.trim().slice(0, 37)}...` : dedented.text.trim();
    context.report(meta, `${what}: the line \`${shown}\` is indented less than the rest of the \`${dedented.key}\` block above it, so YAML ends the block there and cannot read what follows. Indent it like the lines around it.`, context.range(dedented.start, dedented.end), fixes);
  } else if (unindented) {
    // The parser's own words ("Implicit keys need to be on a single line") name a symptom; this is the cause.
    const shown = unindented.text.length > 40 ? `${unindented.text.slice(0, 37)}...` : unindented.text;
    context.report(meta, `${what}: the description goes on over lines that are not indented, so YAML does not read \`${shown}\` as part of it. Indent them under \`description: |\`.`, context.range(unindented.start, unindented.end), fixes);
  } else {
    const start = Math.min(first?.start ?? 0, context.yamlText.length);
    const end = Math.max(start, Math.min(first?.end ?? start, context.yamlText.length));
    const hint = /\r/.test(context.yamlText) && format.yamlSyntax.crlfHint ? ' (in a CRLF file Claude Code\'s repair of unquoted `: ` never applies)' : '';
    context.report(meta, `${what}${hint}: ${first?.message ?? 'invalid YAML'}`, context.range(start, end), fixes);
  }
}

function reportRepair(context: FrontmatterContext, meta: RuleMeta): void {
  const lines = context.parsed.repairedLines;
  const quoting = { title: 'Quote the value as Claude Code does', edits: context.repairQuotingEdits() };
  // A `|` block reads as the text does; the quoted line is one long string of `\n` and `\"`. Preferred when every value
  // fits. Each block is parsed back to check it, so past a hundred repaired lines (no real file has a dozen) only quoting is offered.
  const blocks = lines.length > MAX_LINES_TURNED_INTO_BLOCKS ? [undefined] : repairedLineList(lines).map((line) => {
    const key = /^([^:\s]+):/.exec(line.replacement)?.[1];
    const block = key === undefined ? undefined : blockScalarLine(key, context.value(key), context.positions.eol);
    return block === undefined ? undefined : context.edit(line.start, line.end, block);
  });
  const asBlocks = blocks.every((edit) => edit !== undefined) ? { title: 'Turn the value into a `|` block', edits: blocks } : undefined;
  const fixes = asBlocks ? [{ ...asBlocks, isPreferred: true }, quoting] : [{ ...quoting, isPreferred: true }];

  const first = lines.at(0)!;
  const lineText = context.yamlText.slice(first.start, first.end);
  const key = /^([^:\s]+):/.exec(lineText)?.[1] ?? 'value';
  // The squiggle goes on the word and colon that YAML takes for a second key (`when:` in `description: Use when: x`).
  const colon = lineText.indexOf(': ', key.length + 1);
  // A one-line description's `\n` escapes are not part of the word: `\nContext:` squiggles `Context:`.
  const wordStart = colon === -1 ? 0 : colon - (/(?<=^|[^\w\\-]|\\[nt])[\w-]*$/.exec(lineText.slice(0, colon))?.[0].length ?? 0);
  const range = colon === -1 ? context.range(first.start, first.end) : context.range(first.start + wordStart, first.start + colon + 1);
  const word = colon === -1 ? '' : lineText.slice(wordStart, colon + 1);
  context.report(meta, `\`${word}\` inside the unquoted \`${key}\` looks to YAML like the start of another key, so this front matter is not valid YAML. Claude Code still loads it because it quotes such a line itself, but GitHub Copilot and YAML tools reject the file, and Claude Code skips it if the file gets Windows (CRLF) line endings. Quote the value or write it as a \`|\` block.`,
    range, fixes);
}

/** `key: |-` and the value's lines indented under it, when a block reads back as exactly that value. */
function blockScalarLine(key: string, value: unknown, eol: string): string | undefined {
  if (typeof value !== 'string' || value === '' || /^\s/.test(value) || value.includes('---') || /\n\n$|\r/.test(value)) return undefined;
  // Printable text only: a block scalar cannot escape control characters.
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value)) return undefined;
  const chomping = value.endsWith('\n') ? '|' : '|-';
  const body = value.replace(/\n$/, '').split('\n').map((line) => (line === '' ? '' : `  ${line}`)).join(eol);
  const written = `${key}: ${chomping}${eol}${body}`;
  const reread = parseFrontmatterYaml(`${written}${eol}`);
  return !reread.failed && !reread.repaired && reread.values[key] === value ? written : undefined;
}

function reportDuplicateKeys(context: FrontmatterContext): void {
  const entries = context.parsed.entries;
  // Each entry's next namesake, from the key index: searching forward from each entry was quadratic when a long list
  // of keys is repeated after itself.
  const { nextOfSameKey } = context.keys;
  for (let index = 0; index < entries.length; index++) {
    // Only an entry that is not the last of its key has a later namesake.
    const later = nextOfSameKey[index];
    if (later === -1) continue;
    const entry = entries[index];
    if (context.countedIfLeftOut(duplicateKey, entry)) continue;
    const laterLine = context.positions.positionAt(context.block.yamlStart + entries[later].keyStart).line + 1;
    const lineStart = context.lineStartAt(entry.keyStart);
    const nextKey = entries[index + 1];
    // The entry's own lines only: comments between it and the next key stay (they were deleted with it).
    const nextKeyLine = nextKey ? context.lineStartAt(nextKey.keyStart) : context.yamlText.length;
    let lastContent = Math.max(entry.keyEnd, entry.valueEnd);
    while (lastContent > entry.keyEnd && /\s/.test(context.yamlText[lastContent - 1])) lastContent--;
    const lineBreak = context.yamlText.indexOf('\n', lastContent);
    const removeEnd = Math.min(nextKeyLine, lineBreak === -1 ? context.yamlText.length : lineBreak + 1);
    const removable = context.yamlText.slice(lineStart, entry.keyStart).trim() === '' && removeEnd > lineStart;
    context.report(duplicateKey, `\`${entry.key}\` appears again on line ${laterLine}; Claude Code uses that one and ignores this.`, context.keyRange(entry),
      removable ? { title: `Delete this ignored \`${entry.key}\``, isPreferred: true, edits: [context.edit(lineStart, removeEnd, '')] } : undefined);
  }
}
