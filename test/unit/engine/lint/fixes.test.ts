// Quick fixes: each one makes the file load (or removes its problem) and touches nothing outside its edits.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintAgentFile } from '../../../../src/engine/lint/lint';
import { claudeCodeProfiles, type ClaudeCodeProfile } from '../../../../src/engine/formats/claudeCode/profiles';
import { applyTextEdits } from '../../../../src/engine/text/textEdits';
import type { Diagnostic } from '../../../../src/engine/types';
import type { LintResult } from '../../../../src/engine/lint/lintResult';
import { loaderFixtureCases } from '../../../support/loaderFixtures';
import { assertOnlyEditedRangesChanged } from '../../../support/fixAssertions';
import { sharedFolder } from '../../../support/sharedMaterial';

const lint = (text: string, file = '.claude/agents/case.md'): LintResult => lintAgentFile(text, { path: file });
const errorsOf = (result: LintResult) => result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');

function applyPreferred(text: string, diagnostic: Diagnostic): string {
  assert.ok(diagnostic.fixes, `${diagnostic.code} has a fix`);
  return applyTextEdits(text, diagnostic.fixes[0].edits);
}

const preferredFix = (diagnostic: Diagnostic) => diagnostic.fixes?.find((fix) => fix.isPreferred);
const foldFix = (diagnostic: Diagnostic) => diagnostic.fixes?.find((fix) => fix.title.includes('block'));

