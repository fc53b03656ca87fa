// Runs routing cases through the user's Claude Code: one `claude -p` per run, read until the main model's first turn
// decides, then the whole process group is ended there. The sub-agent never runs; a run costs one model turn.
import { execFile } from 'node:child_process';
import { JsonLinesDecoder } from '../../providers/claudeCode/jsonLines';
import { spawnProcessGroup, type GroupProcess } from '../../providers/claudeCode/processGroup';
import { claudeCodeErrorFromText } from '../../providers/claudeCode/claudeCode';
import { chosenAgent, DelegationReader, type RoutingDecision } from '../../engine/routing/delegationStream';
import type { RoutingCase } from '../../engine/routing/routingCases';
import { caseResult, type CaseResult, type RunOutcome } from '../../engine/routing/routingReport';

/**
 * What keeps a routing run from doing anything but choose (measured on both profiled versions, docs/routing-tests.md):
 * - `--tools Agent`: the only built-in tool offered is the delegation tool; sub-agents get no other tool either, and
 *   a call of any other tool is answered "No such tool available" (the API name is `Agent`; `init` still says `Task`).
 * - `--strict-mcp-config` without `--mcp-config`: no MCP server starts, the project's `.mcp.json` and agents' included.
 * - `--settings {"disableAllHooks":true}`: no hook of the user, the project or an agent runs (SessionStart included).
 * - `--disable-slash-commands`: a prompt that starts with `/` is sent as text, not expanded as a command or skill.
 * - `--no-session-persistence`: routing runs do not fill the user's `--resume` list.
 * Everything else (the user's settings, model, CLAUDE.md, agents, plugins' agents) stays as in a normal session, so the
 * model sees the same agent listing it would.
 */
export function routingArgs(prompt: string): string[] {
  return [
    '-p', '--output-format', 'stream-json', '--verbose', '--include-partial-messages',
    '--tools', 'Agent', '--strict-mcp-config', '--settings', '{"disableAllHooks":true}', '--disable-slash-commands', '--no-session-persistence',
    '--', prompt,
  ];
}

export interface RoutingRunnerOptions {
  /** Path or name (looked up on PATH) of `claude`, as invocation resolves it. */
  executable: string;
  /** The project whose agents compete: the CLI loads `.claude/agents` from here and its parents, as in a session. */
  cwd: string;
  /** Added to this process's environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Runs per case. Default 1. */
  runs?: number;
  /** Claude Code processes at once. Default 4. */
  parallel?: number;
  /** A run that has not decided by then fails. Default 180 s (the CLI retries overloaded APIs for minutes). */
  timeoutMs?: number;
  signal?: AbortSignal;
  onRunStarted?(routingCase: RoutingCase, run: number): void;
  onRunFinished?(routingCase: RoutingCase, run: number, outcome: RunOutcome): void;
}

/** Claude Code cannot run here at all: not installed, or not logged in. No case can give an answer. */
export class ClaudeCodeUnavailableError extends Error {
  constructor(message: string, readonly reason: 'not-found' | 'unauthorized') {
    super(message);
  }
}

export class RoutingCancelledError extends Error {
  constructor() {
    super('Routing run cancelled.');
  }
}

/** Every case `runs` times, at most `parallel` processes at once; results in the order of `cases`. */
export async function runRoutingCases(cases: readonly RoutingCase[], options: RoutingRunnerOptions): Promise<CaseResult[]> {
  const runs = Math.max(1, Math.floor(options.runs ?? 1));
  const jobs = cases.flatMap((routingCase, caseIndex) => Array.from({ length: runs }, (_, run) => ({ routingCase, caseIndex, run })));
  const outcomes: RunOutcome[][] = cases.map(() => []);
  const stopAll = new AbortController();
  const onAbort = () => stopAll.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let fatal: unknown;
  let next = 0;
  const worker = async () => {
    while (next < jobs.length && !stopAll.signal.aborted) {
      const job = jobs[next++];
      options.onRunStarted?.(job.routingCase, job.run);
      try {
        const outcome = await routeOnce(job.routingCase.prompt, { ...options, signal: stopAll.signal });
        outcomes[job.caseIndex][job.run] = outcome;
        options.onRunFinished?.(job.routingCase, job.run, outcome);
      } catch (error) {
        // One missing binary or rejected login fails every run: stop the others at once instead of repeating it.
        fatal ??= error;
        stopAll.abort();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.parallel ?? 4, jobs.length)) }, worker));
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  if (options.signal?.aborted) throw new RoutingCancelledError();
  if (fatal) throw fatal;
  return cases.map((routingCase, index) => caseResult(routingCase, outcomes[index].filter(Boolean)));
}

