// Which Claude Code versions the loader truth is recorded for, and where each one's real `claude` binary lives:
// a devDependency (the oldest as `@anthropic-ai/claude-code`, others as npm aliases `claude-code-<version>`),
// or an exact install cached in ~/.cache/agent-studio/claude-code/<version> by `npm run loader-truth`.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ClaudeBinaryMissingError } from './claudeCli';

const repositoryRoot = path.resolve(__dirname, '..', '..');
const claudeCodePackage = '@anthropic-ai/claude-code';

/** `test/fixtures/loader/expected/<version>.json`: one file per recorded version. */
export const expectedDir = path.resolve(__dirname, '..', 'fixtures', 'loader', 'expected');

/** Compares `x.y.z` versions numerically (`2.1.99` < `2.1.197`). */
export function compareVersions(a: string, b: string): number {
  const partsA = a.split('.').map(Number);
  const partsB = b.split('.').map(Number);
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    const difference = (partsA[i] ?? 0) - (partsB[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

export function isExactVersion(version: string): boolean {
  return /^\d+\.\d+\.\d+$/.test(version);
}

/** Versions with an expected file, oldest first. */
export function recordedVersions(dir: string = expectedDir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir)
    .map((file) => /^(\d+\.\d+\.\d+)\.json$/.exec(file)?.[1])
    .filter((version): version is string => version !== undefined)
    .sort(compareVersions);
}

export type ExpectedLoads = Record<string, string[]>;

export function readExpected(version: string, dir: string = expectedDir): ExpectedLoads {
  return JSON.parse(fs.readFileSync(path.join(dir, `${version}.json`), 'utf8'));
}

export function writeExpected(version: string, expected: ExpectedLoads, dir: string = expectedDir): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${version}.json`), JSON.stringify(expected, null, 2) + '\n');
}

/** Where `npm run loader-truth` installs exact versions; shared by every clone on the machine. */
export function claudeCodeCacheDir(version: string): string {
  return path.join(os.homedir(), '.cache', 'agent-studio', 'claude-code', version);
}

/** The package folders that may hold `version`: devDependency, npm alias, cache. */
function candidatePackageDirs(version: string, root: string): string[] {
  return [
    path.join(root, 'node_modules', claudeCodePackage),
    path.join(root, 'node_modules', `claude-code-${version}`),
    path.join(claudeCodeCacheDir(version), 'node_modules', claudeCodePackage),
  ];
}

function packageVersion(packageDir: string): string | undefined {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
    return manifest.name === claudeCodePackage ? manifest.version : undefined;
  } catch {
    return undefined;
  }
}

/** The native binary the package's postinstall put in place of its placeholder (`bin/claude.exe` on every platform). */
function packageBinary(packageDir: string): string {
  return path.join(packageDir, 'bin', 'claude.exe');
}

/** Path to the `claude` binary of exactly `version`, if one is installed here or in the cache. */
export function installedClaudeBinary(version: string, root: string = repositoryRoot): string | undefined {
  for (const dir of candidatePackageDirs(version, root)) {
    if (packageVersion(dir) === version && fs.existsSync(packageBinary(dir))) return packageBinary(dir);
  }
  return undefined;
}

/** Like `installedClaudeBinary`, but a missing version is an error that says how to get it. */
export function claudeBinaryFor(version: string, root: string = repositoryRoot): string {
  const binary = installedClaudeBinary(version, root);
  if (binary) return binary;
  throw new ClaudeBinaryMissingError(
    `Claude Code ${version} is not installed: expected it as a devDependency (\`"claude-code-${version}": ` +
      `"npm:${claudeCodePackage}@${version}"\`, then \`npm ci\`) or in ${claudeCodeCacheDir(version)} ` +
      `(\`npm run loader-truth -- --version ${version}\` installs it there).`,
  );
}

/**
 * The binary of `version` for a test that runs it: outside CI a missing version skips the test, saying why; in CI it
 * is a failure, never a skip.
 */
export function claudeBinaryOrSkip(test: { skip(): void }, version: string, environment: NodeJS.ProcessEnv = process.env): string {
  try {
    return claudeBinaryFor(version);
  } catch (error) {
    if (error instanceof ClaudeBinaryMissingError && environment.CI !== 'true') {
      console.warn(`    skipped: ${error.message}`);
      test.skip();
    }
    throw error;
  }
}

/** What `claude --version` prints first (`2.1.332`), which also proves the binary runs on this machine. */
export function binaryVersion(binary: string): string {
  const output = execFileSync(binary, ['--version'], {
    encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.tmpdir(), DISABLE_AUTOUPDATER: '1' },
  });
  return output.trim().split(/\s+/)[0];
}

/**
 * Installs exactly `version` into the cache (about 400 MB) unless some copy is already installed; returns its binary.
 * A lock folder keeps two processes (other worktrees too) from installing the same version at once.
 */
export async function ensureClaudeCode(version: string, log: (line: string) => void = () => {}): Promise<string> {
  if (!isExactVersion(version)) throw new Error(`not an exact version: ${version}`);
  const found = installedClaudeBinary(version);
  if (found) return found;
  const target = claudeCodeCacheDir(version);
  const lock = `${target}.lock`;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) throw new Error(`${lock} is held for over 10 minutes; remove it if no install is running`);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
  try {
    const afterWait = installedClaudeBinary(version);
    if (afterWait) return afterWait;
    log(`installing ${claudeCodePackage}@${version} into ${target}`);
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(target, { recursive: true });
    execFileSync('npm', ['install', '--prefix', target, '--no-save', '--no-package-lock', '--no-audit', '--no-fund',
      `${claudeCodePackage}@${version}`], { stdio: ['ignore', 'ignore', 'inherit'] });
    const binary = claudeBinaryFor(version);
    const reported = binaryVersion(binary);
    if (reported !== version) throw new Error(`${binary} reports version ${reported}, not ${version}`);
    return binary;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
