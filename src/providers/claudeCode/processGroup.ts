// Starts a command in its own process group so a cancel can end it together with everything it started.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started (e.g. ENOENT). */
  error?: NodeJS.ErrnoException;
}

export interface GroupProcess {
  child: ChildProcessWithoutNullStreams;
  /** Resolves once the process has ended and its output is closed, or it failed to start. Never rejects. */
  exited: Promise<ProcessExit>;
  /** SIGTERM to the whole group now, SIGKILL to what is left after `graceMs`. */
  stop(graceMs?: number): void;
}

const isWindows = process.platform === 'win32';

/** Runs `command` without a shell, stdin closed. */
export function spawnProcessGroup(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }): GroupProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: !isWindows, // a new group whose id is the child's pid; Windows has no groups, see stop()
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  }) as unknown as ChildProcessWithoutNullStreams;
  let ended = false;
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      ended = true;
      resolve({ code: null, signal: null, error });
    });
    child.once('close', (code, signal) => {
      ended = true;
      resolve({ code, signal });
    });
  });
  const stop = (graceMs = 500) => {
    const pid = child.pid;
    if (pid === undefined) return;
    if (isWindows) {
      if (!ended) spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true, stdio: 'ignore' }).on('error', () => undefined);
      return;
    }
    signalGroup(pid, 'SIGTERM');
    // Children may outlive the leader or ignore SIGTERM, so the group gets SIGKILL even after the leader is gone.
    setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs).unref();
  };
  return { child, exited, stop };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}
