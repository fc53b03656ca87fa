// The example and commentary snippets inside a description: applied as VS Code applies a snippet (placeholders take
// their default text), every result keeps the file loading, with the real Claude Code too.
import * as assert from 'node:assert/strict';
import { loadedAgentNames } from '../../../support/claudeCli';
import { completeDescriptionExamples } from '../../../../src/engine/language/exampleSnippets';
import { lintAgentFile } from '../../../../src/engine/lint/lint';
import type { CompletionItem } from '../../../../src/engine/language/completion';
import { TextPositions } from '../../../../src/engine/text/textPositions';

/** The snippet as inserted with every placeholder left at its default. */
function snippetText(snippet: string): string {
  let out = '';
  for (let index = 0; index < snippet.length; index++) {
    const char = snippet[index];
    if (char === '\\' && index + 1 < snippet.length) out += snippet[++index];
    else if (char === '$' && snippet[index + 1] === '{') {
      const colon = snippet.indexOf(':', index);
      index = colon;
    } else if (char === '}') continue;
    else out += char;
  }
  return out;
}

/** Types `typed` at the `‸` in `template`, asks for completions there, and applies the one labelled `label`. */
function complete(template: string, typed: string, label: string): { item: CompletionItem; result: string } {
  const text = template.replace('‸', typed);
  const cursor = template.indexOf('‸') + typed.length;
  const positions = new TextPositions(text);
  const items = completeDescriptionExamples(text, positions.positionAt(cursor));
  const item = items.find((candidate) => candidate.label === label);
  assert.ok(item, `${label} offered among ${items.map((candidate) => candidate.label).join(', ') || 'none'}`);
  const start = positions.offsetAt(item.range.start);
  const end = positions.offsetAt(item.range.end);
  return { item, result: text.slice(0, start) + snippetText(item.insertText) + text.slice(end) };
}

const lint = (text: string) => lintAgentFile(text, { path: '/p/.claude/agents/reviewer.md', format: 'claude-code' });

const inBlock = '---\nname: reviewer\ndescription: |\n  Use this agent to review code.\n  ‸\nmodel: sonnet\n---\nYou review code.\n';
const inPlainLine = '---\nname: reviewer\ndescription: Use this agent to review code. ‸\nmodel: sonnet\n---\nYou review code.\n';
const inQuotedLine = '---\nname: reviewer\ndescription: "Use this agent to review \\"diffs\\". ‸"\nmodel: sonnet\n---\nYou review code.\n';

describe('example snippets inside a description', function () {
  this.timeout(120_000);

  it('fits an example into a | block, indented like it, and the description reads as an example', () => {
    const { result } = complete(inBlock, 'exam', 'example');
    assert.match(result, /\n {2}<example>\n {2}Context: the situation in which to use the agent\n {2}user: "what the user asks"\n {2}assistant: "I'll use the reviewer agent to help with this."\n {2}<commentary>\n/);
    const linted = lint(result);
    assert.deepEqual(linted.diagnostics, []);
    assert.match(linted.agent!.description, /^Use this agent to review code\.\n<example>\nContext: /);
  });

  it('writes \\n escapes in a one-line description, quoting a plain one so Context: is no second key', () => {
    for (const template of [inPlainLine, inQuotedLine]) {
      const { result } = complete(template, 'example', 'example');
      const line = result.split('\n').find((candidate) => candidate.startsWith('description:'))!;
      assert.match(line, /^description: "Use this agent to review .*\\n<example>\\nContext: .*\\nuser: \\"what the user asks\\"\\n.*<\/example>"$/);
      const linted = lint(result);
      assert.deepEqual(linted.diagnostics, [], line);
      assert.match(linted.agent!.description, /\n<example>\nContext: the situation in which to use the agent\nuser: "what the user asks"\n/);
    }
    assert.match(lint(complete(inQuotedLine, 'example', 'example').result).agent!.description, /^Use this agent to review "diffs"\./);
  });

  it('offers commentary too, and nothing outside the description', () => {
    assert.deepEqual(lint(complete(inBlock, 'comm', 'commentary').result).diagnostics, []);
    const outside = '---\nname: reviewer\nexam\ndescription: x\n---\n';
    assert.deepEqual(completeDescriptionExamples(outside, { line: 2, character: 4 }), []);
  });

  it('produces files the real Claude Code loads', async () => {
    const files = [
      { relativePath: 'block.md', content: complete(inBlock, 'exam', 'example').result.replace('name: reviewer', 'name: in-block') },
      { relativePath: 'plain.md', content: complete(inPlainLine, 'example', 'example').result.replace('name: reviewer', 'name: in-plain-line') },
      { relativePath: 'quoted.md', content: complete(inQuotedLine, 'example', 'example').result.replace('name: reviewer', 'name: in-quoted-line') },
    ];
    assert.deepEqual((await loadedAgentNames(files)).sort(), ['in-block', 'in-plain-line', 'in-quoted-line']);
  });
});
