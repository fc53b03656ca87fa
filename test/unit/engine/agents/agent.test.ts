import * as assert from 'node:assert/strict';
import { descriptionLead, descriptionProse, readAgent } from '../../../../src/engine/agents/agent';
import { TextPositions } from '../../../../src/engine/text/textPositions';
import type { Range } from '../../../../src/engine/types';

const path = '/project/.claude/agents/reviewer.md';

/** The file's text a range covers. */
function textAt(text: string, range: Range): string {
  const positions = new TextPositions(text);
  return text.slice(positions.offsetAt(range.start), positions.offsetAt(range.end));
}

describe('the agent model', () => {
  it('reads examples of a `|` description into parts, each with its place in the file', () => {
    const text = [
      '---', 'name: reviewer', 'description: |', '  Use this agent after code changes.', '  <example>', '  Context: The user finished a feature.',
      '  user: "Please look at my diff"', '  assistant: "I\'ll use the reviewer agent."', '  <commentary>', '  A diff is ready, so review it.', '  </commentary>', '  </example>',
      'model: opus', '---', 'You review code.', '',
    ].join('\n');
    const { agent } = readAgent(text, { path });
    assert.ok(agent);
    assert.equal(agent.examples.length, 1);
    const [example] = agent.examples;
    assert.deepEqual(example.parts.map((part) => [part.kind, part.text]), [
      ['context', 'The user finished a feature.'],
      ['user', '"Please look at my diff"'],
      ['assistant', '"I\'ll use the reviewer agent."'],
      ['commentary', 'A diff is ready, so review it.'],
    ]);
    assert.equal(textAt(text, example.parts[1].range), 'user: "Please look at my diff"');
    assert.equal(textAt(text, example.parts[3].range), '<commentary>\n  A diff is ready, so review it.\n  </commentary>');
    assert.ok(textAt(text, example.range).startsWith('<example>') && textAt(text, example.range).endsWith('</example>'));
    assert.equal(agent.body.text, 'You review code.');
    assert.equal(agent.values.model, 'opus');
  });

  it('maps examples written on one line with `\\n` escapes, as Claude Code writes them', () => {
    const text = '---\nname: helper\ndescription: Use it for help.\\n<example>\\nuser: "help me"\\nassistant: "I will use helper"\\n</example>\n---\nBody\n';
    const { agent } = readAgent(text, { path });
    assert.ok(agent);
    const [example] = agent.examples;
    assert.deepEqual(example.parts.map((part) => part.kind), ['user', 'assistant']);
    assert.equal(textAt(text, example.parts[0].range), 'user: "help me"');
  });

  it('maps a double-quoted value back through its escapes: each part has its own range inside the line', () => {
    // Before the one example model this range was the whole value: decoding had changed the line.
    const text = '---\nname: helper\ndescription: "Use it.\\n<example>\\nuser: \\"help\\"\\n</example>"\n---\n';
    const { agent } = readAgent(text, { path });
    assert.ok(agent);
    const [example] = agent.examples;
    assert.equal(example.parts[0].text, '"help"');
    assert.equal(textAt(text, example.parts[0].range), 'user: \\"help\\"');
    assert.equal(textAt(text, example.range), '<example>\\nuser: \\"help\\"\\n</example>');
  });

  it('has no model for a file the tool skips, and still its lint result', () => {
    const reading = readAgent('---\nname: x\n---\n', { path });
    assert.equal(reading.agent, null);
    assert.equal(reading.lint.loads, false);
  });

  it('leads with the description before its examples', () => {
    assert.equal(descriptionLead('Reviews code. <example>user: x</example>'), 'Reviews code.');
    assert.equal(descriptionLead('First line\nsecond'), 'First line');
  });

  it('gives the prose before the examples as one line, without a trailing "Examples:", cut near 160 characters', () => {
    assert.equal(descriptionProse('Reviews code.\\n\\nExamples:\\n- <example>user: x</example>'), 'Reviews code.');
    assert.equal(descriptionProse('<example>user: x</example>'), '<example>user: x</example>');
    const long = descriptionProse(`${'word '.repeat(60)}<example>`);
    assert.ok(long.endsWith('…') && long.length <= 161, long);
  });
});
