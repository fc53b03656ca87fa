// Ground truth for "does Claude Code load this agent file?", per Claude Code version: the real CLI of each recorded
// version versus test/fixtures/loader/expected/<version>.json, and the engine versus the versions it models.
import * as assert from 'node:assert/strict';
import { lintAgentFile } from '../../../../../src/engine/lint/lint';
import { newestClaudeCodeProfile } from '../../../../../src/engine/formats/claudeCode/profiles';
import { ToolNames } from '../../../../../src/engine/formats/claudeCode/tools';
import { BUILT_IN_AGENT_NAMES, ClaudeBinaryMissingError, claudeInitEvent, findClaudeBinary } from '../../../../support/claudeCli';
import { claudeBinaryFor, readExpected, recordedVersions } from '../../../../support/claudeCodeVersions';
import { type LoaderFixtureCase, loaderFixtureCases, runLoaderFixturesBatched } from '../../../../support/loaderFixtures';

const profileTools = new ToolNames(newestClaudeCodeProfile.tools);
const isKnownClaudeCodeTool = (tool: string) => profileTools.isKnown(tool);

const cases = loaderFixtureCases();
const versions = recordedVersions();
const rerecord = (version: string) =>
  `If Claude Code ${version} really loads it so, rerun \`npm run loader-truth -- --version ${version}\` and update docs/claude-code-loader.md.`;

/** The name of the agent the engine says one file loads under a Claude Code version, or undefined when it is skipped. */
type EnginePrediction = (text: string, path: string) => string | undefined;

/**
 * The Claude Code versions the engine models, each with its prediction. A recorded version missing here is checked
 * against its real CLI only; the engine's profile for it plugs in by adding its entry.
 */
const enginePredictionByVersion: Record<string, EnginePrediction> = {
  '2.1.197': (text, path) => {
    const result = lintAgentFile(text, { path });
    return result.loads ? result.agent?.name : undefined;
  },
};

describe('Claude Code loader fixtures', () => {
  it('are recorded for at least the oldest and the newest profiled versions', () => {
    assert.ok(versions.length >= 2, `expected files: ${versions.join(', ')}`);
  });

  for (const version of versions) {
    it(`expected/${version}.json has exactly one entry per fixture`, () => {
      assert.deepEqual(Object.keys(readExpected(version)).sort(), cases.map((fixture) => fixture.id).sort(), rerecord(version));
    });
  }
});

for (const version of versions) {
  const expected = readExpected(version);

  describe(`Claude Code ${version} (real CLI) loads each fixture as recorded in expected/${version}.json`, function () {
    this.timeout(300_000);
    let observed: Map<string, string[]> | undefined;

    before(async function () {
      let binary: string;
      try {
        binary = claudeBinaryFor(version);
      } catch (error) {
        if (error instanceof ClaudeBinaryMissingError && process.env.CI !== 'true') {
          console.warn(`    skipped: ${error.message}`);
          this.skip();
        }
        throw error; // in CI a missing CLI is a failure, never a skip
      }
      const started = Date.now();
      const result = await runLoaderFixturesBatched(cases, expected, { concurrency: 3, binary });
      observed = result.observed;
      console.log(`    ${cases.length} fixtures checked with ${result.cliRuns} CLI runs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });

    for (const fixture of cases) {
      it(`${fixture.id} -> ${JSON.stringify(expected[fixture.id] ?? 'unrecorded')}`, () => {
        assert.deepEqual(observed?.get(fixture.id), expected[fixture.id], rerecord(version));
      });
    }
  });

  const predicts = enginePredictionByVersion[version];
  if (!predicts) continue;
  describe(`the engine predicts what Claude Code ${version} loads (expected/${version}.json, checked against the CLI above)`, () => {
    for (const fixture of cases) {
      it(`${fixture.id} -> ${JSON.stringify(expected[fixture.id] ?? 'unrecorded')}`, () => {
        assert.deepEqual(predictedNames(fixture, predicts), [...(expected[fixture.id] ?? [])].sort());
      });
    }
  });
}

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

/** Names the engine says load, over the files Claude Code would read (`*.md`; discovery is not the engine's job). */
function predictedNames(fixture: LoaderFixtureCase, predicts: EnginePrediction): string[] {
  const names = new Set<string>();
  for (const file of fixture.files) {
    if (!file.relativePath.endsWith('.md')) continue;
    const text = Buffer.isBuffer(file.content) ? file.content.toString('utf8') : file.content;
    const name = predicts(text, `.claude/agents/${file.relativePath}`);
    // A custom agent named like a built-in replaces it, which the CLI's init event cannot show (see docs).
    if (name !== undefined && !BUILT_IN_AGENT_NAMES.includes(name)) names.add(name);
  }
  return [...names].sort();
}
