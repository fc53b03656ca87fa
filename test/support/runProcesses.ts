// Finding every process of one run, children included, by a marker in their environment (Linux: /proc). Processes
// that are not our children send no event when they end, so waiting for them polls.
import * as fs from 'node:fs';

/** Pids of processes whose environment has `variable=marker`, this process excluded. */
export function processesWithMarker(variable: string, marker: string): number[] {
  const needle = `${variable}=${marker}\0`;
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/environ`, 'latin1').includes(needle)) pids.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

/** Resolves once no process carries the marker; callers bound it with a timeout. */
export async function untilNoProcessesWithMarker(variable: string, marker: string): Promise<void> {
  while (processesWithMarker(variable, marker).length > 0) await new Promise((resolve) => setTimeout(resolve, 20));
}

export function commandLineOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').slice(0, 300);
  } catch {
    return '(gone)';
  }
}
