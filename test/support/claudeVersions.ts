// The real Claude Code CLI of each profiled version: 2.1.197 is this repository's devDependency; the others are
// installed from the npm registry into ~/.cache/agent-studio/claude-code/<version>/ on first use (shared, locked).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findClaudeBinary } from './claudeCli';

/** The versions whose loader rules the engine has profiles for; the test suites check each against its CLI. */
export const PROFILED_CLAUDE_CODE_VERSIONS = ['2.1.197', '2.1.332'] as const;
const DEV_DEPENDENCY_VERSION = '2.1.197';

export function claudeCodeCacheDirectory(version: string): string {
  return path.join(os.homedir(), '.cache', 'agent-studio', 'claude-code', version);
}

/** Path of `claude` for a version, installing it first when it is missing (the npm registry is the only network used). */
export function claudeBinaryForVersion(version: string): string {
  if (version === DEV_DEPENDENCY_VERSION) return findClaudeBinary();
  const directory = claudeCodeCacheDirectory(version);
  const binary = path.join(directory, 'node_modules', '.bin', 'claude');
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(path.dirname(directory), { recursive: true });
  const lock = `${directory}.lock`;
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (fs.existsSync(binary)) return binary;
      if (Date.now() > deadline) throw new Error(`waited 10 minutes for ${lock}; remove it if no install is running`);
      execFileSync('sleep', ['2']);
    }
  }
  try {
    if (!fs.existsSync(binary)) {
      fs.mkdirSync(directory, { recursive: true });
      execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', directory, `@anthropic-ai/claude-code@${version}`], { stdio: 'inherit' });
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
  if (!fs.existsSync(binary)) throw new Error(`npm installed @anthropic-ai/claude-code@${version} but ${binary} is missing`);
  return binary;
}
