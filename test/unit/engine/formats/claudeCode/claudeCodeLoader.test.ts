// Ground truth for "does Claude Code load this agent file?": the real CLI versus expected.json versus the engine.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintAgentFile } from '../../../../../src/engine/lint/lint';
import { newestClaudeCodeProfile } from '../../../../../src/engine/formats/claudeCode/profiles';
import { ToolNames } from '../../../../../src/engine/formats/claudeCode/tools';
import { BUILT_IN_AGENT_NAMES, ClaudeBinaryMissingError, claudeInitEvent, findClaudeBinary } from '../../../../support/claudeCli';
import { type LoaderFixtureCase, loaderFixtureCases, loaderFixtureDir, runLoaderFixturesBatched } from '../../../../support/loaderFixtures';

const profileTools = new ToolNames(newestClaudeCodeProfile.tools);
const isKnownClaudeCodeTool = (tool: string) => profileTools.isKnown(tool);

const cases = loaderFixtureCases();
const expected: Record<string, string[]> = JSON.parse(fs.readFileSync(path.join(loaderFixtureDir, 'expected.json'), 'utf8'));
const rerecord = 'If Claude Code changed on purpose, rerun `npx tsx scripts/record-loader-truth.ts` and update docs/claude-code-loader.md.';

describe('Claude Code loader fixtures', () => {
  it('expected.json has exactly one entry per fixture', () => {
    assert.deepEqual(Object.keys(expected).sort(), cases.map((fixture) => fixture.id).sort(), rerecord);
  });
});

describe('Claude Code 2.1.197 (real CLI) loads each fixture as recorded in expected.json', function () {
  this.timeout(240_000);
  let observed: Map<string, string[]> | undefined;

  before(async function () {
    try {
      findClaudeBinary();
    } catch (error) {
      if (error instanceof ClaudeBinaryMissingError && process.env.CI !== 'true') {
        console.warn(`    skipped: ${error.message}`);
        this.skip();
      }
      throw error; // in CI a missing CLI is a failure, never a skip
    }
    const started = Date.now();
    const result = await runLoaderFixturesBatched(cases, expected, { concurrency: 3 });
    observed = result.observed;
    console.log(`    ${cases.length} fixtures checked with ${result.cliRuns} CLI runs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  for (const fixture of cases) {
    it(`${fixture.id} -> ${JSON.stringify(expected[fixture.id] ?? 'unrecorded')}`, () => {
      assert.deepEqual(observed?.get(fixture.id), expected[fixture.id], rerecord);
    });
  }
});

describe('the schema knows the tools of Claude Code 2.1.197 (real CLI)', function () {
  this.timeout(60_000);

  it('has every tool the CLI offers a session in its init event', async function () {
    try {
      findClaudeBinary();
    } catch (error) {
      if (error instanceof ClaudeBinaryMissingError && process.env.CI !== 'true') this.skip();
      throw error;
    }
    const init = await claudeInitEvent([]);
    const offered = (init.tools as string[]).filter((tool) => !tool.startsWith('mcp__'));
    assert.ok(offered.length > 10, `the init event lists tools: ${offered.join(', ')}`);
    assert.deepEqual(offered.filter((tool) => !isKnownClaudeCodeTool(tool)), []);
  });
});

describe('lintAgentFile predicts what Claude Code 2.1.197 loads (expected.json, checked against the CLI above)', () => {
  for (const fixture of cases) {
    it(`${fixture.id} -> ${JSON.stringify(expected[fixture.id] ?? 'unrecorded')}`, () => {
      assert.deepEqual(predictedNames(fixture), [...(expected[fixture.id] ?? [])].sort());
    });
  }
});

/** Names the engine says load, over the files Claude Code would read (`*.md`; discovery is not the engine's job). */
function predictedNames(fixture: LoaderFixtureCase): string[] {
  const names = new Set<string>();
  for (const file of fixture.files) {
    if (!file.relativePath.endsWith('.md')) continue;
    const text = Buffer.isBuffer(file.content) ? file.content.toString('utf8') : file.content;
    const result = lintAgentFile(text, { path: `.claude/agents/${file.relativePath}` });
    // A custom agent named like a built-in replaces it, which the CLI's init event cannot show (see docs).
    if (result.loads && result.agent && !BUILT_IN_AGENT_NAMES.includes(result.agent.name)) names.add(result.agent.name);
  }
  return [...names].sort();
}
