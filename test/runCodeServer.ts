// The offline integration-test runner: the packaged extension in each code-server of scripts/vscode-versions.json (today's
// VS Code and the oldest engines.vscode allows), driven by Debian's Chromium. AGENT_STUDIO_VSCODE=1.139.1 runs one of them.
// A companion extension loads dist/test/integration/suite.js and runs mocha in the extension host; results, live output
// and the tests' requests of the browser (screenshots, reading and clicking the UI) pass through the folder in AGENT_STUDIO_TEST_DIR.
import * as fs from 'node:fs';
import * as os from 'node:os';
import { SourceMap, type SourceMapPayload } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import {
  chromiumPath,
  ensureCodeServer,
  installExtensions,
  packageVsix,
  registerForCleanup,
  repoRoot,
  run,
  exitAfterCleanup,
  selectedVersions,
  startCodeServer,
  writeUserSettings,
  type CodeServerDirs,
  type RunningCodeServer,
  type TestedVersion,
} from '../scripts/codeServer';
import { bundleIntegrationTests } from './integration/bundle';
import type { SuiteResults } from './integration/index';
import { serveBrowserRequests } from './workbenchBrowserServer';
import { installTestPlugin } from './support/installedPluginFixture';

const resultsRoot = path.join(repoRoot, 'test-results');
/** Screenshots and, on failure, logs of one VS Code: `test-results/vscode-1.139.1/`. */
const resultsDirOf = (version: TestedVersion) => path.join(resultsRoot, `vscode-${version.vscode}`);
const fixtureWorkspace = path.join(repoRoot, 'test', 'fixtures', 'workspace');
const startTimeoutMs = Number(process.env.AGENT_STUDIO_START_TIMEOUT_MS || 120_000);
// A bound on a hung suite, per window; a healthy one takes 3 to 6 minutes on a busy 2-core machine.
const suiteTimeoutMs = Number(process.env.AGENT_STUDIO_TEST_TIMEOUT_MS || 900_000);
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function main(): Promise<number> {
  // Should the event loop ever drain early (a promise that never settles), Node must not exit 0.
  process.exitCode = 1;
  const startedAt = Date.now();
  const inCi = process.env.CI === 'true' || process.env.CI === '1';
  // CI always installs; elsewhere AGENT_STUDIO_NO_INSTALL=1 turns a missing code-server or Chromium into an error.
  const install = inCi || process.env.AGENT_STUDIO_NO_INSTALL !== '1';
  const versions = selectedVersions();

  prepareResultsDir();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-studio-it-'));
  const keepWork = process.env.AGENT_STUDIO_KEEP_TEMP === '1';
  registerForCleanup(async () => {
    if (!keepWork) fs.rmSync(work, { recursive: true, force: true });
  });

  const step = (what: string) => console.error(`[integration] ${what} (${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
  const suiteBundle = await bundleIntegrationTests();
  const mapStackTraces = stackTraceMapper(suiteBundle);
  const vsix = process.env.AGENT_STUDIO_TEST_VSIX || packageVsix(path.join(work, 'agent-studio.vsix'));
  const companion = packageCompanionExtension(work, suiteBundle);
  // Only `npm run bench` wants the baseline; the suite runs without a stranger in the window.
  const baseline = process.env.AGENT_STUDIO_ACTIVATION_BASELINE === '1' ? [packageActivationBaseline(work)] : [];
  step('packaged the extension and the test companion');

  const context = await chromium.launchPersistentContext(path.join(work, 'chromium'), {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1400, height: 900 },
    // Copying a run's answer is tested by reading the clipboard back, which Chromium allows only when granted.
    permissions: ['clipboard-read', 'clipboard-write'],
    // Playwright would otherwise exit the process on Ctrl-C before our cleanup has stopped code-server.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  registerForCleanup(() => context.close().catch(() => undefined));
  const page = context.pages()[0] ?? (await context.newPage());
  const chromiumVersion = run(chromiumPath, ['--version'], { quiet: true }).trim();

  const outcomes: { version: TestedVersion; passed: number; failed: number; problem?: string }[] = [];
  for (const version of versions) {
    const title = `VS Code ${version.vscode} (code-server ${version.codeServer})`;
    console.log(`\n${title}, ${chromiumVersion}`);
    let launcher: string;
    try {
      launcher = ensureCodeServer({ install, version });
      const shown = /with Code (\S+)/.exec(run(launcher, ['--config', path.join(os.tmpdir(), 'agent-studio-code-server.yaml'), '--version'], { quiet: true }))?.[1];
      if (shown !== version.vscode) throw new Error(`code-server ${version.codeServer} says it is VS Code ${shown ?? 'unknown'}, not ${version.vscode}`);
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      console.error(problem);
      // A VS Code that cannot be installed is a failure of the run, not a VS Code quietly left out.
      outcomes.push({ version, passed: 0, failed: 1, problem: 'not installed' });
      continue;
    }
    // Each VS Code gets its own extensions folder: one VS Code's extensions.json means nothing to another.
    const extensionsDir = path.join(work, version.vscode, 'extensions');
    installExtensions(launcher, { userDataDir: path.join(work, version.vscode, 'install-user-data'), extensionsDir }, [vsix, companion, ...baseline]);
    step(`installed ${path.basename(vsix)} into ${title}`);
    const outcome = { version, passed: 0, failed: 0 };
    for (const phase of phasesToRun()) {
      const counts = await runPhase(phase, { version, launcher, work: path.join(work, version.vscode), extensionsDir, context, page, mapStackTraces, step });
      outcome.passed += counts.passed;
      outcome.failed += counts.failed;
    }
    outcomes.push(outcome);
  }

  const passed = outcomes.reduce((sum, outcome) => sum + outcome.passed, 0);
  const failed = outcomes.reduce((sum, outcome) => sum + outcome.failed, 0);
  const ok = failed === 0 && outcomes.every((outcome) => outcome.passed > 0);
  console.log(`\nScreenshots in ${path.relative(process.cwd(), resultsRoot) || '.'}/vscode-<version>/; ran in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  for (const outcome of outcomes) {
    const verdict = outcome.problem ?? (outcome.failed > 0 ? 'FAILED' : outcome.passed === 0 ? 'FAILED: no test ran' : 'ok');
    console.log(`VS Code ${outcome.version.vscode}: ${outcome.passed} passed, ${outcome.failed} failed (${verdict})`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return ok ? 0 : 1;
}

/**
 * `trusted`: the workspace as most users have it (workspace trust off). `untrusted`: a second window, with workspace
 * trust on and this workspace not trusted, for the `*.untrusted.test.ts` files (Restricted Mode).
 */
type Phase = 'trusted' | 'untrusted';

/** Both, unless a grep picks tests of only one (the bench's 'activation time' needs no second window). */
function phasesToRun(): Phase[] {
  const grep = process.env.AGENT_STUDIO_TEST_GREP;
  if (!grep) return ['trusted', 'untrusted'];
  return /untrusted/i.test(grep) ? ['untrusted'] : ['trusted'];
}

interface PhaseTools {
  version: TestedVersion;
  launcher: string;
  work: string;
  extensionsDir: string;
  context: BrowserContext;
  page: Page;
  mapStackTraces: (text: string) => string;
  step: (what: string) => void;
}

/** One code-server window on a fresh copy of the workspace, the suite of that phase run in it, and its counts. */
async function runPhase(phase: Phase, tools: PhaseTools): Promise<{ passed: number; failed: number }> {
  const { version, launcher, work, extensionsDir, context, page, mapStackTraces, step } = tools;
  const resultsDir = resultsDirOf(version);
  fs.mkdirSync(resultsDir, { recursive: true });
  const dirs: CodeServerDirs = { userDataDir: path.join(work, phase, 'user-data'), extensionsDir };
  const channel = path.join(work, phase, 'channel');
  const workspace = path.join(work, phase, 'workspace');
  fs.mkdirSync(channel, { recursive: true });
  fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
  const untrusted = phase === 'untrusted';
  // Trust on, no startup prompt: the folder opens in Restricted Mode, as an unfamiliar clone does.
  writeUserSettings(dirs.userDataDir, untrusted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : {});

  // An installed Claude Code plugin, installed by the real CLI, for the Agents view to show (test/integration/plugins.test.ts).
  const claudeConfigDirectory = installTestPlugin(path.join(work, phase));
  const server = await startCodeServer({ launcher, dirs, folder: workspace, workspaceTrust: untrusted, env: { AGENT_STUDIO_TEST_DIR: channel, AGENT_STUDIO_TEST_PHASE: phase, CLAUDE_CONFIG_DIR: claudeConfigDirectory } });
  step(`VS Code ${version.vscode}, ${phase} window: code-server listening on ${server.url}`);
  const browserRequests = serveBrowserRequests(channel, page, resultsDir);
  const suffix = untrusted ? '-untrusted' : '';
  let results: SuiteResults | undefined;
  try {
    await page.goto(server.url, { timeout: startTimeoutMs });
    step('workbench loaded in Chromium; waiting for the suite');
    results = await waitForSuite(channel, server, context, page, mapStackTraces, () => step('the extension host started the suite'));
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    await page.screenshot({ path: path.join(resultsDir, `failure${suffix}.png`) }).catch(() => undefined);
  } finally {
    await page.screenshot({ path: path.join(resultsDir, `workbench${suffix}.png`) }).catch(() => undefined);
    browserRequests.close();
  }

  const passed = results?.passes ?? 0;
  // A suite that never finished, or whose files did not load, counts as one failure more than mocha saw.
  const failed = (results?.failures ?? 0) + (results === undefined || results.loadError ? 1 : 0);
  if (failed > 0) saveServerLogs(dirs.userDataDir, server, path.join(resultsDir, 'code-server-logs', phase));
  await server.stop();
  return { passed, failed };
}

/** Clears what earlier runs left: screenshots and logs, per VS Code and from before there were several. */
function prepareResultsDir(): void {
  fs.mkdirSync(resultsRoot, { recursive: true });
  for (const entry of fs.readdirSync(resultsRoot)) {
    if (entry.endsWith('.png') || entry === 'code-server-logs' || entry.startsWith('vscode-')) fs.rmSync(path.join(resultsRoot, entry), { recursive: true, force: true });
  }
}

/**
 * A VSIX holding the bundled suite as `main`, activated on startup. (An unpacked copy in the extensions folder is not
 * enough: once --install-extension has written extensions.json, code-server marks unlisted folders as removed.)
 */
function packageCompanionExtension(work: string, suiteBundle: string): string {
  return packageTestExtension(work, {
    name: 'integration-tests',
    displayName: 'Agent Studio integration tests',
    description: 'Runs the Agent Studio integration tests in the extension host.',
    // onStartupFinished comes after the workspaceContains activations, so the suite sees the extension as a user would.
    activationEvents: ['onStartupFinished'],
    mainSource: suiteBundle,
  });
}

/**
 * An extension that does nothing, activated by the same events as Agent Studio: VS Code's activation time for it, in
 * the same window, is the floor that `npm run bench` compares Agent Studio's against.
 */
function packageActivationBaseline(work: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { activationEvents?: string[] };
  const empty = path.join(work, 'empty-extension.js');
  fs.writeFileSync(empty, 'exports.activate = function () {};\nexports.deactivate = function () {};\n');
  return packageTestExtension(work, {
    name: 'activation-baseline',
    displayName: 'Activation baseline',
    description: 'An empty extension with Agent Studio\'s activation events.',
    activationEvents: manifest.activationEvents ?? [],
    mainSource: empty,
  });
}

interface TestExtension {
  name: string;
  displayName: string;
  description: string;
  activationEvents: string[];
  /** Copied into the extension under its own name (stack traces name `suite.js`), as its `main`. */
  mainSource: string;
}

function packageTestExtension(work: string, extension: TestExtension): string {
  const dir = path.join(work, extension.name);
  fs.mkdirSync(dir, { recursive: true });
  const main = path.basename(extension.mainSource);
  fs.copyFileSync(extension.mainSource, path.join(dir, main));
  fs.writeFileSync(path.join(dir, 'README.md'), `${extension.description}\n`);
  const manifest = {
    name: extension.name,
    displayName: extension.displayName,
    description: extension.description,
    publisher: 'agent-studio',
    version: '0.0.0',
    license: 'MIT',
    engines: { vscode: '^1.95.0' },
    activationEvents: extension.activationEvents,
    main: `./${main}`,
    // Or Restricted Mode would disable it, and the untrusted window would have no suite to run.
    capabilities: { untrustedWorkspaces: { supported: true } },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  return packageVsix(path.join(work, `${extension.name}.vsix`), dir, ['--skip-license']);
}

/** Prints the suite's output as it comes; resolves with its results or rejects (bounded: never hangs). */
function waitForSuite(
  channel: string,
  server: RunningCodeServer,
  context: BrowserContext,
  page: Page,
  mapStackTraces: (text: string) => string,
  onStarted: () => void,
): Promise<SuiteResults> {
  const outputLog = path.join(channel, 'output.log');
  const resultsFile = path.join(channel, 'results.json');
  let printed = 0;
  const printNewOutput = () => {
    if (!fs.existsSync(outputLog)) return;
    const text = fs.readFileSync(outputLog);
    const end = text.lastIndexOf('\n') + 1; // whole lines only, so a stack frame is never split
    if (end > printed) process.stdout.write(mapStackTraces(text.subarray(printed, end).toString()));
    printed = Math.max(printed, end);
  };
  return new Promise<SuiteResults>((resolve, reject) => {
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (outcome: SuiteResults | Error) => {
      if (settled) return;
      settled = true;
      watcher.close();
      timers.forEach(clearTimeout);
      printNewOutput();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    let started = false;
    const check = () => {
      if (!started && fs.existsSync(path.join(channel, 'started'))) {
        started = true;
        onStarted();
      }
      printNewOutput();
      if (fs.existsSync(resultsFile)) finish(JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as SuiteResults);
    };
    const watcher = fs.watch(channel, (_event, file) => ['started', 'output.log', 'results.json'].includes(file ?? '') && check());
    timers.push(
      setTimeout(() => {
        if (!started) {
          finish(new Error(`The test extension did not start within ${startTimeoutMs} ms (extension host not up?).`));
        }
      }, startTimeoutMs),
      setTimeout(() => finish(new Error(`The suite did not finish within ${suiteTimeoutMs} ms.`)), suiteTimeoutMs),
    );
    void server.exited.then((code) => finish(new Error(`code-server exited (${code}) during the tests:\n${server.output()}`)));
    page.once('crash', () => finish(new Error('The Chromium page crashed during the tests.')));
    context.once('close', () => finish(new Error('Chromium closed during the tests.')));
    check();
  });
}

/**
 * Rewrites `suite.js:line:column` in stack traces to the test's own .ts file and line. (The extension host installs its
 * own Error.prepareStackTrace, so Node's --enable-source-maps cannot do it there.)
 */
function stackTraceMapper(suiteBundle: string): (text: string) => string {
  const inline = /\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\s*$/.exec(fs.readFileSync(suiteBundle, 'utf8'));
  if (!inline) return (text) => text;
  const payload = JSON.parse(Buffer.from(inline[1], 'base64').toString('utf8')) as SourceMapPayload;
  const map = new SourceMap(payload);
  return (text) =>
    text.replace(/[^\s(]*suite\.js:(\d+):(\d+)/g, (whole, line: string, column: string) => {
      const entry = map.findEntry(Number(line) - 1, Number(column) - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
      if (!entry.originalSource || entry.originalLine === undefined) return whole;
      const source = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(suiteBundle), entry.originalSource);
      return `${path.relative(repoRoot, source)}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}`;
    });
}

/** Keeps code-server's and the extension host's logs where CI artifacts and people look. */
function saveServerLogs(userDataDir: string, server: RunningCodeServer, target: string): void {
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(path.join(target, 'code-server-output.log'), server.output());
  const logs = path.join(userDataDir, 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, target, { recursive: true });
  console.error(`code-server and extension host logs: ${path.relative(process.cwd(), target)}/`);
}

main()
  .then((code) => exitAfterCleanup(code))
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.log('0 passed, 1 failed');
    await exitAfterCleanup(1);
  });
