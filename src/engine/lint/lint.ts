// The engine's entry point: one agent file's text in, what the tool makes of it out (loads? which agent? problems).
import { applyClaudeCodeRules } from '../formats/claudeCode/claudeCodeRules';
import { applyCopilotRules } from '../formats/copilot/copilotRules';
import { codes } from './diagnosticCodes';
import { delimiterInsideValue, explainMissingFrontmatter, splitFrontmatter } from '../frontmatter/frontmatter';
import { FrontmatterContext } from './frontmatterContext';
import { generateFrontmatterFix, yamlSyntaxFixes } from './fixes';
import { TextPositions } from '../text/textPositions';
import type { AgentFormatId, Diagnostic, LintResult } from '../types';
import { parseFrontmatterYaml, type ParsedFrontmatter } from '../frontmatter/yamlFrontmatter';

/** Claude Code skips files over this many bytes (1 MiB) unread. */
export const MAX_AGENT_FILE_BYTES = 1_048_576;
/** Aliases beyond this count are worth a warning: other YAML tools refuse such files. */
const ALIAS_WARNING_THRESHOLD = 100;

export interface LintOptions {
  /** The file's path; decides the format and names fixes (`name` from the file name). */
  path: string;
  format?: AgentFormatId;
  /** Size on disk when known; defaults to the UTF-8 length of the text. */
  byteLength?: number;
}

export function formatForPath(path: string): AgentFormatId {
  const normalized = path.includes('\\') ? path.replace(/\\/g, '/') : path;
  // String tests, not regular expressions: this runs for every file, and a regex scans the whole path.
  const tail = normalized.slice(-'.chatmode.md'.length).toLowerCase();
  const copilotName = tail.endsWith('.agent.md') || tail.endsWith('.chatmode.md');
  return copilotName || normalized.startsWith('.github/agents/') || normalized.includes('/.github/agents/') ? 'copilot' : 'claude-code';
}

export function isReadme(path: string): boolean {
  return /(^|[\\/])readme\.md$/i.test(path);
}

/**
 * `parse` is for the differential test, which runs the engine once with the fast path and once with the `yaml` package
 * alone (`parseFrontmatterYamlFully`) and expects the same result.
 */
export function lintAgentFile(text: string, options: LintOptions, parse: (yamlText: string) => ParsedFrontmatter = parseFrontmatterYaml): LintResult {
  const format = options.format ?? formatForPath(options.path);
  const byteLength = options.byteLength ?? (text.length > MAX_AGENT_FILE_BYTES / 3 ? Buffer.byteLength(text, 'utf8') : text.length);
  if (byteLength > MAX_AGENT_FILE_BYTES) {
    return skipped(format, [{
      code: 'agent/file-too-large', severity: codes['agent/file-too-large'].severity,
      message: `This file is ${(byteLength / 1_048_576).toFixed(1)} MiB; Claude Code skips agent files over 1 MiB without reading them.`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    }]);
  }

  const positions = new TextPositions(text);
  const block = splitFrontmatter(text);
  const hasNul = text.includes('\0');
  if (!block) return withoutFrontmatter(format, positions, options.path, hasNul);

  const diagnostics: Diagnostic[] = [];
  if (hasNul) {
    const offset = text.indexOf('\0');
    diagnostics.push({ code: 'agent/nul-bytes', severity: codes['agent/nul-bytes'].severity, message: 'This file contains NUL bytes: Claude Code reads it, but most tools treat it as binary.', range: positions.rangeOf(offset, offset + 1) });
  }
  const truncated = delimiterInsideValue(block, positions);
  if (truncated) diagnostics.push(truncated);

  const parsed = parse(block.yamlText);
  const context = new FrontmatterContext(positions, block, parsed, options.path);
  if (parsed.failed) {
    reportYamlFailure(context, format);
    return { format, loads: false, agent: null, diagnostics: [...diagnostics, ...context.diagnostics] };
  }
  if (parsed.repaired && format === 'claude-code') reportRepair(context);
  reportDuplicateKeys(context);
  if (parsed.aliasCount > ALIAS_WARNING_THRESHOLD) {
    context.report('agent/alias-expansion', `This front matter uses ${parsed.aliasCount} YAML aliases; Claude Code accepts it, most YAML tools refuse it.`, context.openerRange);
  }
  if (parsed.notAMap) {
    context.report('agent/frontmatter-not-a-map', 'The front matter is not a map of `key: value` lines, so Claude Code finds no `name` and skips this file.', context.range(0, block.yamlText.length));
    return { format, loads: false, agent: null, diagnostics: [...diagnostics, ...context.diagnostics] };
  }

  const agent = format === 'copilot' ? applyCopilotRules(context) : applyClaudeCodeRules(context);
  return { format, loads: agent !== null, agent, diagnostics: [...diagnostics, ...context.diagnostics] };
}

