// What the invocation tests share: an offline environment for the Claude Code CLI the extension spawns, settings and
// secrets set for one test and put back after it, and the processes of a run found through /proc.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { RUN_SCHEME, type RunSnapshot } from '../../src/vscode/runs/runStore';
import { until } from './agentStudio';
import { claudeLoopbackEnvironment } from '../support/claudeCli';
import { commandLineOf, processesWithMarker, untilNoProcessesWithMarker } from '../support/runProcesses';
import { withTimeout } from '../unit/providers/providerTestKit';

export { withTimeout };

/**
 * The real CLI behind a wrapper script that gives it an empty HOME and the loopback API: the test sets only
 * `agentStudio.claudeCode.path`, and nothing leaks into the extension host's environment (language servers it starts
 * later would inherit it).
 */
export class OfflineClaude {
  readonly home = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-studio-invoke-home-'));
  /** Set in the CLI's environment and inherited by its children, so the test can find every process of a run. */
  readonly marker = `invoke-${process.pid}-${Math.random().toString(36).slice(2)}`;
  readonly executable = path.join(this.home, 'bin', 'claude');

  constructor(baseUrl: string) {
    const variables: Record<string, string> = {
      ...claudeLoopbackEnvironment(this.home, baseUrl),
      AGENT_STUDIO_RUN_MARKER: this.marker,
    };
    const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
    const script = [
      '#!/bin/sh',
      'unset CLAUDE_CONFIG_DIR ANTHROPIC_AUTH_TOKEN',
      ...Object.entries(variables).map(([name, value]) => `export ${name}=${quote(value)}`),
      `exec ${quote(claudeBinary())} "$@"`,
      '',
    ].join('\n');
    fs.mkdirSync(path.dirname(this.executable));
    fs.writeFileSync(this.executable, script, { mode: 0o755 });
  }

  /** Waits for the CLI to go (it writes below HOME while it shuts down), then removes HOME. */
  async dispose(): Promise<void> {
    if (process.platform === 'linux') await untilNoProcesses(this.marker, 5_000);
    fs.rmSync(this.home, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** The repository's Claude Code 2.1.197 (devDependency), found from where the test run started. */
export function claudeBinary(): string {
  if (process.env.CLAUDE_BIN) return process.env.CLAUDE_BIN;
  const starts = [process.env.AGENT_STUDIO_REPO_ROOT, process.env.INIT_CWD, process.env.npm_package_json && path.dirname(process.env.npm_package_json), process.cwd()];
  for (const start of starts.filter((candidate): candidate is string => !!candidate)) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      // The package's own binary, not `.bin/claude`: the npm aliases of other Claude Code versions link that name too.
      const candidate = path.join(dir, 'node_modules', '@anthropic-ai', 'claude-code', 'bin', 'claude.exe');
      if (fs.existsSync(candidate)) return candidate;
      if (path.dirname(dir) === dir) break;
    }
  }
  assert.fail(`node_modules/@anthropic-ai/claude-code/bin/claude.exe not found from ${starts.join(', ')}; set CLAUDE_BIN`);
}

/** User settings for one test, by full key (`agentStudio.provider`); `restore()` removes them again. */
export class TestSettings {
  private readonly changed = new Set<string>();

  async set(values: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(values)) {
      this.changed.add(key);
      await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Global);
    }
  }

  async restore(): Promise<void> {
    for (const key of this.changed) await vscode.workspace.getConfiguration().update(key, undefined, vscode.ConfigurationTarget.Global);
    this.changed.clear();
  }
}

/** Runs a command that resolves with a run's snapshot, bounded. */
export async function runCommand(command: string, ...args: unknown[]): Promise<RunSnapshot> {
  const snapshot = await withTimeout(Promise.resolve(vscode.commands.executeCommand<RunSnapshot | undefined>(command, ...args)), 60_000, `${command} to finish`);
  assert.ok(snapshot, `${command} started no run`);
  return snapshot;
}

/**
 * The document of a run started after this call, once it shows `text`. Run documents stay open in the workspace after
 * their editors close, so an earlier run's document must not count.
 */
export function untilNewRunDocumentContaining(text: string, timeoutMs: number): Promise<vscode.TextDocument> {
  const earlier = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
  return until(vscode.workspace.onDidChangeTextDocument, () => vscode.workspace.textDocuments.find((document) =>
    document.uri.scheme === RUN_SCHEME && !earlier.has(document.uri.toString()) && document.getText().includes(text)), `a new run document showing "${text}"`, timeoutMs);
}

/** Pids of processes whose environment carries the marker. */
export function processesWith(marker: string): number[] {
  return processesWithMarker('AGENT_STUDIO_RUN_MARKER', marker);
}

/**
 * Pids of the marked processes that run an agent: setting `agentStudio.claudeCode.path` makes the extension ask the new
 * binary `--version` (in a trusted workspace), which is no run; on a busy machine it may still be alive when looked for.
 */
export function runProcessesWith(marker: string): number[] {
  return processesWith(marker).filter((pid) => {
    const commandLine = commandLineOf(pid);
    return commandLine !== '(gone)' && !/(^| )--version( |$)/.test(commandLine);
  });
}

export async function untilNoProcesses(marker: string, timeoutMs: number): Promise<void> {
  try {
    await withTimeout(untilNoProcessesWithMarker('AGENT_STUDIO_RUN_MARKER', marker), timeoutMs, 'the run\'s processes to end');
  } catch (error) {
    const left = processesWith(marker).map((pid) => `${pid}: ${commandLineOf(pid)}`).join('; ');
    throw new Error(`${(error as Error).message} (still running: ${left})`);
  }
}

/** Every file of a folder with its size and modification time, to show a run wrote nothing there. */
export function fileStates(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const stat = fs.statSync(file);
      return `${path.relative(root, file)} ${stat.size} ${stat.mtimeMs}`;
    })
    .sort();
}
