import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { agentExamples } from '../../../../src/engine/agents/examples';

const examplesFolder = path.resolve(__dirname, '../../../../examples/.claude/agents');

/** The text of the file at a range's start line, from its character on. */
function at(text: string, range: { start: { line: number; character: number } }): string {
  return text.split('\n')[range.start.line].slice(range.start.character);
}

describe('agentExamples', () => {
  it('reads a `|` block: context, user without quotes, assistant, commentary, and the lines they are on', () => {
    const text = fs.readFileSync(path.join(examplesFolder, 'security-reviewer.md'), 'utf8');
    const [example, ...rest] = agentExamples(text);
    assert.equal(rest.length, 0);
    assert.equal(example.user, 'I added the login endpoint, can you check it?');
    assert.equal(example.context, 'The user has just added a login endpoint.');
    assert.equal(example.assistant, '"I\'ll use the security-reviewer agent to look for vulnerabilities in the change."'.slice(1, -1));
    assert.equal(example.commentary, 'New authentication code is exactly what this agent reviews.');
    assert.equal(at(text, example.range), '<example>');
    assert.equal(example.range.start.line, 4);
    assert.equal(example.range.end.line, 11);
    assert.equal(example.userRange.start.line, 6);
    assert.match(at(text, example.userRange), /^user: "I added/);
  });

  it('reads a one-line plain description with `\\n` written out, each example located on that line', () => {
    const text = fs.readFileSync(path.join(examplesFolder, 'appwrite-backend-expert.md'), 'utf8');
    const examples = agentExamples(text);
    assert.ok(examples.length >= 3, `found ${examples.length}`);
    assert.equal(examples[0].user, 'I need to design a database schema for a multi-tenant SaaS application using Appwrite');
    assert.equal(examples[1].user, 'How do I implement role-based access control with custom JWT claims in Appwrite?');
    for (const example of examples) {
      assert.equal(example.range.start.line, 2);
      assert.ok(at(text, example.userRange).startsWith(`user: "${example.user}"`), at(text, example.userRange).slice(0, 80));
    }
    assert.ok(examples[1].range.start.character > examples[0].range.end.character);
  });

  it('reads `- <example>` items with indented turns', () => {
    const text = fs.readFileSync(path.join(examplesFolder, 'backend-architecture-expert.md'), 'utf8');
    const [first] = agentExamples(text);
    assert.equal(first.user, 'I need to set up a backend for my e-commerce app with user authentication and payment processing');
    assert.match(first.context ?? '', /^User needs help setting up a backend/);
  });

  it('reads a double-quoted description whose `\\n` are escapes, and a folded one', () => {
    // YAML `\"` inside double quotes; the decoded description holds `user: "Fix the \"build\" job"`.
    const quoted = '---\nname: a\ndescription: "Helps.\\n<example>\\nuser: \\"Fix the \\\\\\"build\\\\\\" job\\"\\nassistant: ok\\n</example>"\n---\nBody\n';
    const [example] = agentExamples(quoted);
    assert.equal(example.user, 'Fix the \\"build\\" job');
    assert.equal(example.range.start.line, 2);
    const folded = '---\nname: a\ndescription: >\n  Helps.\n\n  <example>\n\n  user: Deploy it\n\n  </example>\nmodel: opus\n---\nBody\n';
    const [foldedExample] = agentExamples(folded);
    assert.equal(foldedExample.user, 'Deploy it');
    assert.equal(foldedExample.range.start.line, 5);
    assert.equal(foldedExample.userRange.start.line, 7);
  });

  it('skips examples without a user turn, keeps counting them, and ignores `<example>` in the body', () => {
    const text = '---\nname: a\ndescription: |\n  <example>\n  Context: nothing asked\n  </example>\n  <example>\n  User: second\n  </example>\n---\n<example>\nuser: body\n</example>\n';
    const examples = agentExamples(text);
    assert.deepEqual(examples.map((example) => [example.index, example.user, example.userRange.start.line]), [[1, 'second', 7]]);
  });

  it('returns nothing for a file without front matter, description or examples, and never throws on hostile text', () => {
    assert.deepEqual(agentExamples('no front matter'), []);
    assert.deepEqual(agentExamples('---\nname: a\n---\n'), []);
    assert.deepEqual(agentExamples('---\nname: a\ndescription: [1, 2]\n---\n'), []);
    assert.doesNotThrow(() => agentExamples('---\ndescription: "<example><example></example>user:\n---\n'));
    assert.doesNotThrow(() => agentExamples(`---\ndescription: |\n${'  <example>user: x\n'.repeat(5000)}---\n`));
  });
});
