// Claude Code 2.1.332, measured with the real CLI (test/fixtures/loader/expected/2.1.332.json, docs/claude-code-loader.md):
// PreSkillShellCommand becomes a hook event that guards permissions like PreToolUse.
import { laterField } from '../fields';
import { claudeCode2_1_330 } from './claudeCode-2.1.330';
import { laterProfile } from './profile';

export const claudeCode2_1_332 = laterProfile(claudeCode2_1_330, {
  firstVersion: '2.1.332',
  measuredUpTo: '2.1.332',
  addedHookEvents: ['PreSkillShellCommand'],
  guardHookEvents: ['PreToolUse', 'PermissionRequest', 'PreSkillShellCommand'],
  addedFields: [laterField('observeToolResults')],
});
