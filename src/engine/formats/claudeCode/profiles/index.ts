// Every range of Claude Code versions the engine knows, oldest first. Adding one is a file here, listed below, and its
// expected results under test/fixtures/loader (CONTRIBUTING.md says how).
import { claudeCode2_1_197 } from './claudeCode-2.1.197';
import { claudeCode2_1_218 } from './claudeCode-2.1.218';
import { claudeCode2_1_229 } from './claudeCode-2.1.229';
import { claudeCode2_1_240 } from './claudeCode-2.1.240';
import { claudeCode2_1_257 } from './claudeCode-2.1.257';
import { claudeCode2_1_292 } from './claudeCode-2.1.292';
import { claudeCode2_1_330 } from './claudeCode-2.1.330';
import { claudeCode2_1_332 } from './claudeCode-2.1.332';
import type { ClaudeCodeProfile } from './profile';

export type { ClaudeCodeLoaderBehaviour, ClaudeCodeProfile } from './profile';

export const claudeCodeProfiles: readonly ClaudeCodeProfile[] = [
  claudeCode2_1_197, claudeCode2_1_218, claudeCode2_1_229, claudeCode2_1_240, claudeCode2_1_257, claudeCode2_1_292, claudeCode2_1_330, claudeCode2_1_332,
];

/** The profile used when none is asked for: the newest versions. */
export const newestClaudeCodeProfile: ClaudeCodeProfile = claudeCodeProfiles[claudeCodeProfiles.length - 1];

/** Which profile a Claude Code version follows, and how far that is from what was measured. */
export interface ProfileChoice {
  profile: ClaudeCodeProfile;
  /** The version asked for, as parsed (`x.y.z`). */
  version: string;
  /** Set when the version is outside every measured range: the sentence to show beside the verdicts. */
  note?: string;
}

/** `2.1.332` or `2.1.332 (Claude Code)` (what `claude --version` prints) -> `2.1.332`; anything else -> undefined. */
export function parseClaudeCodeVersion(text: string): string | undefined {
  return /^\s*v?(\d+)\.(\d+)\.(\d+)(?:[\s(-]|$)/.exec(text)?.slice(1, 4).map(Number).join('.');
}

export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < 3; index++) if (left[index] !== right[index]) return left[index] - right[index];
  return 0;
}

/** The newest profile whose first version is not after `version`; the oldest for older versions. */
export function claudeCodeProfileFor(version: string): ProfileChoice {
  const profile = [...claudeCodeProfiles].reverse().find((candidate) => compareVersions(candidate.firstVersion, version) <= 0) ?? claudeCodeProfiles[0];
  if (compareVersions(version, newestClaudeCodeProfile.measuredUpTo) > 0) {
    return { profile, version, note: `Claude Code ${version} is newer than any measured: rules were measured up to ${newestClaudeCodeProfile.measuredUpTo}.` };
  }
  if (compareVersions(version, claudeCodeProfiles[0].firstVersion) < 0) {
    return { profile, version, note: `Claude Code ${version} is older than any measured: rules follow ${profile.firstVersion}.` };
  }
  if (compareVersions(version, profile.measuredUpTo) > 0) {
    return { profile, version, note: `Claude Code ${version} was not measured: rules follow ${profile.measuredUpTo}, the nearest older measured version.` };
  }
  return { profile, version };
}

/** The profile whose range holds exactly this version string, if any (for `--claude-code-version 2.1.197`). */
export function claudeCodeProfile(version: string): ClaudeCodeProfile | undefined {
  return claudeCodeProfiles.find((profile) => profile.firstVersion === version || profile.version === version);
}

/**
 * "Claude Code 2.1.x and later": the first version of the oldest profile with a behaviour, for messages that say where
 * versions differ. Undefined when every profile has it (the message then needs no version).
 */
export function firstVersionWhere(has: (profile: ClaudeCodeProfile) => boolean): string | undefined {
  if (has(claudeCodeProfiles[0])) return undefined;
  return claudeCodeProfiles.find(has)?.firstVersion;
}

/** The newest version measured without a behaviour that later versions have: "loads in Claude Code 2.1.y". */
export function lastVersionWithout(has: (profile: ClaudeCodeProfile) => boolean): string | undefined {
  return [...claudeCodeProfiles].reverse().find((profile) => !has(profile))?.measuredUpTo;
}
