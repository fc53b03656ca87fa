// Each fix issue 14 found breaking a file, as a regression test: the fix is offered, changes only what it should, and
// leaves a file that loads without the problem it was for.
import * as assert from 'node:assert/strict';
import { claudeCodeProfiles } from '../../../../src/engine/formats/claudeCode/profiles';
import type { FormatProfile } from '../../../../src/engine/formats/agentFileFormat';
import { lintAgentFile } from '../../../../src/engine/lint/lint';
import { applyTextEdits } from '../../../../src/engine/text/textEdits';
import type { Fix } from '../../../../src/engine/types';
import type { LintResult } from '../../../../src/engine/lint/lintResult';

const path = '/project/.claude/agents/reviewer.md';
const lint = (text: string, profile?: FormatProfile): LintResult => lintAgentFile(text, { path, profile });

/** The preferred fix for `code`, applied; fails when none is offered. */
function fixed(text: string, code: string, profile?: FormatProfile): string {
  const fix = preferredFix(text, code, profile);
  assert.ok(fix, `a preferred fix for ${code} on ${JSON.stringify(text)}: ${JSON.stringify(lint(text, profile).diagnostics)}`);
  return applyTextEdits(text, fix.edits);
}

function preferredFix(text: string, code: string, profile?: FormatProfile): Fix | undefined {
  return lint(text, profile).diagnostics.find((diagnostic) => diagnostic.code === code)?.fixes?.find((fix) => fix.isPreferred);
}

function assertLoadsWithout(text: string, code: string): void {
  const result = lint(text);
  assert.ok(result.loads, `loads: ${JSON.stringify(text)} ${JSON.stringify(result.diagnostics)}`);
  assert.ok(!result.diagnostics.some((diagnostic) => diagnostic.code === code), `${code} is gone from ${JSON.stringify(text)}`);
}

describe('fixes that broke files (issue 14)', () => {
  it('keeps the line break after a name Claude Code repairs (name-colon, name-whitespace, name-leading-dash)', () => {
    assert.equal(fixed('---\nname: a: b\ndescription: d\n---\n', 'agent/name-colon'), '---\nname: a- b\ndescription: d\n---\n');
    // Only versions that load a `name` with `:` get as far as its whitespace: the oldest profile's.
    assert.equal(fixed('---\nname: a: b c\ndescription: d\n---\n', 'agent/name-whitespace', claudeCodeProfiles[0]), '---\nname: a-b-c\ndescription: d\n---\n');
    assert.equal(fixed('---\nname: -a: b\ndescription: d\n---\n', 'agent/name-leading-dash'), '---\nname: "a: b"\ndescription: d\n---\n');
  });

  it('renames `:a` to `a`, not to `-a`, which Claude Code skips', () => {
    const text = fixed('---\nname: :a\ndescription: d\n---\n', 'agent/name-colon');
    assert.equal(text, '---\nname: a\ndescription: d\n---\n');
    assertLoadsWithout(text, 'agent/name-colon');
  });

  it('never turns a real closing `---` into an em dash', () => {
    for (const text of ['---\nname: a\ndescription: ends ---\nBody\n', '---\nname: a\ndescription: d\n  ---\nBody\n']) {
      const result = lint(text);
      for (const fix of result.diagnostics.flatMap((diagnostic) => diagnostic.fixes ?? [])) {
        if (result.loads) assert.ok(lint(applyTextEdits(text, fix.edits)).loads, `${fix.title} keeps ${JSON.stringify(text)} loading`);
      }
    }
    // Where a later `---` closes the block, the em dash brings the cut-off keys back.
    assertLoadsWithout(fixed('---\nname: a\ndescription: x --- y\nmodel: opus\n---\nBody\n', 'agent/delimiter-inside-value'), 'agent/delimiter-inside-value');
  });

  it('puts generated front matter before a byte-order mark\'s place, removing it', () => {
    const text = fixed('\uFEFF# Reviewer\n\nReviews code.\n', 'agent/missing-frontmatter');
    assert.ok(text.startsWith('---\nname: reviewer\n'), JSON.stringify(text));
    assertLoadsWithout(text, 'agent/missing-frontmatter');
  });

  it('does not copy a `---` body line into the description it adds', () => {
    for (const body of ['---\nReviews code.\n', 'Use it --- always\n']) {
      const text = fixed(`---\nname: a\n---\n${body}`, 'agent/missing-description');
      assertLoadsWithout(text, 'agent/missing-description');
      assert.ok(text.endsWith(body), 'the body is untouched');
    }
  });

  it('closes unclosed front matter in CR-only and mixed line endings', () => {
    for (const text of ['---\rname: a\rdescription: d\r\rBody\r', '---\r\nname: a\rdescription: d\n\nBody\n', '---\rname: a\ndescription: d\r\nBody']) {
      const result = fixed(text, 'agent/unclosed-frontmatter');
      assertLoadsWithout(result, 'agent/unclosed-frontmatter');
      assert.ok(result.includes('Body'), JSON.stringify(result));
    }
  });

  it('changes the misspelt tool itself, not the first place its letters appear', () => {
    assert.equal(fixed('---\nname: a\ndescription: d\ntools: Write, it\n---\n', 'agent/unknown-tool'), '---\nname: a\ndescription: d\ntools: Write, Edit\n---\n');
    assert.equal(fixed('---\nname: a\ndescription: d\ntools: [Grepp, Grep]\n---\n', 'agent/unknown-tool'), '---\nname: a\ndescription: d\ntools: [Grep, Grep]\n---\n');
    assert.equal(fixed('---\nname: a\ndescription: d\ntools: Read Grepp Grep\n---\n', 'agent/unknown-tool'), '---\nname: a\ndescription: d\ntools: Read Grep Grep\n---\n');
  });

  it('deletes an ignored duplicate key without the comments after it', () => {
    assert.equal(
      fixed('---\nname: a\nmodel: opus\n# the fast one:\n# keep this note\nmodel: sonnet\ndescription: d\n---\n', 'agent/duplicate-key'),
      '---\nname: a\n# the fast one:\n# keep this note\nmodel: sonnet\ndescription: d\n---\n');
    assert.equal(
      fixed('---\nname: a\ndescription: |\n  one\n  two\n# note\ndescription: d\n---\n', 'agent/duplicate-key'),
      '---\nname: a\n# note\ndescription: d\n---\n');
  });

  it('quotes a tagged description without swallowing its comment', () => {
    const text = fixed('---\nname: a\ndescription: !!bool true # why\n---\n', 'agent/description-not-string');
    assert.equal(text, '---\nname: a\ndescription: "true" # why\n---\n');
    assertLoadsWithout(text, 'agent/description-not-string');
  });

  it('warns about a name holding a path separator, and fixes it to a plain name', () => {
    const text = '---\nname: "../../.github/workflows/ci"\ndescription: d\n---\n';
    assert.ok(lint(text).loads, 'Claude Code loads it');
    assert.equal(fixed(text, 'agent/name-path-separator'), '---\nname: github-workflows-ci\ndescription: d\n---\n');
  });
});
