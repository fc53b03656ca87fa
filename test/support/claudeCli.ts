// Runs the real Claude Code CLI offline (empty HOME, loopback API) to see which sub-agent files it loads.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startAnthropicLoopback } from './anthropicLoopback';

export interface AgentFileSpec {
  /** Path below the project's `.claude/agents/`, with `/` separators, e.g. `reviewer.md` or `team/reviewer.md`. */
  relativePath: string;
  content: string | Buffer;
}

export interface ClaudeRunOptions {
  /** `ANTHROPIC_BASE_URL`; without it a loopback server is started (and closed) for this one run. */
  baseUrl?: string;
  /** Kill the CLI and fail when no init event arrived by then. Default 30 s. */
  timeoutMs?: number;
  /** Path to the `claude` executable; default `findClaudeBinary()`. */
  binary?: string;
}

export interface ClaudeDebugRun {
  init: ClaudeInitEvent;
  /** What `--debug-file` collected up to the init event: why files were skipped, duplicate names, unknown keys. */
  debugLog: string;
}

/** Agents Claude Code 2.1.197 has without any file (the CLI run as below, not through the SDK). */
export const BUILT_IN_AGENT_NAMES: readonly string[] = ['claude', 'Explore', 'general-purpose', 'Plan', 'statusline-setup'];

export interface ClaudeInitEvent {
  type: 'system';
  subtype: 'init';
  agents: string[];
  claude_code_version?: string;
  [key: string]: unknown;
}

const repositoryRoot = path.resolve(__dirname, '..', '..');

export class ClaudeBinaryMissingError extends Error {}

/**
 * The `claude` of the devDependency `@anthropic-ai/claude-code` (or `$CLAUDE_BIN`); throws a clear error when absent.
 * Not `node_modules/.bin/claude`: the npm aliases of other Claude Code versions link that name too, and either may win.
 */
export function findClaudeBinary(root: string = repositoryRoot): string {
  const candidates = [
    process.env.CLAUDE_BIN,
    path.join(root, 'node_modules', '@anthropic-ai', 'claude-code', 'bin', 'claude.exe'),
  ].filter((candidate): candidate is string => !!candidate);
  for (const candidate of candidates) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new ClaudeBinaryMissingError(
    `Claude Code CLI not found (looked at ${candidates.join(', ')}). ` +
      'Run `npm ci` so the devDependency @anthropic-ai/claude-code installs its native binary, or set CLAUDE_BIN.',
  );
}

/**
 * Names of the sub-agents the real CLI loads from `files` placed under `.claude/agents/` of an empty project,
 * without the built-ins. A custom agent whose name equals a built-in's shadows it and so is not visible here.
 */
export async function loadedAgentNames(files: AgentFileSpec[], options: ClaudeRunOptions = {}): Promise<string[]> {
  const init = await claudeInitEvent(files, options);
  return init.agents.filter((name) => !BUILT_IN_AGENT_NAMES.includes(name));
}

/** The CLI's first `stream-json` event (`system`/`init`) for a project holding `files`. */
export async function claudeInitEvent(files: AgentFileSpec[], options: ClaudeRunOptions = {}): Promise<ClaudeInitEvent> {
  const binary = options.binary ?? findClaudeBinary();
  const run = (baseUrl: string) =>
    runInTempProject(files, baseUrl, (project, env) => readInitEvent(binary, project, env, options.timeoutMs ?? 30_000, () => true));
  return withLoopback(options.baseUrl, run);
}

/**
 * The init event plus the CLI's `--debug-file` log for a project holding `files`. Paths in the log are made relative:
 * the project folder reads as `<project>`, the temporary HOME as `<home>`.
 */
export async function claudeDebugRun(files: AgentFileSpec[], options: Omit<ClaudeRunOptions, 'baseUrl'> & { extraArgs?: string[] } = {}): Promise<ClaudeDebugRun> {
  const binary = options.binary ?? findClaudeBinary();
  const run = (baseUrl: string) =>
    runInTempProject(files, baseUrl, async (project, env) => {
      const logFile = path.join(path.dirname(project), 'debug.log');
      // Killing the CLI at its init event would lose the log lines it has not flushed yet: let it answer and exit.
      const init = await readInitEvent(binary, project, env, options.timeoutMs ?? 30_000, 'exit',
        ['--debug-file', logFile, ...(options.extraArgs ?? [])]);
      const raw = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
      const home = path.dirname(project);
      const relative = (text: string, folder: string, label: string) => text.split(fs.realpathSync(folder)).join(label).split(folder).join(label);
      return { init, debugLog: relative(relative(raw, project, '<project>'), home, '<home>') };
    });
  const loopback = await startAnthropicLoopback({ replyText: 'ok' });
  try {
    return await run(loopback.url);
  } finally {
    await loopback.close();
  }
}

async function withLoopback<T>(baseUrl: string | undefined, run: (baseUrl: string) => Promise<T>): Promise<T> {
  if (baseUrl) return run(baseUrl);
  const loopback = await startAnthropicLoopback();
  try {
    return await run(loopback.url);
  } finally {
    await loopback.close();
  }
}

/**
 * The "Available agent types for the Agent tool" text the CLI sends to the model: one `- name: description (Tools: ...)`
 * entry per active agent, built-ins included. Shows what `init` cannot: descriptions, tools, and which file won a name.
 */
