// Claude Code 2.1.240 to 2.1.252: one leading byte-order mark is skipped (bisected on the loader fixtures; docs/claude-code-loader.md). Schema changes found
// inside the range count from the next profile: a profile's lists are those of its first version.
import { claudeCode2_1_229 } from './claudeCode-2.1.229';
import { laterProfile } from './profile';

export const claudeCode2_1_240 = laterProfile(claudeCode2_1_229, {
  firstVersion: '2.1.240',
  measuredUpTo: '2.1.252',
  loader: { stripsOneBom: true },
  removedTools: ['TaskCreate', 'TaskGet', 'TaskList', 'TaskUpdate'],
});
