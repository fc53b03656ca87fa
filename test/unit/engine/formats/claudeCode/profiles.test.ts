// The profiles as data: ranges in order, a version mapped to the newest profile that starts at or before it, notes for
// versions outside what was measured, and the duplicate-name winner the catalog names under each profile.
import * as assert from 'node:assert/strict';
import { AgentCatalog } from '../../../../../src/engine/catalog/catalog';
import { claudeCodeProfileFor, claudeCodeProfiles, compareVersions, newestClaudeCodeProfile, parseClaudeCodeVersion } from '../../../../../src/engine/formats/claudeCode/profiles';
import { loaderFixtureCases } from '../../../../support/loaderFixtures';

describe('Claude Code profiles', () => {
  it('are ranges in order, each measured from its first version', () => {
    claudeCodeProfiles.forEach((profile, index) => {
      assert.ok(compareVersions(profile.firstVersion, profile.measuredUpTo) <= 0, profile.firstVersion);
      if (index > 0) assert.ok(compareVersions(claudeCodeProfiles[index - 1].measuredUpTo, profile.firstVersion) < 0, profile.firstVersion);
    });
  });

  it('map a measured version to its profile without a note', () => {
    for (const profile of claudeCodeProfiles) {
      for (const version of [profile.firstVersion, profile.measuredUpTo]) assert.deepEqual(claudeCodeProfileFor(version), { profile, version });
    }
  });

  it('map a newer version to the newest profile, saying up to which version rules were measured', () => {
    const [major, minor, patch] = newestClaudeCodeProfile.measuredUpTo.split('.').map(Number);
    const choice = claudeCodeProfileFor(`${major}.${minor}.${patch + 1}`);
    assert.equal(choice.profile, newestClaudeCodeProfile);
    assert.match(choice.note ?? '', new RegExp(`measured up to ${newestClaudeCodeProfile.measuredUpTo.replaceAll('.', '\\.')}`));
    assert.equal(claudeCodeProfileFor(`${major + 1}.0.0`).profile, newestClaudeCodeProfile);
  });

  it('map an unmeasured version between ranges to the older one, with a note', () => {
    const gap = claudeCodeProfiles.find((profile, index) => index > 0 && compareVersions(claudeCodeProfiles[index - 1].measuredUpTo, profile.firstVersion) < 0
      && Number(profile.firstVersion.split('.')[2]) - Number(claudeCodeProfiles[index - 1].measuredUpTo.split('.')[2]) > 1);
    if (!gap) return;
    const before = claudeCodeProfiles[claudeCodeProfiles.indexOf(gap) - 1];
    const [major, minor, patch] = before.measuredUpTo.split('.').map(Number);
    const choice = claudeCodeProfileFor(`${major}.${minor}.${patch + 1}`);
    assert.equal(choice.profile, before);
    assert.match(choice.note ?? '', /not measured/);
  });

  it('read what `claude --version` prints, and nothing else', () => {
    assert.equal(parseClaudeCodeVersion(`${newestClaudeCodeProfile.measuredUpTo} (Claude Code)`), newestClaudeCodeProfile.measuredUpTo);
    for (const text of ['', 'latest', 'two.one.three', '2.1', '2.1.x']) assert.equal(parseClaudeCodeVersion(text), undefined, text);
  });

  for (const fixture of loaderFixtureCases().filter((candidate) => candidate.id.startsWith('duplicate-name-'))) {
    for (const profile of claudeCodeProfiles) {
      const byPath = profile.loader.duplicateNameWinner === 'last-path';
      it(`${fixture.id}: the catalog under ${profile.firstVersion} ${byPath ? 'names the path that sorts last as the winner' : 'calls the duplicates ambiguous'}`, () => {
        const root = '/project/.claude/agents';
        const catalog = new AgentCatalog([{ path: root, scope: 'project', format: 'claude-code', project: '/project', recursive: true }]);
        catalog.setProfile('claude-code', profile);
        const paths = fixture.files.map((file) => `${root}/${file.relativePath}`);
        fixture.files.forEach((file, index) => catalog.update(paths[index], file.content.toString()));
        const name = catalog.get(paths[0])!.result.agent!.name;
        const namesakes = paths.filter((path) => catalog.get(path)!.result.agent?.name === name);
        const winner = catalog.winner(name, 'claude-code', '/project')?.path;
        if (namesakes.length < 2) return;
        assert.equal(winner, byPath ? [...namesakes].sort().at(-1) : undefined);
      });
    }
  }
});
