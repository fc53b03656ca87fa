// Fix safety as a property (issue 14), under every version profile of every format: for every offered fix and for Fix
// All, bytes outside the edits are unchanged and no range runs past its line; the fixed file still loads wherever the
// original loaded; a preferred fix removes its own diagnostic. A new profile (a newer Claude Code) is checked by being
// listed in its format's `profiles`: nothing here names a version.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { agentFileFormats } from '../../../../src/engine/formats/registry';
import type { FormatProfile } from '../../../../src/engine/formats/agentFileFormat';
import type { RegisteredFormat } from '../../../../src/engine/formats/registry';
import { verifiedFixAllEdits } from '../../../../src/engine/lint/fixVerification';
import { lintAgentFile, verificationTarget } from '../../../../src/engine/lint/lint';
import { applyTextEdits } from '../../../../src/engine/text/textEdits';
import type { Diagnostic, Range, TextEdit } from '../../../../src/engine/types';
import type { LintResult } from '../../../../src/engine/lint/lintResult';
import { sharedFolder } from '../../../support/sharedMaterial';
import { lineTable } from '../../../support/lineTable';

const paths: Record<string, string> = { 'claude-code': '/project/.claude/agents/generated-agent.md', copilot: '/project/.github/agents/generated-agent.agent.md' };

interface Checked {
  format: RegisteredFormat;
  profile: FormatProfile;
  path: string;
}

const everyProfile: Checked[] = agentFileFormats.flatMap((format) => format.profiles.map((profile) => ({ format, profile, path: paths[format.id] })));

function lint(text: string, checked: Checked): LintResult {
  return lintAgentFile(text, { path: checked.path, format: checked.format.id, profile: checked.profile });
}

/** The offset of a position that must lie on its line: a character past the line's end is a defect, not clamped. */
function strictOffset(table: ReturnType<typeof lineTable>, position: Range['start'], what: string): number {
  assert.ok(position.line >= 0 && position.line < table.starts.length, `${what}: line ${position.line} of ${table.starts.length}`);
  const offset = table.starts[position.line] + position.character;
  assert.ok(position.character >= 0 && offset <= table.ends[position.line], `${what}: character ${position.character} runs past the end of line ${position.line}`);
  return offset;
}

/** Applies edits by strict offsets and checks that every byte outside them is the original's. */
function applyChecked(text: string, edits: readonly TextEdit[], what: string): string {
  const table = lineTable(text);
  const resolved = edits.map((edit) => ({ start: strictOffset(table, edit.range.start, what), end: strictOffset(table, edit.range.end, what), newText: edit.newText }))
    .sort((a, b) => a.start - b.start);
  let result = '';
  let cursor = 0;
  for (const edit of resolved) {
    assert.ok(edit.start >= cursor && edit.end >= edit.start, `${what}: edits overlap or run backwards`);
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  result += text.slice(cursor);
  assert.equal(applyTextEdits(text, edits), result, `${what}: the engine applies the edits where they say`);
  return result;
}

const count = (result: LintResult, code: string) => result.diagnostics.filter((diagnostic) => diagnostic.code === code).length;
const shown = (text: string) => JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}…` : text);
const describe_ = (text: string, checked: Checked, what: string) => `${what} under ${checked.format.id} ${checked.profile.version ?? ''} on ${shown(text)}`;

/**
 * The three promises, for one text, under the profiles given (every one by default). Whichever profile lints, a fix must
 * keep the file loading under every profile of its format where it loaded (checkFix).
 */
export function checkFixSafety(text: string, profiles: readonly Checked[] = everyProfile): void {
  const results = profiles.map((checked) => ({ checked, result: lint(text, checked) }));
  for (const { checked, result } of results) {
    const table = lineTable(text);
    for (const diagnostic of result.diagnostics) {
      strictOffset(table, diagnostic.range.start, describe_(text, checked, `range of ${diagnostic.code}`));
      strictOffset(table, diagnostic.range.end, describe_(text, checked, `range of ${diagnostic.code}`));
      for (const fix of diagnostic.fixes ?? []) checkFix(text, checked, result, diagnostic, fix.edits, fix.isPreferred === true, `fix "${fix.title}" of ${diagnostic.code}`);
    }
    // Fix All as the editor's source action computes it.
    const all = verifiedFixAllEdits(verificationTarget(text, { path: checked.path, format: checked.format.id, profile: checked.profile }));
    if (all.length > 0) checkFix(text, checked, result, undefined, all, false, 'Fix All');
  }
}

function checkFix(text: string, checked: Checked, result: LintResult, diagnostic: Diagnostic | undefined, edits: readonly TextEdit[], preferred: boolean, what: string): void {
  const fixed = applyChecked(text, edits, describe_(text, checked, what));
  // Wherever the original loads (this profile, and every other profile of the format), the fixed file loads too.
  for (const other of everyProfile.filter((candidate) => candidate.format === checked.format)) {
    const before = other === checked ? result : lint(text, other);
    if (before.loads) assert.ok(lint(fixed, other).loads, describe_(text, other, `${what} keeps the file loading (fixed: ${shown(fixed)})`));
  }
  if (preferred && diagnostic) {
    const after = lint(fixed, checked);
    assert.ok(count(after, diagnostic.code) < count(result, diagnostic.code), describe_(text, checked, `preferred ${what} removes its diagnostic (fixed: ${shown(fixed)})`));
  }
}

// Inputs: agent files built from the pieces the reproducers of issue 14 are made of, in every line-ending style.
const eol = fc.constantFrom('\n', '\r\n', '\r');
const key = fc.constantFrom('name', 'description', 'tools', 'disallowedTools', 'model', 'color', 'permissionMode', 'hooks', 'mcpServers', 'maxTurns', 'colour', 'Tools', 'allowed-tools', 'target');
const value = fc.constantFrom(
  'reviewer', 'a: b', ':a', '-x', '--', ' a b ', 'Code Reviewer', 'a:b c', 'Read, Grep', 'Write, it', 'Read, Grepp', 'read, bash', '[Read, Grepp]', '[Read, "Grepp"]',
  'sonnet', 'Sonnet', 'opus', 'red', 'Red', 'plan', 'Plan', 'bypassPermissions', '!!bool true # x', '!!int 42', 'true', '42', '~', '', '"quoted: x"', "'single'",
  'Use when: x', 'Use it #when', '|', '>', '"a\\nb"', 'x --- y', 'ends ---', '---', '—', '*a', '&a x', '[]', '{}', '[a, b', 'é😀', 'Use this agent\twith tabs',
);
const frontmatterLine = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`) },
  { weight: 1, arbitrary: fc.constantFrom('# a comment', '  - Read', '  - Grepp', '  indented continuation', 'user: "hi"', '<example>', '', '  ---', '--- ', 'key:', '\tname: tab') },
);
const bodyLine = fc.constantFrom('# Reviewer', 'You review code.', '---', '', '<example>', 'Use this agent for tests.', '## Heading ---');
const agentFile = fc.record({
  bom: fc.boolean(),
  blankBefore: fc.boolean(),
  opener: fc.constantFrom('---', '---', '---', '--- ', '----', '---yaml', ' ---', '--- name: x'),
  lines: fc.array(frontmatterLine, { maxLength: 7 }),
  closer: fc.constantFrom('---', '---', '---', '', '  ---', '--- trailing'),
  body: fc.array(bodyLine, { maxLength: 4 }),
  eols: fc.array(eol, { minLength: 1, maxLength: 3 }),
}).map(({ bom, blankBefore, opener, lines, closer, body, eols }) => {
  const all = [...(blankBefore ? [''] : []), opener, ...lines, ...(closer === '' ? [] : [closer]), ...body];
  return (bom ? '\uFEFF' : '') + all.map((line, index) => line + eols[index % eols.length]).join('');
});

