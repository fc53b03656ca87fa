import * as assert from 'node:assert/strict';
import { lintAgentFile } from '../../../../../src/engine/lint/lint';
import { closestName } from '../../../../../src/engine/text/closestName';
import { applyTextEdits } from '../../../../../src/engine/text/textEdits';

const lint = (text: string) => lintAgentFile(text, { path: '/p/.claude/agents/a.md', format: 'claude-code' });
const agentWith = (line: string, extra = '') => `---\nname: a\ndescription: Reviews code.\n${extra}${line}\n---\nBody.\n`;

describe('misspelt keys', () => {
  for (const [line, meant] of [['modle: opus', 'model'], ['tool: Read', 'tools'], ['allowedTools: Read', 'tools'], ['allowed_tools: Read', 'tools'], ['Color: red', 'color'], ['max_turns: 3', 'maxTurns'], ['permisionMode: plan', 'permissionMode']] as const) {
    it(`warns that Claude Code ignores \`${line.split(':')[0]}\`, suggests \`${meant}\` and renames it`, () => {
      const text = agentWith(line);
      const result = lint(text);
      const problem = result.diagnostics.find((diagnostic) => diagnostic.code === 'agent/misspelt-key');
      assert.ok(problem, JSON.stringify(result.diagnostics));
      assert.equal(problem.severity, 'warning');
      assert.match(problem.message, new RegExp(`did you mean \`${meant}\`\\?$`));
      const [fix] = problem.fixes ?? [];
      assert.equal(fix?.title, `Rename to \`${meant}\``);
      const fixed = lint(applyTextEdits(text, fix.edits));
      assert.deepEqual(fixed.diagnostics.filter((diagnostic) => /key/.test(diagnostic.code)), []);
      assert.ok(fixed.loads);
    });
  }

  it('suggests `description` for `when_to_use`, as Claude Code 2.1.332 does, and says when the key it means is set already', () => {
    const missing = lint('---\nname: a\nwhen_to_use: After a change.\n---\n');
    const rename = missing.diagnostics.find((diagnostic) => diagnostic.code === 'agent/misspelt-key');
    assert.equal(rename?.fixes?.[0].title, 'Rename to `description`');
    const both = lint(agentWith('when_to_use: After a change.'));
    const redundant = both.diagnostics.find((diagnostic) => diagnostic.code === 'agent/misspelt-key');
    assert.match(redundant?.message ?? '', /did you mean `description`\? It is set already/);
    assert.equal(redundant?.fixes, undefined);
  });

  it('leaves a key that is like no known key a hint, without a guess; `mode` too, as Claude Code 2.1.332 does', () => {
    for (const key of ['owner', 'mode', 'Mode']) {
      const result = lint(agentWith(`${key}: x`));
      assert.deepEqual(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.message]), [['agent/unknown-key', 'hint', `Claude Code ignores \`${key}\`.`]]);
    }
  });

  it('guesses only a single close name', () => {
    assert.equal(closestName('modle', ['model', 'tools']), 'model');
    assert.equal(closestName('ab', ['ax', 'ay']), undefined, 'a tie is no guess');
    assert.equal(closestName('memo', ['model', 'memory']), 'memory');
    assert.equal(closestName('tols', ['tools', 'toks']), undefined, 'a tie is no guess');
    assert.equal(closestName('efort', ['effort', 'model']), 'effort');
    assert.equal(closestName('x', ['y']), undefined);
  });
});