export async function claudeAgentListing(files: AgentFileSpec[], options: Omit<ClaudeRunOptions, 'baseUrl'> = {}): Promise<string> {
  const binary = options.binary ?? findClaudeBinary();
  const loopback = await startAnthropicLoopback({ replyText: 'ok' });
  const listing = () => {
    for (const request of loopback.requests) {
      const match = /Available agent types for the Agent tool:\n([\s\S]*?)\n\nWhen you launch multiple agents/.exec(collectText(request.body));
      if (match) return match[1];
    }
    return undefined;
  };
  try {
    await runInTempProject(files, loopback.url, (project, env) =>
      readInitEvent(binary, project, env, options.timeoutMs ?? 30_000, () => listing() !== undefined));
    const text = listing();
    if (text === undefined) throw new Error('claude sent no request listing its agents');
    return text;
  } finally {
    await loopback.close();
  }
}

function collectText(value: unknown): string {
  if (typeof value === 'string') return value + '\n';
  if (Array.isArray(value)) return value.map(collectText).join('');
  if (value && typeof value === 'object') return Object.values(value).map(collectText).join('');
  return '';
}

async function runInTempProject<T>(files: AgentFileSpec[], baseUrl: string, run: (project: string, env: NodeJS.ProcessEnv) => Promise<T>): Promise<T> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-studio-cc-'));
  try {
    // The CLI also loads `.claude/agents` of every folder between the project and HOME; a project inside HOME keeps
    // stray folders such as /tmp/.claude/agents out.
    const home = root;
    const project = path.join(home, 'project');
    const agentsDir = path.join(project, '.claude', 'agents');
    fs.mkdirSync(agentsDir, { recursive: true });
    for (const file of files) {
      const target = path.resolve(agentsDir, file.relativePath);
      if (!target.startsWith(agentsDir + path.sep)) throw new Error(`relativePath escapes .claude/agents: ${file.relativePath}`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file.content);
    }
    return await run(project, offlineEnvironment(home, baseUrl));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** What makes the real CLI run offline against a loopback API: an empty HOME, the loopback as base URL, nothing phoning home. */
export function claudeLoopbackEnvironment(home: string, baseUrl: string): Record<string, string> {
  return {
    HOME: home,
    USERPROFILE: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    ANTHROPIC_BASE_URL: baseUrl,
    ANTHROPIC_API_KEY: 'sk-ant-loopback-test',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_ERROR_REPORTING: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
  };
}

/** A minimal environment: nothing from the caller's Claude/Anthropic settings leaks in. */
function offlineEnvironment(home: string, baseUrl: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', TMPDIR: os.tmpdir(), LANG: 'C.UTF-8', ...claudeLoopbackEnvironment(home, baseUrl) };
}

/**
 * Resolves with the init event once `alsoWaitFor()` holds too (polled on each output line and every 50 ms), or, with
 * `alsoWaitFor` = 'exit', once the CLI has answered the prompt and exited by itself (its debug log is complete then).
 */
function readInitEvent(
  binary: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number, waitFor: (() => boolean) | 'exit', extraArgs: string[] = [],
): Promise<ClaudeInitEvent> {
  const alsoWaitFor = waitFor === 'exit' ? () => false : waitFor;
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['-p', '--output-format', 'stream-json', '--verbose', ...extraArgs, 'hi'], {
      cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let settled = false;
    let init: ClaudeInitEvent | undefined;
    const poll = setInterval(() => { if (init && alsoWaitFor()) finish(null, init); }, 50);
    const finish = (error: Error | null, event?: ClaudeInitEvent) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(poll);
      killGroup(child.pid);
      // Wait for the exit so the temp folder is no longer in use when the caller removes it.
      const done = () => (error ? reject(error) : resolve(event!));
      if (child.exitCode !== null || child.signalCode !== null) done();
      else child.once('exit', done);
    };
    const timer = setTimeout(() => {
      finish(new Error(`claude printed no init event within ${timeoutMs} ms (cwd ${cwd}).\nstdout: ${stdout.slice(0, 2000)}\nstderr: ${stderr.slice(0, 2000)}`));
    }, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => { stderr += chunk; });
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      for (const line of stdout.split('\n').slice(0, -1)) {
        const event = parseJsonLine(line);
        if (isInitEvent(event)) init ??= event;
      }
      if (init && alsoWaitFor()) finish(null, init);
    });
    child.on('error', (error) => finish(new Error(`could not start ${binary}: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (init && (waitFor === 'exit' ? code === 0 : alsoWaitFor())) return finish(null, init);
      finish(new Error(`claude exited (code ${code}, signal ${signal}) before its init event (or before what the caller waited for).\nstdout: ${stdout.slice(0, 2000)}\nstderr: ${stderr.slice(0, 2000)}`));
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL'); // the CLI may have children; the group is ours because of `detached`
  } catch {
    // already gone
  }
}

function parseJsonLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function isInitEvent(event: unknown): event is ClaudeInitEvent {
  const candidate = event as Partial<ClaudeInitEvent> | undefined;
  return candidate?.type === 'system' && candidate.subtype === 'init' && Array.isArray(candidate.agents);
}
