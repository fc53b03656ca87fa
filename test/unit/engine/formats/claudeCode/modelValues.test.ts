// The `model` values Claude Code 2.1.197 accepts without a word: its aliases (the list in its bundle), `inherit`, and
// full model ids; anything else is passed to the API as written and fails when the agent runs.
import * as assert from 'node:assert/strict';
import { lintAgentFile } from '../../../../../src/engine/lint/lint';

const codesFor = (model: string) =>
  lintAgentFile(`---\nname: m\ndescription: d\nmodel: ${JSON.stringify(model)}\n---\n`, { path: '.claude/agents/m.md' }).diagnostics.map((diagnostic) => diagnostic.code);

describe('model values', () => {
  for (const model of ['inherit', 'sonnet', 'opus', 'haiku', 'fable', 'best', 'sonnet[1m]', 'opus[1m]', 'fable[1m]', 'opusplan', 'claude-sonnet-4-5']) {
    it(`accepts ${model}`, () => assert.deepEqual(codesFor(model), []));
  }

  for (const model of ['sonet', 'gpt-4o', 'Opus']) {
    it(`warns about ${model}`, () => assert.ok(codesFor(model).includes('agent/unknown-model'), codesFor(model).join(', ')));
  }
});