const corpusFolder = path.join(sharedFolder(), 'corpus', 'claude');
const corpus = fs.readdirSync(corpusFolder).filter((name) => name.endsWith('.md')).slice(0, 60).map((name) => fs.readFileSync(path.join(corpusFolder, name), 'utf8'));
const mutatedCorpusFile = fc.record({
  file: fc.integer({ min: 0, max: corpus.length - 1 }),
  at: fc.double({ min: 0, max: 0.3, noNaN: true }),
  deleteCount: fc.integer({ min: 0, max: 8 }),
  insert: fc.oneof(value, fc.constantFrom('\n', '\r\n', '\r', ': ', ' #', '---', '\n---\n', '"', '\t')),
}).map(({ file, at, deleteCount, insert }) => {
  const text = corpus[file];
  const offset = Math.floor(at * Math.min(text.length, 2000));
  return text.slice(0, offset) + insert + text.slice(offset + deleteCount);
});

describe('fix safety (fast-check), under every profile', function () {
  this.timeout(600_000);

  it(`checks ${everyProfile.length} profile(s): ${everyProfile.map((checked) => `${checked.format.id} ${checked.profile.version ?? ''}`).join(', ')}`, () => {
    assert.ok(everyProfile.some((checked) => checked.format.id === 'claude-code'));
  });

  // Each input is linted under one profile drawn with it (every profile is drawn thousands of times); linting every
  // input under all nine made the suite take over ten minutes.
  const oneProfile = fc.constantFrom(...everyProfile);

  it('keeps its promises on 16,000 generated agent files', () => {
    fc.assert(fc.property(agentFile, oneProfile, (text, checked) => checkFixSafety(text, [checked])), { numRuns: 16_000 });
  });

  it('keeps its promises on 4,000 corpus files mutated near their front matter', () => {
    fc.assert(fc.property(mutatedCorpusFile, oneProfile, (text, checked) => checkFixSafety(text, [checked])), { numRuns: 4_000 });
  });

  // The editor lints while typing with fixes tried on first read: once read, they are exactly the fixes checked above.
  it('offers the same fixes when they are tried on first read, on 2,000 generated files', () => {
    fc.assert(fc.property(fc.oneof(agentFile, mutatedCorpusFile), oneProfile, (text, checked) => {
      const options = { path: checked.path, format: checked.format.id, profile: checked.profile };
      const eager = lintAgentFile(text, options);
      const onRead = lintAgentFile(text, { ...options, fixChecks: 'onFirstRead' });
      assert.deepEqual(JSON.parse(JSON.stringify(onRead)), JSON.parse(JSON.stringify(eager)));
    }), { numRuns: 2_000 });
  });
});
