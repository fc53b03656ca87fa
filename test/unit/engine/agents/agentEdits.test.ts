import * as assert from 'node:assert/strict';
import { setNameEdit, uniqueName } from '../../../../src/engine/agents/agentEdits';
import { yamlScalar } from '../../../../src/engine/lint/fixes';
import { applyTextEdits } from '../../../../src/engine/text/textEdits';
import { fixAllEdits, overlaps } from '../../../../src/engine/lint/fixAll';
import { claudeCodeProfiles, type ClaudeCodeProfile } from '../../../../src/engine/formats/claudeCode/profiles';
import { lintAgentFile } from '../../../../src/engine/lint/lint';
import { checkNewAgentDescription, checkNewAgentName, renderNewAgent } from '../../../../src/engine/agents/newAgent';

const rename = (text: string, name: string) => applyTextEdits(text, [setNameEdit(text, name)!]);

describe('agent edits', () => {
  it('renames the name Claude Code reads and touches nothing else (CRLF, BOM-free, comments)', () => {
    const text = '---\r\nname: old # the id\r\ndescription: x\r\n---\r\nbody\r\n';
    assert.equal(rename(text, 'new-name'), '---\r\nname: new-name # the id\r\ndescription: x\r\n---\r\nbody\r\n');
    assert.equal(rename('---\nname: a\nname: b\ndescription: d\n---\n', 'c'), '---\nname: a\nname: c\ndescription: d\n---\n');
  });

  it('adds a name when there is none, and quotes names YAML would misread', () => {
    assert.equal(rename('---\ndescription: d\n---\n', 'x'), '---\nname: x\ndescription: d\n---\n');
    assert.equal(rename('---\nname:\ndescription: d\n---\n', 'x'), '---\nname: x\ndescription: d\n---\n');
    assert.equal(yamlScalar('true'), '"true"');
    assert.equal(yamlScalar('a: b'), '"a: b"');
    assert.equal(yamlScalar('code-reviewer'), 'code-reviewer');
    assert.equal(setNameEdit('# no front matter\n', 'x'), undefined);
  });

  it('finds a free copy name', () => {
    assert.equal(uniqueName('a', new Set()), 'a-copy');
    assert.equal(uniqueName('a', new Set(['a-copy', 'a-copy-2'])), 'a-copy-3');
  });
});

describe('new agent', () => {
  it('checks names as they are typed', () => {
    assert.equal(checkNewAgentName('')?.severity, 'error');
    assert.equal(checkNewAgentName('-x')?.severity, 'error');
    assert.equal(checkNewAgentName('code-reviewer', 'code-reviewer.md')?.severity, 'error');
    assert.deepEqual(checkNewAgentName('My Reviewer'), { severity: 'error', message: 'No spaces: the name is also the file name. Try my-reviewer.' });
    assert.equal(checkNewAgentName('CodeReviewer')?.severity, 'warning');
    assert.match(checkNewAgentName('CodeReviewer')!.message, /codereviewer\.$/);
    assert.equal(checkNewAgentName('code-reviewer'), undefined);
    assert.equal(checkNewAgentName('a---b')?.severity, 'error');
    assert.match(checkNewAgentDescription('Use when --- anything') ?? '', /`---`/);
    assert.equal(checkNewAgentDescription('Use when - anything'), undefined);
  });

  it('writes a file the engine loads without any problem', () => {
    for (const answers of [
      { name: 'code-reviewer', description: 'Use when: reviewing #code, "quoted"', model: 'sonnet', tools: ['Read', 'Bash'], color: 'blue' },
      { name: 'minimal', description: '' },
      // Given past the input box's check (a script's arguments): the description must not end the front matter.
      { name: 'delimited', description: 'Use when --- anything', tools: ['Read'], model: 'haiku', color: 'red' },
    ]) {
      const result = lintAgentFile(renderNewAgent(answers), { path: `/p/.claude/agents/${answers.name}.md` });
      assert.equal(result.loads, true);
      assert.deepEqual(result.diagnostics, []);
      assert.equal(result.agent!.name, answers.name);
      assert.equal(result.agent!.color, answers.color);
    }
  });
});

describe('fix all', () => {
  const range = (a: number, b: number, c: number, d: number) => ({ start: { line: a, character: b }, end: { line: c, character: d } });

  it('takes each preferred fix once and skips overlapping ones', () => {
    const fix = (r: ReturnType<typeof range>, isPreferred = true) => ({ title: 't', isPreferred, edits: [{ range: r, newText: 'x' }] });
    const diagnostic = (r: ReturnType<typeof range>, isPreferred = true) => ({ code: 'c', severity: 'error' as const, message: 'm', range: r, fixes: [fix(r, isPreferred)] });
    const edits = fixAllEdits([diagnostic(range(1, 0, 1, 4)), diagnostic(range(1, 0, 1, 4)), diagnostic(range(1, 2, 1, 6)), diagnostic(range(2, 0, 2, 1), false), diagnostic(range(3, 0, 3, 1))]);
    assert.deepEqual(edits.map((edit) => edit.range.start.line), [1, 3]);
  });

  it('treats two insertions at one point as overlapping, touching replacements as not', () => {
    assert.equal(overlaps(range(0, 0, 0, 0), range(0, 0, 0, 0)), true);
    assert.equal(overlaps(range(0, 0, 0, 2), range(0, 2, 0, 4)), false);
    assert.equal(overlaps(range(0, 0, 0, 3), range(0, 2, 0, 4)), true);
  });

  it('keeps CRLF line breaks and comments outside the edits it applies', () => {
    const text = '---\r\n# reviewed weekly\r\nname: reviewer\r\ndescription: Reviews diffs.\r\ntools: read, Grep # lower-case read\r\nmodel: Sonnet\r\n---\r\nReview the diff.\r\n';
    const fix = (input: string) => applyTextEdits(input, fixAllEdits(lintAgentFile(input, { path: '/p/.claude/agents/reviewer.md' }).diagnostics));
    assert.equal(fix(text), text.replace('read,', 'Read,').replace('Sonnet', 'sonnet'));
    assert.equal(fix(`\uFEFF${text}`), fix(text), 'where one byte-order mark is skipped, it goes with the other problems');
    const fixUnder = (input: string, profile: ClaudeCodeProfile) => applyTextEdits(input, fixAllEdits(lintAgentFile(input, { path: '/p/.claude/agents/reviewer.md', profile }).diagnostics));
    for (const profile of claudeCodeProfiles.filter((candidate) => !candidate.loader.stripsOneBom)) {
      assert.equal(fixUnder(`\uFEFF${text}`, profile), text, `Claude Code ${profile.version}: a byte-order mark hides the front matter, only it goes`);
    }
  });

  it('fixes the seed without front matter and a missing description at once', () => {
    const text = '# Backend Architect Agent\n\nYou design backends.\n';
    const fixed = applyTextEdits(text, fixAllEdits(lintAgentFile(text, { path: '/p/.claude/agents/b.md' }).diagnostics));
    assert.equal(lintAgentFile(fixed, { path: '/p/.claude/agents/b.md' }).loads, true);
  });
});
