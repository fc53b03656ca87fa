// Claude Code 2.1.257 to 2.1.291: hooks are guarded: a bad shape, an invalid PreToolUse/PermissionRequest entry or such a key outside hooks skips the file (bisected on the loader fixtures; docs/claude-code-loader.md). Schema changes found
// inside the range count from the next profile: a profile's lists are those of its first version.
import { claudeCode2_1_240 } from './claudeCode-2.1.240';
import { laterProfile } from './profile';

export const claudeCode2_1_257 = laterProfile(claudeCode2_1_240, {
  firstVersion: '2.1.257',
  measuredUpTo: '2.1.291',
  loader: { hooks: 'guarded' },
  guardHookEvents: ['PreToolUse', 'PermissionRequest'],
  addedTools: [{ name: 'ListAgents', documentation: 'Lists the agents this session can start.' }],
});
