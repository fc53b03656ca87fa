// Claude Code 2.1.292 to 2.1.329: a name longer than 256 UTF-16 code units skips the file (bisected on the loader fixtures; docs/claude-code-loader.md). Schema changes found
// inside the range count from the next profile: a profile's lists are those of its first version.
import { laterField } from '../fields';
import { claudeCode2_1_257 } from './claudeCode-2.1.257';
import { laterProfile } from './profile';

export const claudeCode2_1_292 = laterProfile(claudeCode2_1_257, {
  firstVersion: '2.1.292',
  measuredUpTo: '2.1.329',
  loader: { maxNameLength: 256 },
  addedHookEvents: ['PreModelSwitch', 'PostModelSwitch'],
  addedFields: [laterField('experimental'), laterField('omitClaudeMd')],
  removedTools: ['TaskOutput'],
  // The default model moved to this family at 2.1.290; the aliases are as measured on 2.1.332.
  modelAliasIds: { sonnet: 'claude-sonnet-5-5', opus: 'claude-opus-5-5', haiku: 'claude-haiku-5-5' },
});