function skipped(format: AgentFormatId, diagnostics: Diagnostic[]): LintResult {
  return { format, loads: false, agent: null, diagnostics };
}

function withoutFrontmatter(format: AgentFormatId, positions: TextPositions, path: string, hasNul: boolean): LintResult {
  if (hasNul) {
    return skipped(format, [{ code: 'agent/binary-content', severity: codes['agent/binary-content'].severity, message: 'This is a binary file, not an agent: Claude Code skips it.', range: positions.rangeOf(0, 0) }]);
  }
  const explained = explainMissingFrontmatter(positions);
  if (explained) return skipped(format, [explained]);
  // A README without front matter is documentation for the folder, not a broken agent.
  if (isReadme(path)) return skipped(format, []);
  const firstLineEnd = positions.lineEndOffset(0);
  const message = format === 'copilot'
    ? 'This Copilot agent has no front matter: add a `---` block with a `description`.'
    : 'Claude Code skips this file: it has no front matter (a `---` block with `name` and `description` at the very top).';
  return skipped(format, [{
    code: 'agent/missing-frontmatter', severity: codes['agent/missing-frontmatter'].severity, message,
    range: positions.rangeOf(0, firstLineEnd), fix: generateFrontmatterFix(positions, path),
  }]);
}

function reportYamlFailure(context: FrontmatterContext, format: AgentFormatId): void {
  const [first] = context.parsed.strictErrors;
  const { fixes, unindentedDescriptionLine: unindented } = yamlSyntaxFixes(context.block, context.positions);
  const code = format === 'copilot' ? 'copilot/yaml-syntax' : 'agent/yaml-syntax';
  const what = format === 'copilot' ? 'VS Code cannot read this front matter' : 'Claude Code cannot parse this front matter, even after its repair pass, and skips the file';
  if (unindented) {
    // The parser's own words ("Implicit keys need to be on a single line") name a symptom; this is the cause.
    const shown = unindented.text.length > 40 ? `${unindented.text.slice(0, 37)}...` : unindented.text;
    context.report(code, `${what}: the description goes on over lines that are not indented, so YAML does not read \`${shown}\` as part of it. Indent them under \`description: |\`.`, context.range(unindented.start, unindented.end), fixes[0]);
  } else {
    const start = Math.min(first?.start ?? 0, context.yamlText.length);
    const end = Math.max(start, Math.min(first?.end ?? start, context.yamlText.length));
    const hint = /\r/.test(context.yamlText) && format === 'claude-code' ? ' (in a CRLF file Claude Code\'s repair of unquoted `: ` never applies)' : '';
    context.report(code, `${what}${hint}: ${first?.message ?? 'invalid YAML'}`, context.range(start, end), fixes[0]);
  }
  // Further candidate fixes ride on copies of the diagnostic so each can be offered.
  for (const fix of fixes.slice(1)) {
    const primary = context.diagnostics[context.diagnostics.length - 1];
    context.diagnostics.push({ ...primary, fix });
  }
}

function reportRepair(context: FrontmatterContext): void {
  const edits = context.parsed.repairedLines.map((line) => context.edit(line.start, line.end, line.replacement));
  const first = context.parsed.repairedLines[0];
  context.report('agent/yaml-repaired', `This front matter is not valid YAML (${context.parsed.strictErrors[0]?.message ?? 'syntax error'}); Claude Code loads it only because it quotes such lines itself. Other tools reject it, and a CRLF copy is skipped.`,
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
    context.report('agent/duplicate-key', `\`${entry.key}\` appears again on line ${laterLine}; Claude Code uses that one and ignores this.`, context.keyRange(entry),
      removable ? { title: `Delete this ignored \`${entry.key}\``, isPreferred: true, edits: [context.edit(lineStart, removeEnd, '')] } : undefined);
  }
}
