// Claude Code 2.1.330 to 2.1.331: of same-named files in one folder tree, the path that sorts last wins (bisected on the loader fixtures; docs/claude-code-loader.md). Schema changes found
// inside the range count from the next profile: a profile's lists are those of its first version.
import { laterField } from '../fields';
import { claudeCode2_1_292 } from './claudeCode-2.1.292';
import { laterProfile } from './profile';

export const claudeCode2_1_330 = laterProfile(claudeCode2_1_292, {
  firstVersion: '2.1.330',
  measuredUpTo: '2.1.331',
  loader: { duplicateNameWinner: 'last-path' },
  addedFields: [laterField('autoCompactWindow')],
  addedTools: [{ name: 'Monitor', documentation: 'Watches a background process and reports what it prints.' }],
});