/** One run: starts `claude`, reads until the first turn decides, ends the process group. */
export async function routeOnce(prompt: string, options: RoutingRunnerOptions): Promise<RunOutcome> {
  if (options.signal?.aborted) throw new RoutingCancelledError();
  const group = spawnProcessGroup(options.executable, routingArgs(prompt), { cwd: options.cwd, env: environment(options.env) });
  const reader = new DelegationReader();
  const lines = new JsonLinesDecoder();
  let stderr = '';
  group.child.stderr.setEncoding('utf8');
  group.child.stderr.on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-8192); });
  const decided = new Promise<RoutingDecision | undefined>((resolve) => {
    group.child.stdout.on('data', (chunk: Buffer) => {
      for (const line of lines.push(chunk)) {
        const decision = reader.read(line);
        if (decision) return resolve(decision);
      }
    });
    void group.exited.then(() => {
      for (const line of lines.end()) reader.read(line);
      resolve(reader.decision);
    });
  });
  const stop = () => endGroup(group);
  options.signal?.addEventListener('abort', stop, { once: true });
  const timer = setTimeout(stop, options.timeoutMs ?? 180_000);
  try {
    const decision = await decided;
    // The decision is in: nothing the CLI would do next (start the sub-agent, retry, write a transcript) is wanted.
    endGroup(group);
    const exit = await group.exited;
    if (options.signal?.aborted) throw new RoutingCancelledError();
    if (!decision) {
      if (exit.error?.code === 'ENOENT' || exit.error?.code === 'EACCES') {
        throw new ClaudeCodeUnavailableError(`Claude Code was not found at "${options.executable}" (${exit.error.code}). Install it (npm install -g @anthropic-ai/claude-code) or give its path.`, 'not-found');
      }
      const ending = exit.signal ? `was stopped (${exit.signal}) after ${Math.round((options.timeoutMs ?? 180_000) / 1000)} s without deciding` : `exited with code ${exit.code} without a result`;
      return { error: errorText(stderr.trim() || `Claude Code ${ending}`) };
    }
    if (decision.kind === 'failed') return failedOutcome(decision);
    const chosen = chosenAgent(decision) ?? null;
    const note = decision.kind === 'forked' ? 'forked itself' : decision.kind === 'other-tool' ? `asked for ${decision.tool}` : undefined;
    return note ? { chosen, note } : { chosen };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
    endGroup(group);
  }
}

function failedOutcome(decision: Extract<RoutingDecision, { kind: 'failed' }>): RunOutcome {
  const error = claudeCodeErrorFromText(decision.message, decision.status);
  if (error.kind === 'unauthorized') {
    throw new ClaudeCodeUnavailableError(`Claude Code is not logged in: ${error.message}`, 'unauthorized');
  }
  return { error: error.message };
}

function errorText(text: string): string {
  const error = claudeCodeErrorFromText(text);
  if (error.kind === 'unauthorized') throw new ClaudeCodeUnavailableError(`Claude Code is not logged in: ${error.message}`, 'unauthorized');
  return error.message;
}

/** SIGTERM to the group, SIGKILL soon after: a routing run has nothing worth a graceful shutdown. */
function endGroup(group: GroupProcess): void {
  group.stop(150);
}

function environment(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** `claude --version` ("X.Y.Z (Claude Code)" → "X.Y.Z"); throws ClaudeCodeUnavailableError when it does not run. */
export async function claudeCodeVersion(executable: string, env?: Record<string, string | undefined>): Promise<string> {
  const { code, stdout, error } = await execute(executable, ['--version'], env);
  if (error?.code === 'ENOENT' || error?.code === 'EACCES' || code !== 0) {
    throw new ClaudeCodeUnavailableError(`Claude Code did not run as "${executable}"${error?.code ? ` (${error.code})` : ''}. Install it (npm install -g @anthropic-ai/claude-code) or give its path.`, 'not-found');
  }
  return /\d+\.\d+\.\d+\S*/.exec(stdout)?.[0] ?? stdout.trim();
}

/**
 * `claude auth status` says `"loggedIn": false` before any model call is paid for. Other answers (an older CLI
 * without the command, a cloud provider's credentials) let the runs find out.
 */
export async function ensureClaudeCodeLoggedIn(executable: string, env?: Record<string, string | undefined>): Promise<void> {
  const { stdout } = await execute(executable, ['auth', 'status'], env);
  let status: unknown;
  try {
    status = JSON.parse(stdout);
  } catch {
    return;
  }
  if (typeof status === 'object' && status !== null && (status as { loggedIn?: unknown }).loggedIn === false) {
    throw new ClaudeCodeUnavailableError('Claude Code is not logged in. Run `claude` in a terminal and log in (or `claude auth login`), or set ANTHROPIC_API_KEY.', 'unauthorized');
  }
}

function execute(executable: string, args: string[], env?: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; error?: NodeJS.ErrnoException }> {
  return new Promise((resolve) => {
    execFile(executable, args, { env: environment(env), timeout: 20_000, windowsHide: true, maxBuffer: 1 << 20 }, (error, stdout) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as unknown as { code: number }).code) : null) : 0;
      resolve({ code, stdout: String(stdout), error: error && typeof error.code === 'string' ? (error as NodeJS.ErrnoException) : undefined });
    });
  });
}
