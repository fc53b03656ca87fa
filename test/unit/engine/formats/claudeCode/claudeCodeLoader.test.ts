// Ground truth for "does Claude Code load this agent file?", per Claude Code version: the real CLI of each recorded
// version versus test/fixtures/loader/expected/<version>.json, and the engine versus the versions it models.
import * as assert from 'node:assert/strict';
import { lintAgentFile } from '../../../../../src/engine/lint/lint';
import { claudeCodeProfiles, compareVersions, type ClaudeCodeProfile } from '../../../../../src/engine/formats/claudeCode/profiles';
import { ToolNames } from '../../../../../src/engine/formats/claudeCode/tools';
import { BUILT_IN_AGENT_NAMES, claudeInitEvent } from '../../../../support/claudeCli';
import { claudeBinaryOrSkip, readExpected, recordedVersions } from '../../../../support/claudeCodeVersions';
import { type LoaderFixtureCase, loaderFixtureCases, runLoaderFixturesBatched } from '../../../../support/loaderFixtures';

const cases = loaderFixtureCases();
const versions = recordedVersions();
const rerecord = (version: string) =>
  `If Claude Code ${version} really loads it so, rerun \`npm run loader-truth -- --version ${version}\` and update docs/claude-code-loader.md.`;

/** The profile whose measured range holds a recorded version: the engine must predict that version exactly. */
function profileMeasuredAt(version: string): ClaudeCodeProfile | undefined {
  return claudeCodeProfiles.find((profile) => compareVersions(profile.firstVersion, version) <= 0 && compareVersions(version, profile.measuredUpTo) <= 0);
}

describe('Claude Code loader fixtures', () => {
  it('are recorded for the oldest and the newest profiled versions', () => {
    assert.ok(versions.includes(claudeCodeProfiles[0].firstVersion), `expected files: ${versions.join(', ')}`);
    assert.ok(versions.includes(claudeCodeProfiles[claudeCodeProfiles.length - 1].measuredUpTo), `expected files: ${versions.join(', ')}`);
  });

  for (const version of versions) {
    it(`Claude Code ${version} falls in a profile's measured range`, () => assert.ok(profileMeasuredAt(version), `no profile measured ${version}`));
  }

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
      const binary = claudeBinaryOrSkip(this, version);
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

  const profile = profileMeasuredAt(version);
  if (!profile) continue;
  describe(`the engine's profile for Claude Code ${profile.firstVersion} to ${profile.measuredUpTo} predicts what ${version} loads (expected/${version}.json, checked against the CLI above)`, () => {
    for (const fixture of cases) {
      it(`${fixture.id} -> ${JSON.stringify(expected[fixture.id] ?? 'unrecorded')}`, () => {
        assert.deepEqual(predictedNames(fixture, profile), [...(expected[fixture.id] ?? [])].sort());
      });
    }
  });

  describe(`the profile knows the tools of Claude Code ${version} (real CLI)`, function () {
    this.timeout(60_000);

    it('has every tool the CLI offers a session in its init event', async function () {
      const binary = claudeBinaryOrSkip(this, version);
      const init = await claudeInitEvent([], { binary });
      const offered = (init.tools as string[]).filter((tool) => !tool.startsWith('mcp__'));
      assert.ok(offered.length > 10, `the init event lists tools: ${offered.join(', ')}`);
      const tools = new ToolNames(profile.tools);
      assert.deepEqual(offered.filter((tool) => !tools.isKnown(tool)), []);
    });
  });
}

/** Names the engine says load, over the files Claude Code would read (`*.md`; discovery is not the engine's job). */
function predictedNames(fixture: LoaderFixtureCase, profile: ClaudeCodeProfile): string[] {
  const names = new Set<string>();
  for (const file of fixture.files) {
    if (!file.relativePath.endsWith('.md')) continue;
    const text = Buffer.isBuffer(file.content) ? file.content.toString('utf8') : file.content;
    const result = lintAgentFile(text, { path: `.claude/agents/${file.relativePath}`, profile });
    const name = result.loads ? result.agent?.name : undefined;
    // A custom agent named like a built-in replaces it, which the CLI's init event cannot show (see docs).
    if (name !== undefined && !BUILT_IN_AGENT_NAMES.includes(name)) names.add(name);
  }
  return [...names].sort();
}
