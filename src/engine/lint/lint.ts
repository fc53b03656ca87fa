// The engine's entry point: one agent file's text in, what the tool makes of it out (loads? which agent? problems).
import type { AgentFileFormat, FormatProfile } from '../formats/agentFileFormat';
import { newestClaudeCodeProfile } from '../formats/claudeCode/profiles';
import { formatById, formatForPath } from '../formats/registry';
import { delimiterInsideValue, explainMissingFrontmatter, splitFrontmatter, type FrontmatterBlock } from '../frontmatter/frontmatter';
import type { ParsedFrontmatter } from '../frontmatter/model';
import { parseFrontmatterYaml } from '../frontmatter/yamlFrontmatter';
import { TextPositions } from '../text/textPositions';
import type { AgentFormatId, Diagnostic, Fix, LintResult, Range, TextEdit } from '../types';
import { generateFrontmatterFix, yamlSyntaxFixes } from './fixes';
import { FrontmatterContext } from './frontmatterContext';
import { createDiagnostic, type RuleMeta } from './rule';
import { aliasExpansion, binaryContent, bom, duplicateKey, fileTooLarge, frontmatterNotAMap, missingFrontmatter, nulBytes } from './sharedMetas';

/** Claude Code skips files over this many bytes (1 MiB) unread: the newest profile's limit, for readers of the disk. */
export const MAX_AGENT_FILE_BYTES = newestClaudeCodeProfile.loader.maxFileBytes;
/** Aliases beyond this count are worth a warning: other YAML tools refuse such files. */
const ALIAS_WARNING_THRESHOLD = 100;

export interface LintOptions {
  /** The file's path; decides the format and names fixes (`name` from the file name). */
  path: string;
  format?: AgentFormatId;
  /** The version of the tool whose behaviour to follow (one of the format's `profiles`); default: the newest. */
  profile?: FormatProfile;
  /** Size on disk when known; defaults to the UTF-8 length of the text. */
  byteLength?: number;
}

export function isReadme(path: string): boolean {
  return /(^|[\\/])readme\.md$/i.test(path);
}

/**
 * `parse` is for the differential test, which runs the engine once with the fast path and once with the `yaml` package
 * alone (`parseFrontmatterYamlFully`) and expects the same result.
 */
export function lintAgentFile(text: string, options: LintOptions, parse: (yamlText: string) => ParsedFrontmatter = parseFrontmatterYaml): LintResult {
  const format = options.format ? formatById(options.format) : formatForPath(options.path);
  const profile = options.profile ?? format.defaultProfile;
  const byteLength = options.byteLength ?? (text.length > MAX_AGENT_FILE_BYTES / 3 ? utf8Length(text) : text.length);
  if (byteLength > MAX_AGENT_FILE_BYTES) {
    return skipped(format, [createDiagnostic(fileTooLarge, `This file is ${(byteLength / 1_048_576).toFixed(1)} MiB; Claude Code skips agent files over 1 MiB without reading them.`,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })]);
  }

  const positions = new TextPositions(text);
  const skipsBom = profile.loader?.stripsOneBom === true && text.charCodeAt(0) === 0xfeff;
  const block = splitFrontmatter(text, skipsBom ? 1 : 0);
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
      return skipped(format, [createDiagnostic(format.yamlSyntax.meta, format.nulInFrontmatter.skips, nulRange(block, positions), removeNulsFix(block, positions))]);
    }
    const offset = text.indexOf('\0');
    const message = nulInFrontmatter && format.nulInFrontmatter ? format.nulInFrontmatter.loadsHere : 'This file contains NUL bytes: Claude Code reads it, but most tools treat it as binary.';
    diagnostics.push(createDiagnostic(nulBytes, message, positions.rangeOf(offset, offset + 1), nulInFrontmatter ? removeNulsFix(block, positions) : undefined));
  }
  const truncated = delimiterInsideValue(block, positions);
  if (truncated) diagnostics.push(truncated);

  const parsed = parse(block.yamlText);
  const context = new FrontmatterContext(positions, block, parsed, options.path, profile);
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

/** Deletes every NUL of the front matter: the file then loads in every version (a NUL in the body is harmless). */
function removeNulsFix(block: FrontmatterBlock, positions: TextPositions): Fix {
  const edits: TextEdit[] = [];
  for (const run of block.yamlText.matchAll(/\0+/g)) {
    const start = block.yamlStart + run.index!;
    edits.push({ range: positions.rangeOf(start, start + run[0].length), newText: '' });
  }
  return { title: 'Remove the NUL bytes from the front matter', isPreferred: true, edits };
}

/** UTF-8 length without encoding the text: only called for texts long enough to be near the size limit. */
function utf8Length(text: string): number {
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

function skipped(format: AgentFileFormat, diagnostics: Diagnostic[]): LintResult {
  return { format: format.id, loads: false, agent: null, diagnostics };
}

function withoutFrontmatter(format: AgentFileFormat, positions: TextPositions, path: string, hasNul: boolean, skipsOneBom: boolean): LintResult {
  if (hasNul) return skipped(format, [createDiagnostic(binaryContent, 'This is a binary file, not an agent: Claude Code skips it.', positions.rangeOf(0, 0))]);
  const explained = explainMissingFrontmatter(positions, skipsOneBom);
  if (explained) return skipped(format, [explained]);
  // A README without front matter is documentation for the folder, not a broken agent.
  if (isReadme(path)) return skipped(format, []);
  const firstLineEnd = positions.lineEndOffset(0);
  return skipped(format, [createDiagnostic(missingFrontmatter, format.missingFrontmatterMessage, positions.rangeOf(0, firstLineEnd), generateFrontmatterFix(positions, path))]);
}

function reportYamlFailure(context: FrontmatterContext, format: AgentFileFormat): void {
  const [first] = context.parsed.strictErrors;
  const { fixes, unindentedDescriptionLine: unindented } = yamlSyntaxFixes(context.block, context.positions);
  const { meta, cannotRead: what } = format.yamlSyntax;
  if (unindented) {
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
  const edits = context.parsed.repairedLines.map((line) => context.edit(line.start, line.end, line.replacement));
  const first = context.parsed.repairedLines[0];
  context.report(meta, `This front matter is not valid YAML (${context.parsed.strictErrors[0]?.message ?? 'syntax error'}); Claude Code loads it only because it quotes such lines itself. Other tools reject it, and a CRLF copy is skipped.`,
    context.range(first.start, first.end), { title: 'Quote the value as Claude Code does', isPreferred: true, edits });
}

function reportDuplicateKeys(context: FrontmatterContext): void {
  const entries = context.parsed.entries;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    // Only an entry that is not the last of its key has a later namesake.
    if (context.entry(entry.key) === entry) continue;
    let later = index + 1;
    while (entries[later].key !== entry.key) later++;
    const laterLine = context.positions.positionAt(context.block.yamlStart + entries[later].keyStart).line + 1;
    const lineStart = context.lineStartAt(entry.keyStart);
    const nextKey = entries[index + 1];
    const removeEnd = nextKey ? context.lineStartAt(nextKey.keyStart) : context.yamlText.length;
    const removable = context.yamlText.slice(lineStart, entry.keyStart).trim() === '' && removeEnd > lineStart;
    context.report(duplicateKey, `\`${entry.key}\` appears again on line ${laterLine}; Claude Code uses that one and ignores this.`, context.keyRange(entry),
      removable ? { title: `Delete this ignored \`${entry.key}\``, isPreferred: true, edits: [context.edit(lineStart, removeEnd, '')] } : undefined);
  }
}
