// Claude Code 2.1.229 to 2.1.239: a NUL in the front matter is a YAML error that skips the file (bisected on the loader fixtures; docs/claude-code-loader.md). Schema changes found
// inside the range count from the next profile: a profile's lists are those of its first version.
import { laterField } from '../fields';
import { claudeCode2_1_218 } from './claudeCode-2.1.218';
import { laterProfile } from './profile';

export const claudeCode2_1_229 = laterProfile(claudeCode2_1_218, {
  firstVersion: '2.1.229',
  measuredUpTo: '2.1.239',
  loader: { nulInFrontmatterIsError: true },
  addedHookEvents: ['DirectoryAdded'],
  addedFields: [laterField('observeSubagents')],
});
