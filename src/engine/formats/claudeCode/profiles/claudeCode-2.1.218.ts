// Claude Code 2.1.218 to 2.1.228: a name holding ":" (after NFKC) makes the file skipped (bisected on the loader fixtures; docs/claude-code-loader.md). Schema changes found
// inside the range count from the next profile: a profile's lists are those of its first version.
import { laterField, manualPermissionMode } from '../fields';
import { claudeCode2_1_197 } from './claudeCode-2.1.197';
import { laterProfile } from './profile';

export const claudeCode2_1_218 = laterProfile(claudeCode2_1_197, {
  firstVersion: '2.1.218',
  measuredUpTo: '2.1.228',
  loader: { nameRejectsColon: true },
  addedValues: { permissionMode: [manualPermissionMode] },
  addedFields: [laterField('observer'), laterField('observerMessage')],
});
