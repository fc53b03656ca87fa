// Runs test/integration/**/*.test.ts with mocha inside a real extension host.
// `run()` is the entry @vscode/test-electron calls; `activate()` is the companion extension the code-server runner installs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import integrationTestFiles from 'agent-studio:integration-test-files';
import { takeScreenshot, testChannelDir } from './workbenchBrowser';

export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

/** What the code-server runner reads back from `results.json`. */
export interface SuiteResults {
  vscodeVersion: string;
  passes: number;
  failures: number;
  pending: number;
  tests: TestOutcome[];
  /** Set when mocha could not even start (a test file threw while loading). */
  loadError?: string;
}

/** Called by @vscode/test-electron: prints to the console and rejects when a test failed or none ran. */
export async function run(): Promise<void> {
  const results = await runMocha((line) => console.log(line));
  if (results.loadError) throw new Error(results.loadError);
  if (results.passes + results.failures === 0) throw new Error('no integration test ran');
  if (results.failures > 0) throw new Error(`${results.failures} integration test(s) failed`);
}

/** Companion-extension entry for the code-server runner: runs once per test run, reports through AGENT_STUDIO_TEST_DIR. */
export function activate(): void {
  const channel = testChannelDir();
  if (!channel) return;
  // A window reload restarts the extension host; the suite must not run twice.
  const startedMarker = path.join(channel, 'started');
  try {
    fs.writeFileSync(startedMarker, String(process.pid), { flag: 'wx' });
  } catch {
    return;
  }
  const outputLog = path.join(channel, 'output.log');
  void runMocha((line) => fs.appendFileSync(outputLog, line + '\n')).then((results) => {
    const resultsFile = path.join(channel, 'results.json');
    fs.writeFileSync(resultsFile + '.tmp', JSON.stringify(results, null, 2));
    fs.renameSync(resultsFile + '.tmp', resultsFile);
  });
}

export function deactivate(): void {}

async function runMocha(print: (line: string) => void): Promise<SuiteResults> {
  const vscodeVersion = vscode.version;
  const results: SuiteResults = { vscodeVersion, passes: 0, failures: 0, pending: 0, tests: [] };
  // The spec reporter writes through Base.consoleLog; routing it lets the runner print mocha's own output.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => print(util.format(...args));
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  if (process.env.AGENT_STUDIO_TEST_GREP) mocha.grep(process.env.AGENT_STUDIO_TEST_GREP);
  mocha.suite.afterEach(async function screenshotFailure(this: Mocha.Context) {
    const test = this.currentTest;
    if (test?.state === 'failed') await takeScreenshot(`failed-${test.fullTitle()}`).catch(() => undefined);
  });
  try {
    // The code-server runner opens a second, untrusted window for the *.untrusted.test.ts files; elsewhere
    // (@vscode/test-electron) the window is trusted and they do not run.
    const untrustedWindow = process.env.AGENT_STUDIO_TEST_PHASE === 'untrusted';
    for (const [file, load] of integrationTestFiles) {
      if (file.endsWith('.untrusted.test.ts') !== untrustedWindow) continue;
      mocha.suite.emit('pre-require', globalThis, file, mocha);
      mocha.suite.emit('require', load(), file, mocha);
      mocha.suite.emit('post-require', globalThis, file, mocha);
    }
  } catch (error) {
    results.loadError = `loading the integration tests failed: ${error instanceof Error ? error.stack : String(error)}`;
    print(results.loadError);
    return results;
  }
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve(results));
    const record = (test: Mocha.Test, state: TestOutcome['state'], error?: Error) =>
      results.tests.push({ title: test.fullTitle(), state, durationMs: test.duration, error: error?.stack ?? error?.message });
    runner.on('pass', (test) => (results.passes++, record(test, 'passed')));
    runner.on('fail', (test, error) => (results.failures++, record(test as Mocha.Test, 'failed', error)));
    runner.on('pending', (test) => (results.pending++, record(test, 'pending')));
  });
}
