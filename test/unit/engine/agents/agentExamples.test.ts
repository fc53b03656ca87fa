import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { agentExamples, exampleUserTurns, readAgent, type AgentExample } from '../../../../src/engine/agents/agent';
import { TextPositions } from '../../../../src/engine/text/textPositions';
import type { Range } from '../../../../src/engine/types';

const examplesFolder = path.resolve(__dirname, '../../../../examples/.claude/agents');

/** The text of the file at a range's start line, from its character on. */
function at(text: string, range: { start: { line: number; character: number } }): string {
  return text.split('\n')[range.start.line].slice(range.start.character);
}

/** The file's text a range covers. */
function textAt(text: string, range: Range): string {
  const positions = new TextPositions(text);
  return text.slice(positions.offsetAt(range.start), positions.offsetAt(range.end));
}

/** Each part of an example as `kind: the file's text at its range`. */
function partsAsWritten(text: string, example: AgentExample): string[] {
  return example.parts.map((part) => `${part.kind}: ${textAt(text, part.range)}`);
}

describe('agentExamples and exampleUserTurns (the one example model, without linting)', () => {
  it('reads a `|` block: context, user without quotes, assistant, commentary, and the lines they are on', () => {
    const text = fs.readFileSync(path.join(examplesFolder, 'security-reviewer.md'), 'utf8');
    const [example, ...rest] = agentExamples(text);
    assert.equal(rest.length, 0);
    assert.equal(example.user?.unquoted, 'I added the login endpoint, can you check it?');
    assert.equal(example.context?.unquoted, 'The user has just added a login endpoint.');
    assert.equal(example.assistant?.unquoted, '"I\'ll use the security-reviewer agent to look for vulnerabilities in the change."'.slice(1, -1));
    assert.equal(example.commentary?.unquoted, 'New authentication code is exactly what this agent reviews.');
    assert.equal(at(text, example.range), '<example>');
    assert.equal(example.range.start.line, 4);
    assert.equal(example.range.end.line, 11);
    const [turn] = exampleUserTurns(text);
    assert.equal(turn.userRange.start.line, 6);
    assert.match(at(text, turn.userRange), /^user: "I added/);
  });

  it('reads a one-line plain description with `\\n` written out, each example and turn located on that line', () => {
    const text = fs.readFileSync(path.join(examplesFolder, 'appwrite-backend-expert.md'), 'utf8');
    const examples = exampleUserTurns(text);
    assert.ok(examples.length >= 3, `found ${examples.length}`);
    assert.equal(examples[0].user, 'I need to design a database schema for a multi-tenant SaaS application using Appwrite');
    assert.equal(examples[1].user, 'How do I implement role-based access control with custom JWT claims in Appwrite?');
    for (const example of examples) {
      assert.equal(example.range.start.line, 2);
      assert.ok(at(text, example.userRange).startsWith(`user: "${example.user}"`), at(text, example.userRange).slice(0, 80));
      assert.equal(textAt(text, example.userRange), `user: "${example.user}"`);
      assert.ok(textAt(text, example.range).startsWith('<example>') && textAt(text, example.range).endsWith('</example>'));
    }
    assert.ok(examples[1].range.start.character > examples[0].range.end.character);
  });

  it('reads `- <example>` items with indented turns', () => {
    const text = fs.readFileSync(path.join(examplesFolder, 'backend-architecture-expert.md'), 'utf8');
    const [first] = agentExamples(text);
    assert.equal(first.user?.unquoted, 'I need to set up a backend for my e-commerce app with user authentication and payment processing');
    assert.match(first.context?.unquoted ?? '', /^User needs help setting up a backend/);
    assert.match(textAt(text, first.commentary!.range), /^<commentary>\\n  Since the user needs backend architecture guidance.*<\/commentary>$/);
  });

  it('reads a double-quoted description whose `\\n` are escapes, and a folded one', () => {
    // YAML `\"` inside double quotes; the decoded description holds `user: "Fix the \"build\" job"`.
    const quoted = '---\nname: a\ndescription: "Helps.\\n<example>\\nuser: \\"Fix the \\\\\\"build\\\\\\" job\\"\\nassistant: ok\\n</example>"\n---\nBody\n';
    const [example] = exampleUserTurns(quoted);
    assert.equal(example.user, 'Fix the \\"build\\" job');
    assert.equal(example.range.start.line, 2);
    assert.equal(textAt(quoted, example.userRange), 'user: \\"Fix the \\\\\\"build\\\\\\" job\\"');
    const folded = '---\nname: a\ndescription: >\n  Helps.\n\n  <example>\n\n  user: Deploy it\n\n  </example>\nmodel: opus\n---\nBody\n';
    const [foldedExample] = exampleUserTurns(folded);
    assert.equal(foldedExample.user, 'Deploy it');
    assert.equal(foldedExample.range.start.line, 5);
    assert.equal(foldedExample.userRange.start.line, 7);
  });

  it('skips examples without a user turn, keeps counting them, and ignores `<example>` in the body', () => {
    const text = '---\nname: a\ndescription: |\n  <example>\n  Context: nothing asked\n  </example>\n  <example>\n  User: second\n  </example>\n---\n<example>\nuser: body\n</example>\n';
    const examples = exampleUserTurns(text);
    assert.deepEqual(examples.map((example) => [example.index, example.user, example.userRange.start.line]), [[1, 'second', 7]]);
  });

  it('returns nothing for a file without front matter, description or examples, and never throws on hostile text', () => {
    assert.deepEqual(agentExamples('no front matter'), []);
    assert.deepEqual(agentExamples('---\nname: a\n---\n'), []);
    assert.deepEqual(agentExamples('---\nname: a\ndescription: [1, 2]\n---\n'), []);
    assert.doesNotThrow(() => agentExamples('---\ndescription: "<example><example></example>user:\n---\n'));
    assert.doesNotThrow(() => agentExamples(`---\ndescription: |\n${'  <example>user: x\n'.repeat(5000)}---\n`));
    assert.doesNotThrow(() => agentExamples(`---\ndescription: |\n  <example>\n${'  <commentary>user: x\n'.repeat(5000)}  </example>\n---\n`));
  });

  it('locates each example and each turn inside a one-line value, in every quoting style', () => {
    const turns = '<example>\\nContext: a repo\\nuser: \\"first\\"\\nassistant: on it\\n<commentary>fits</commentary>\\n</example> <example>\\nuser: second\\n</example>';
    const values = {
      plain: `Helps. ${turns.replaceAll('\\"', '"')}`,
      double: `"Helps. ${turns}"`,
      single: `'Helps. ${turns.replaceAll('\\"', '"')} it''s'`,
    };
    for (const [style, value] of Object.entries(values)) {
      const text = `---\nname: a\ndescription: ${value}\nmodel: opus\n---\nBody\n`;
      const [first, second] = agentExamples(text);
      assert.equal(first.user?.unquoted, 'first', style);
      assert.equal(second.user?.unquoted, 'second', style);
      const quote = style === 'double' ? '\\"' : '"';
      assert.deepEqual(partsAsWritten(text, first), ['context: Context: a repo', `user: user: ${quote}first${quote}`, 'assistant: assistant: on it', 'commentary: <commentary>fits</commentary>'], style);
      assert.equal(textAt(text, first.range), turns.split(' <example>')[0].replaceAll('\\"', style === 'double' ? '\\"' : '"'), style);
      assert.equal(textAt(text, second.range), '<example>\\nuser: second\\n</example>', style);
      assert.equal(first.range.start.line, 2);
    }
  });

  it('reads CRLF files, `- user:` items and any label case, with each turn\'s range', () => {
    const text = [
      '---', 'name: a', 'description: |', '  Helps with deployments.', '  <example>', '  - Context: a release', '  - USER: "Ship it"',
      '  Human: a second user turn', '  Assistant: I\'ll deploy', '  </example>', '---', 'Body', '',
    ].join('\r\n');
    const [example] = agentExamples(text);
    assert.deepEqual(partsAsWritten(text, example), ['context: Context: a release', 'user: USER: "Ship it"', 'user: Human: a second user turn', 'assistant: Assistant: I\'ll deploy']);
    assert.equal(example.user?.unquoted, 'Ship it');
    assert.equal(example.user?.range.start.line, 6);
    assert.equal(textAt(text, example.range), '<example>\r\n  - Context: a release\r\n  - USER: "Ship it"\r\n  Human: a second user turn\r\n  Assistant: I\'ll deploy\r\n  </example>');
  });

  it('reads a `>` block as folded: turns on lines of their own only where blank lines keep them apart', () => {
    const text = '---\nname: a\ndescription: >\n  Helps with\n  deployments.\n  <example>\n\n  user: Ship\n  it now\n\n  assistant: On it\n  </example>\n---\nBody\n';
    const [example] = agentExamples(text);
    assert.equal(example.user?.unquoted, 'Ship it now');
    assert.deepEqual(partsAsWritten(text, example), ['user: user: Ship\n  it now', 'assistant: assistant: On it']);
    assert.equal(example.assistant?.text, 'On it');
  });

  it('is the model readAgent builds: the same examples from the file as the tool loads it', () => {
    for (const file of ['security-reviewer.md', 'appwrite-backend-expert.md', 'backend-architecture-expert.md']) {
      const text = fs.readFileSync(path.join(examplesFolder, file), 'utf8');
      const { agent } = readAgent(text, { path: `/project/.claude/agents/${file}` });
      assert.deepEqual(agent?.examples, agentExamples(text), file);
    }
  });

  it('gives each part the whole value\'s range when the value cannot be retraced (an alias)', () => {
    const text = '---\nname: a\nabout: &text "Helps.\\n<example>\\nuser: hi\\n</example>"\ndescription: *text\n---\nBody\n';
    const [example] = agentExamples(text);
    assert.equal(example.user?.unquoted, 'hi');
    assert.equal(textAt(text, example.user!.range), '*text');
    assert.equal(textAt(text, example.range), '*text');
  });
});
