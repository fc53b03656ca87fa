// Which Claude Code the user runs: `claude --version` of the configured binary or the one on PATH, read off the
// caller's critical path (it starts a process), and the profile whose rules then apply.
import { execFile } from 'node:child_process';
import { claudeCodeProfileFor, claudeCodeProfiles, newestClaudeCodeProfile, parseClaudeCodeVersion, type ProfileChoice } from '../engine/formats/claudeCode/profiles';

/** The version `binary --version` prints, or undefined when there is no such program or it prints no version. */
export function detectClaudeCodeVersion(binary = 'claude', timeoutMs = 10_000): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      // No shell: the configured path is run as a program, never interpreted.
      execFile(binary, ['--version'], { timeout: timeoutMs, windowsHide: true, env: { ...process.env, DISABLE_AUTOUPDATER: '1' } }, (error, stdout) => {
        resolve(error ? undefined : parseClaudeCodeVersion(String(stdout)));
      });
    } catch {
      resolve(undefined);
    }
  });
}

/** The newest profile, when no Claude Code is found or `latest` is asked for. */
export function newestChoice(): ProfileChoice {
  return { profile: newestClaudeCodeProfile, version: newestClaudeCodeProfile.measuredUpTo };
}

/**
 * `auto` (the detected version, else the newest profile), `latest`, or a version; undefined when the text is none of
 * these.
 */
export async function chooseClaudeCodeProfile(requested: string, detect: () => Promise<string | undefined> = () => detectClaudeCodeVersion()): Promise<ProfileChoice | undefined> {
  if (requested === 'latest') return newestChoice();
  if (requested === 'auto') {
    const detected = await detect();
    return detected ? claudeCodeProfileFor(detected) : newestChoice();
  }
  const version = parseClaudeCodeVersion(requested);
  return version ? claudeCodeProfileFor(version) : undefined;
}

/** Each profile's range of versions ("first to last measured"), for usage errors. */
export function describeProfiles(): string {
  return claudeCodeProfiles.map((profile) => profile.firstVersion === profile.measuredUpTo ? profile.firstVersion : `${profile.firstVersion} to ${profile.measuredUpTo}`).join(', ');
}
