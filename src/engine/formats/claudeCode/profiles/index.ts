// Every Claude Code version the engine knows, oldest first. Adding a version is one file here, listed below.
import { claudeCode2_1_197 } from './claudeCode-2.1.197';
import type { ClaudeCodeProfile } from './profile';

export type { ClaudeCodeLoaderBehaviour, ClaudeCodeProfile } from './profile';

export const claudeCodeProfiles: readonly ClaudeCodeProfile[] = [claudeCode2_1_197];

/** The profile used when none is asked for: the newest version. */
export const newestClaudeCodeProfile: ClaudeCodeProfile = claudeCodeProfiles[claudeCodeProfiles.length - 1];

export function claudeCodeProfile(version: string): ClaudeCodeProfile | undefined {
  return claudeCodeProfiles.find((profile) => profile.version === version);
}
