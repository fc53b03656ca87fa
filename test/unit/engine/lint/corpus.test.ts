// False alarms and ground truth on real files: every corpus agent loads in Claude Code, and the seeds load as recorded.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintAgentFile } from '../../../../src/engine/lint/lint';
import { claudeCodeProfiles } from '../../../../src/engine/formats/claudeCode/profiles';
import { sharedFolder } from '../../../support/sharedMaterial';

for (const profile of claudeCodeProfiles) describe(`the real-world corpus (360 agents Claude Code loads), under Claude Code ${profile.version}`, () => {
  const folder = path.join(sharedFolder(), 'corpus', 'claude');
  const loaded: Record<string, string[]> = JSON.parse(fs.readFileSync(path.join(sharedFolder(), 'corpus', 'claude.loaded-by-claude-code-2.1.197.json'), 'utf8'));
  const files = fs.readdirSync(folder).filter((name) => name.endsWith('.md'));

  it('has all 360 files', () => assert.equal(files.length, 360));

  for (const file of files) {
    it(`${file}: loads as ${JSON.stringify(loaded[file])}, no error`, () => {
      const result = lintAgentFile(fs.readFileSync(path.join(folder, file), 'utf8'), { path: `.claude/agents/${file}`, profile });
      const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      assert.deepEqual(errors, []);
      assert.equal(result.loads, true);
      assert.deepEqual([result.agent!.name], loaded[file]);
    });
  }
});

for (const profile of claudeCodeProfiles) describe(`the seeds, under Claude Code ${profile.version}`, () => {
  const folder = path.join(sharedFolder(), 'seeds');
  const loaded: Record<string, string[]> = JSON.parse(fs.readFileSync(path.join(folder, 'loaded-by-claude-code-2.1.197.json'), 'utf8'));
  for (const [file, names] of Object.entries(loaded)) {
    it(`${file}: loads equals Claude Code's ${JSON.stringify(names)}`, () => {
      const result = lintAgentFile(fs.readFileSync(path.join(folder, file), 'utf8'), { path: `.claude/agents/${file}`, profile });
      assert.equal(result.loads, names.length > 0);
      assert.deepEqual(result.agent ? [result.agent.name] : [], names);
      assert.equal(result.diagnostics.some((diagnostic) => diagnostic.severity === 'error'), names.length === 0);
    });
  }
});

describe('the Copilot corpus (224 custom agents)', () => {
  const folder = path.join(sharedFolder(), 'corpus', 'copilot');
  const files = fs.readdirSync(folder).filter((name) => name.endsWith('.md'));
  it('lints every file without throwing, as Copilot agents', () => {
    assert.ok(files.length >= 200);
    for (const file of files) {
      const result = lintAgentFile(fs.readFileSync(path.join(folder, file), 'utf8'), { path: file });
      assert.equal(result.format, 'copilot', file);
    }
  });
});
