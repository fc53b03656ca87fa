// Property-based: whatever the input, the engine returns in bounded time, ranges stay inside the document, and fixes
// only change what their edits cover. 10,000 inputs: random text, agent-shaped text, and corpus files mutated at random.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { lintAgentFile } from '../../../../src/engine/lint/lint';
import { claudeCodeProfiles, type ClaudeCodeProfile } from '../../../../src/engine/formats/claudeCode/profiles';
import { applyTextEdits } from '../../../../src/engine/text/textEdits';
import { TextPositions } from '../../../../src/engine/text/textPositions';
import type { Range } from '../../../../src/engine/types';
import { sharedFolder } from '../../../support/sharedMaterial';
import { assertOnlyEditedRangesChanged } from '../../../support/fixAssertions';

const corpusFolder = path.join(sharedFolder(), 'corpus', 'claude');
const corpus = fs.readdirSync(corpusFolder).filter((name) => name.endsWith('.md')).slice(0, 120)
  .map((name) => fs.readFileSync(path.join(corpusFolder, name), 'utf8'));

function assertInside(range: Range, positions: TextPositions, text: string): void {
  for (const position of [range.start, range.end]) {
    assert.ok(position.line >= 0 && position.line < positions.lineCount, `line ${position.line} inside ${positions.lineCount} lines`);
    assert.ok(position.character >= 0 && position.character <= positions.lineText(position.line).length, `character ${position.character} inside line ${position.line} (never past its end)`);
    assert.ok(positions.offsetAt(position) <= text.length);
  }
  assert.ok(positions.offsetAt(range.start) <= positions.offsetAt(range.end), 'start before end');
}

function checkInvariants(text: string, profile: ClaudeCodeProfile): void {
  const result = lintAgentFile(text, { path: '.claude/agents/generated.md', profile });
  const positions = new TextPositions(text);
  for (const diagnostic of result.diagnostics) {
    assertInside(diagnostic.range, positions, text);
    for (const fix of diagnostic.fixes ?? []) {
      for (const edit of fix.edits) assertInside(edit.range, positions, text);
      assertOnlyEditedRangesChanged(text, applyTextEdits(text, fix.edits), fix);
    }
  }
  assert.equal(result.loads, result.agent !== null);
  if (result.loads) assert.ok(!result.diagnostics.some((diagnostic) => diagnostic.severity === 'error'), 'a file that loads has no error');
}

const agentishPiece = fc.constantFrom(
  '---', '---\n', '\n', '\r\n', '\r', '\t', '  ', 'name: ', 'description: ', 'tools: ', 'model: ', 'color: ', 'hooks: []', ': ', ' #',
  '|', '>', '"', "'", '[', ']', '{', '}', '*a', '&a ', '<<: ', '- ', '<example>', 'user: "hi"', '\\n', '\uFEFF', '\0', 'é', '😀',
  'hooks:\n  ', 'PreToolUse:\n    - ', 'matcher: ', 'hooks: [{type: command, command: x}]', 'metadata:\n  ', 'name: a:b', '\uff1a',
  'Read, Grep', 'sonnet', 'reviewer', '!!binary ', '!tag ', '? ', '%YAML 1.2', '...', '__proto__: ', 'true', '42', '~',
);
const agentishText = fc.array(agentishPiece, { maxLength: 40 }).map((pieces) => pieces.join(''));

const mutation = fc.record({
  file: fc.integer({ min: 0, max: corpus.length - 1 }),
  position: fc.double({ min: 0, max: 1, noNaN: true }),
  deleteCount: fc.integer({ min: 0, max: 12 }),
  insert: fc.oneof(fc.string({ maxLength: 8 }), agentishPiece),
});

for (const profile of claudeCodeProfiles) describe(`engine properties (fast-check), under Claude Code ${profile.version}`, function () {
  this.timeout(300_000);

  it('holds for 3,000 arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => checkInvariants(text, profile)), { numRuns: 3000 });
  });

  it('holds for 3,500 agent-shaped strings', () => {
    fc.assert(fc.property(agentishText, (text) => checkInvariants(text, profile)), { numRuns: 3500 });
  });

  it('holds for 3,500 corpus files mutated at random', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
      let text = corpus[mutations[0].file];
      for (const change of mutations) {
        const at = Math.floor(change.position * text.length);
        text = text.slice(0, at) + change.insert + text.slice(at + change.deleteCount);
      }
      checkInvariants(text, profile);
    }), { numRuns: 3500 });
  });
});
