// A line pasted at the left margin inside a `description: |` block: told in plain words at that line, with a fix that
// re-indents it, and the real Claude Code agrees: it skips the file before the fix and loads it after.
import * as assert from 'node:assert/strict';
import { loadedAgentNames } from '../../../support/claudeCli';
import { lintAgentFile } from '../../../../src/engine/lint/lint';
import { applyTextEdits } from '../../../../src/engine/text/textEdits';

const lint = (text: string) => lintAgentFile(text, { path: '/p/.claude/agents/dedent.md', format: 'claude-code' });

const dedented = [
  '---',
  'name: dedent',
  'description: |',
  '  Use this agent to review code.',
  '  <example>',
  'user: "Review it"',
  '  assistant: "I\'ll use the reviewer."',
  '  </example>',
  'model: sonnet',
  '---',
  'You review code.',
  '',
].join('\n');

describe('a line dedented inside a | block', function () {
  this.timeout(90_000);

  it('is reported at that line, in plain words, with a preferred fix that re-indents it', () => {
    const result = lint(dedented);
    assert.equal(result.loads, false);
    const [error] = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    assert.equal(error.code, 'agent/yaml-syntax');
    assert.deepEqual(error.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 'user: "Review it"'.length } });
    assert.match(error.message, /the line `user: "Review it"` is indented less than the rest of the `description` block above it/);
    assert.doesNotMatch(error.message, /Implicit keys|mapping items/);
    const [fix] = error.fixes ?? [];
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.title, 'Indent the line like the rest of its block');
    const fixed = applyTextEdits(dedented, fix.edits);
    assert.equal(fixed, dedented.replace('\nuser: "Review it"', '\n  user: "Review it"'));
    const after = lint(fixed);
    assert.equal(after.loads, true);
    assert.match(after.agent!.description, /<example>\nuser: "Review it"\nassistant:/);
  });

  it('keeps a top-level key after the block a key', () => {
    const text = '---\nname: a\ndescription: |\n  Reviews.\nmodel: sonnet\ncolor: red\n---\n';
    assert.deepEqual(lint(text).diagnostics, []);
  });

  it('is what the real Claude Code skips, and loads once fixed', async () => {
    const fix = lint(dedented).diagnostics[0].fixes![0];
    const fixed = applyTextEdits(dedented, fix.edits);
    assert.deepEqual(await loadedAgentNames([{ relativePath: 'dedent.md', content: dedented }]), []);
    assert.deepEqual(await loadedAgentNames([{ relativePath: 'dedent.md', content: fixed }]), ['dedent']);
  });
});
