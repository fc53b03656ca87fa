import * as assert from 'node:assert/strict';
import { casesFromAgentFile } from '../../../../src/engine/routing/routingCases';
import { exampleUserTurns } from '../../../../src/engine/agents/agent';
import { TextPositions } from '../../../../src/engine/text/textPositions';

describe('routing cases from an agent file', () => {
  it('are the agent model\'s examples with a user turn: one per example, on the example\'s own part of a one-line value', () => {
    const text = '---\nname: helper\ndescription: "Helps.\\n<example>\\nContext: none\\n</example> <example>\\nUser: \\"Fix the build\\"\\n</example> <example>\\nuser: Ship it\\n</example>"\n---\nBody\n';
    const cases = casesFromAgentFile('/p/.claude/agents/helper.md', text, 'helper');
    assert.deepEqual(cases.map((routingCase) => [routingCase.id, routingCase.prompt, routingCase.expected]), [
      ['/p/.claude/agents/helper.md#example-1', 'Fix the build', 'helper'],
      ['/p/.claude/agents/helper.md#example-2', 'Ship it', 'helper'],
    ]);
    const positions = new TextPositions(text);
    assert.deepEqual(cases.map((routingCase) => text.slice(positions.offsetAt(routingCase.range.start), positions.offsetAt(routingCase.range.end))), [
      '<example>\\nUser: \\"Fix the build\\"\\n</example>',
      '<example>\\nuser: Ship it\\n</example>',
    ]);
    assert.deepEqual(cases.map((routingCase) => routingCase.range), exampleUserTurns(text).map((example) => example.range));
  });
});