describe('quick fixes', () => {
  it('generates front matter for the seed without one, from its heading, and it then loads', () => {
    const text = fs.readFileSync(path.join(sharedFolder(), 'seeds', '003_305e1a31fec78210.md'), 'utf8');
    const [problem] = errorsOf(lint(text));
    assert.equal(problem.code, 'agent/missing-frontmatter');
    const fixed = applyPreferred(text, problem);
    const result = lint(fixed);
    assert.equal(result.loads, true);
    assert.equal(result.agent!.name, 'backend-architect');
    assert.match(result.agent!.description, /master backend architect/);
    assert.ok(fixed.endsWith(text), 'the original text follows the new block unchanged');
  });

  it('quotes an unquoted colon in a CRLF file (where Claude Code\'s own repair never applies), keeping CRLF', () => {
    const text = '---\r\nname: reviewer\r\ndescription: Use when: the code changed\r\nmodel: sonnet\r\n---\r\nBody\r\n';
    const [problem] = errorsOf(lint(text));
    assert.equal(problem.code, 'agent/yaml-syntax');
    const fixed = applyPreferred(text, problem);
    assert.equal(fixed, '---\r\nname: reviewer\r\ndescription: "Use when: the code changed"\r\nmodel: sonnet\r\n---\r\nBody\r\n');
    assert.equal(lint(fixed).loads, true);
  });

  it('folds a description with unindented example lines into a | block', () => {
    const text = ['---', 'name: helper', 'description: Use this agent for help.', '<example>', 'Context: a user asks', 'user: "help me"', 'assistant: "I will use helper"', '</example>', 'tools: Read', '---', 'Body', ''].join('\n');
    const errors = errorsOf(lint(text));
    assert.equal(errors[0].code, 'agent/yaml-syntax');
    const folding = errors.map(foldFix).find((fix) => fix !== undefined);
    assert.ok(folding, 'a fold fix is offered');
    const fixed = applyTextEdits(text, folding.edits);
    const result = lint(fixed);
    assert.equal(result.loads, true);
    assert.match(result.agent!.description, /^Use this agent for help\.\n<example>\nContext: a user asks\nuser: "help me"/);
    assert.deepEqual(result.agent!.tools, ['Read']);
    assertOnlyEditedRangesChanged(text, fixed, folding);
  });

  it('quotes only the lines that fail to parse: flow lists and comments elsewhere keep their meaning', () => {
    const text = '---\r\nname: reviewer\r\ndescription: Use when: the code changed\r\ntools: [Read, Grep]\r\nmodel: sonnet # the fast one\r\n---\r\n';
    const [problem] = errorsOf(lint(text));
    const fixed = applyPreferred(text, problem);
    assert.equal(fixed, '---\r\nname: reviewer\r\ndescription: "Use when: the code changed"\r\ntools: [Read, Grep]\r\nmodel: sonnet # the fast one\r\n---\r\n');
    assert.deepEqual(lint(fixed).diagnostics, []);
    assert.deepEqual(lint(fixed).agent!.tools, ['Read', 'Grep']);
  });

  it('folds example lines into the description block but leaves a comment and a misspelt key where they are', () => {
    const example = ['<example>', 'user: "help me"', 'assistant: "I will use helper"', '</example>'];
    const text = ['---', 'name: helper', 'description: Use this agent for help.', ...example, '# the colour is for the view', 'colour: red', 'model: haiku', '---', ''].join('\n');
    const folding = errorsOf(lint(text)).map(foldFix).find((fix) => fix !== undefined);
    assert.ok(folding, 'a fold fix is offered');
    const fixed = applyTextEdits(text, folding.edits);
    const result = lint(fixed);
    assert.equal(result.agent!.description, `Use this agent for help.\n${example.join('\n')}\n`);
    assert.ok(fixed.includes('\n# the colour is for the view\ncolour: red\n'), fixed);
    assert.ok(result.diagnostics.some((diagnostic) => diagnostic.code === 'agent/misspelt-key'), 'colour is still reported as a key');
    assertOnlyEditedRangesChanged(text, fixed, folding);
  });

  it('quotes a description cut at " #" so the whole text is kept', () => {
    const text = '---\nname: tagger\ndescription: Adds tags #like this one\n---\n';
    const problem = lint(text).diagnostics.find((diagnostic) => diagnostic.code === 'agent/description-comment')!;
    assert.equal(lint(text).agent!.description, 'Adds tags');
    const fixed = applyPreferred(text, problem);
    assert.equal(lint(fixed).agent!.description, 'Adds tags #like this one');
    assertOnlyEditedRangesChanged(text, fixed, problem);
  });

  it('moves a first key written on the opener line to its own line instead of dropping it', () => {
    const text = '--- name: reviewer\ndescription: Reviews code\n---\nBody\n';
    const [problem] = errorsOf(lint(text));
    assert.equal(problem.code, 'agent/malformed-delimiter');
    const fixed = applyPreferred(text, problem);
    assert.equal(fixed, '---\nname: reviewer\ndescription: Reviews code\n---\nBody\n');
    assert.deepEqual(lint(fixed).diagnostics, []);
  });

  it('quotes a tagged description without its tag, in one fix', () => {
    const text = '---\nname: counter\ndescription: !!int 42\n---\n';
    const [problem] = errorsOf(lint(text));
    assert.equal(problem.code, 'agent/description-not-string');
    const fixed = applyPreferred(text, problem);
    assert.equal(fixed, '---\nname: counter\ndescription: "42"\n---\n');
    assert.equal(lint(fixed).agent?.description, '42');
  });

  it('removes a BOM and nothing else, where a version skips the file for it', () => {
    const text = '\uFEFF---\nname: a\ndescription: b\n---\n';
    for (const profile of claudeCodeProfiles) {
      const result = lintAgentFile(text, { path: '.claude/agents/a.md', profile });
      assert.equal(result.loads, profile.loader.stripsOneBom, `Claude Code ${profile.version}`);
      if (result.loads) continue;
      const [problem] = errorsOf(result);
      assert.equal(problem.code, 'agent/bom');
      assert.equal(applyPreferred(text, problem), text.slice(1));
    }
    // Two marks are one too many for every version; the fix removes both, so that every version loads the file.
    const twice = '\uFEFF' + text;
    for (const profile of claudeCodeProfiles) {
      const [problem] = errorsOf(lintAgentFile(twice, { path: '.claude/agents/a.md', profile }));
      assert.equal(problem.code, 'agent/bom');
      assert.equal(applyPreferred(twice, problem), text.slice(1));
    }
  });

  it('closes an unclosed block after its last key', () => {
    const text = '---\nname: a\ndescription: b\n\n# Heading\nBody\n';
    const [problem] = errorsOf(lint(text));
    assert.equal(problem.code, 'agent/unclosed-frontmatter');
    const fixed = applyPreferred(text, problem);
    assert.equal(fixed, '---\nname: a\ndescription: b\n---\n\n# Heading\nBody\n');
    assert.equal(lint(fixed).loads, true);
  });

  it('turns a repaired line into a | block, or the quoted form Claude Code itself uses', () => {
    const text = '---\nname: a\ndescription: Use when: x\n---\n';
    const warning = lint(text).diagnostics.find((diagnostic) => diagnostic.code === 'agent/yaml-repaired')!;
    const fixed = applyPreferred(text, warning);
    assert.equal(fixed, '---\nname: a\ndescription: |-\n  Use when: x\n---\n');
    assert.deepEqual(lint(fixed).diagnostics, []);
    const quoted = applyTextEdits(text, warning.fixes![1].edits);
    assert.equal(quoted, '---\nname: a\ndescription: "Use when: x"\n---\n');
    assert.deepEqual(lint(quoted).diagnostics, []);
  });

  it('adds a missing name from the file name', () => {
    const text = '---\ndescription: Reviews code\n---\n';
    const [problem] = errorsOf(lint(text, '.claude/agents/code-reviewer.md'));
    assert.equal(problem.code, 'agent/missing-name');
    const result = lint(applyPreferred(text, problem), '.claude/agents/code-reviewer.md');
    assert.equal(result.agent?.name, 'code-reviewer');
  });

  it('deletes the ignored copy of a duplicate key', () => {
    const text = '---\nname: first\ndescription: d\nname: second\n---\n';
    const warning = lint(text).diagnostics.find((diagnostic) => diagnostic.code === 'agent/duplicate-key')!;
    const fixed = applyPreferred(text, warning);
    assert.equal(fixed, '---\ndescription: d\nname: second\n---\n');
    assert.equal(lint(fixed).agent!.name, 'second');
  });

  it('never offers a fix that changes bytes outside its edits, over every loader fixture', () => {
    let checked = 0;
    for (const fixture of loaderFixtureCases()) {
      for (const file of fixture.files) {
        if (!file.relativePath.endsWith('.md')) continue;
        const text = Buffer.isBuffer(file.content) ? file.content.toString('utf8') : file.content;
        for (const diagnostic of lint(text, file.relativePath).diagnostics) {
          for (const fix of diagnostic.fixes ?? []) {
            assertOnlyEditedRangesChanged(text, applyTextEdits(text, fix.edits), fix);
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 50, `checked ${checked} fixes`);
  });

  for (const profile of claudeCodeProfiles) {
    it(`makes a fixture Claude Code ${profile.version} skips load in every version whenever its error has a preferred fix`, () => {
      const under = (text: string, file: string, version: ClaudeCodeProfile = profile) => lintAgentFile(text, { path: file, profile: version });
      const stillSkipped: string[] = [];
      const notSolved: string[] = [];
      for (const fixture of loaderFixtureCases()) {
        for (const file of fixture.files) {
          if (!file.relativePath.endsWith('.md')) continue;
          const text = Buffer.isBuffer(file.content) ? file.content.toString('utf8') : file.content;
          const result = under(text, file.relativePath);
          const error = errorsOf(result).find((diagnostic) => preferredFix(diagnostic));
          if (result.loads || !error) continue;
          let fixed = applyTextEdits(text, preferredFix(error)!.edits);
          // A fix solves its own problem: the error it was offered for does not come back from the fixed text.
          if (errorsOf(under(fixed, file.relativePath)).some((after) => after.code === error.code)) notSolved.push(`${fixture.id}${file.relativePath} (${error.code})`);
          // A file may have several independent problems; keep applying preferred fixes, at most a few rounds, under
          // every version, so that the result loads in all of them.
          for (let round = 0; round < 6; round++) {
            const next = claudeCodeProfiles.map((version) => errorsOf(under(fixed, file.relativePath, version)).find((diagnostic) => preferredFix(diagnostic))).find((found) => found);
            if (!next) break;
            fixed = applyTextEdits(fixed, preferredFix(next)!.edits);
          }
          const skippedBy = claudeCodeProfiles.filter((version) => !under(fixed, file.relativePath, version).loads).map((version) => version.version);
          if (skippedBy.length > 0) stillSkipped.push(`${fixture.id}${file.relativePath} (skipped by ${skippedBy.join(', ')})`);
        }
      }
      assert.deepEqual(stillSkipped, []);
      assert.deepEqual(notSolved, []);
    });
  }
});
