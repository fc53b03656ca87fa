import * as assert from 'node:assert/strict';
import { completeFrontmatter } from '../../../../src/engine/language/completion';
import type { Position } from '../../../../src/engine/types';

/** The text with `|` removed, and the position where it was. */
function at(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  const before = marked.slice(0, offset).split('\n');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), position: { line: before.length - 1, character: before[before.length - 1].length } };
}

function labels(marked: string, format: 'claude-code' | 'copilot' = 'claude-code'): string[] {
  const { text, position } = at(marked);
  return completeFrontmatter(text, position, format).map((item) => item.label);
}

describe('completeFrontmatter', () => {
  it('offers the keys not yet present, required ones first, with their documentation', () => {
    const { text, position } = at('---\nname: a\n|\n---\nbody\n');
    const items = completeFrontmatter(text, position, 'claude-code');
    assert.equal(items[0].label, 'description');
    assert.ok(!items.some((item) => item.label === 'name'));
    assert.ok(items.find((item) => item.label === 'model')!.documentation.includes('inherit'));
    assert.ok(items.every((item) => item.kind === 'key'));
  });

  it('inserts `key: ` with a choice of values for an enumerated key', () => {
    const { text, position } = at('---\nna|\n---\n');
    const color = completeFrontmatter(text, position, 'claude-code').find((item) => item.label === 'color')!;
    assert.equal(color.insertText, 'color: ${1|red,blue,green,yellow,purple,orange,pink,cyan|}');
    assert.deepEqual(color.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
  });

  it('offers every model value after `model:`', () => {
    const items = labels('---\nname: a\nmodel: |\n---\n');
    for (const model of ['sonnet', 'opus', 'haiku', 'inherit']) assert.ok(items.includes(model), model);
  });

  it('offers the values of every enumerated key', () => {
    assert.deepEqual(labels('---\npermissionMode: |\n---\n'), ['default', 'acceptEdits', 'auto', 'dontAsk', 'plan', 'bypassPermissions', 'manual']);
    assert.deepEqual(labels('---\nmemory: |\n---\n'), ['user', 'project', 'local']);
    assert.deepEqual(labels('---\nbackground: |\n---\n'), ['true', 'false']);
    assert.deepEqual(labels('---\nisolation: |\n---\n'), ['worktree', 'remote']);
    assert.ok(labels('---\neffort: |\n---\n').includes('max'));
    assert.deepEqual(labels('---\ntarget: |\n---\n', 'copilot'), ['vscode', 'github-copilot']);
  });

  it('replaces the whole value, quotes excluded', () => {
    const { text, position } = at('---\nmodel: "so|nn"\n---\n');
    const [first] = completeFrontmatter(text, position, 'claude-code');
    assert.deepEqual(first.range, { start: { line: 1, character: 8 }, end: { line: 1, character: 12 } });
  });

  it('offers tool names in a comma string, a flow list and a block list, without those already listed', () => {
    const comma = labels('---\ntools: Read, Gr|\n---\n');
    assert.ok(comma.includes('Grep') && !comma.includes('Read'));
    const flow = labels('---\ntools: [Read, |]\n---\n');
    assert.ok(flow.includes('Write') && !flow.includes('Read'));
    const block = labels('---\ntools:\n  - Read\n  - |\n---\n');
    assert.ok(block.includes('Bash') && !block.includes('Read'));
    assert.ok(labels('---\ndisallowedTools: |\n---\n').includes('WebFetch'));
  });

  it('offers nothing outside the front matter or inside a description block', () => {
    assert.deepEqual(labels('---\nname: a\n---\n|\n'), []);
    assert.deepEqual(labels('# Title\n|\n'), []);
    assert.deepEqual(labels('---\ndescription: |\n  Use it |\n---\n'), []);
  });
});
