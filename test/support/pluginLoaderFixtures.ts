// The plugin loader fixtures (test/fixtures/plugin-loader): each top-level folder is one plugin root, loaded by the real
// CLI with `--plugin-dir`; what loaded is read from the init event (`plugins[].path` says which plugin is which).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startAnthropicLoopback } from './anthropicLoopback';
import { claudeLoopbackEnvironment, type ClaudeInitEvent } from './claudeCli';

export const pluginLoaderFixtureDir = path.resolve(__dirname, '..', 'fixtures', 'plugin-loader');

/** The case folders, sorted. */
export function pluginFixtureCases(dir: string = pluginLoaderFixtureDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

/**
 * The cases where several files of one plugin give the same full name; each of their files has its path below the
 * plugin root as its description, so the CLI's agent listing shows which file won.
 */
export function duplicateFixtureCases(cases: readonly string[] = pluginFixtureCases()): string[] {
  return cases.filter((name) => name.startsWith('duplicate-'));
}

export interface PluginRun {
  init: ClaudeInitEvent;
  /** Case folder -> full names of the agents loaded from it (sorted); `[]` when the plugin itself did not load. */
  agentsByCase: Map<string, string[]>;
  /**
   * The "Available agent types" listing the CLI sent to the API, full name -> description: the description shows which
   * file won a name (the duplicate fixtures describe each file by its path).
   */
  descriptions: Map<string, string>;
  debugLog: string;
}

/**
 * One CLI process loads every case as a plugin (`--plugin-dir` per case; each case has its own plugin name), so a case
 * is attributed by the plugin's path in the init event and its agents by the `<plugin>:` prefix of their names.
 */
export async function runPluginFixtures(binary: string, cases: string[], dir: string = pluginLoaderFixtureDir, timeoutMs = 60_000): Promise<PluginRun> {
  const loopback = await startAnthropicLoopback();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-studio-plugins-'));
  try {
    const project = path.join(home, 'project');
    fs.mkdirSync(project);
    const debugFile = path.join(home, 'debug.log');
    const args = [...cases.flatMap((name) => ['--plugin-dir', path.join(dir, name)]), '--debug-file', debugFile, '-p', '--output-format', 'stream-json', '--verbose', 'hi'];
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', TMPDIR: os.tmpdir(), LANG: 'C.UTF-8', ...claudeLoopbackEnvironment(home, loopback.url) };
    const listing = () => loopback.requests.map((request) => agentListingOf(request.body)).find((found) => found !== undefined);
    const init = await initEvent(binary, args, project, env, timeoutMs, () => listing() !== undefined);
    const listed = listing();
    if (listed === undefined) throw new Error('claude sent no request listing its agents');
    const plugins = ((init.plugins ?? []) as { name: string; path: string }[]);
    const agentsByCase = new Map<string, string[]>();
    for (const name of cases) {
      const plugin = plugins.find((candidate) => path.resolve(candidate.path) === path.resolve(dir, name));
      agentsByCase.set(name, plugin ? init.agents.filter((agent) => agent.startsWith(`${plugin.name}:`)).sort() : []);
    }
    return { init, agentsByCase, descriptions: listed, debugLog: fs.existsSync(debugFile) ? fs.readFileSync(debugFile, 'utf8') : '' };
  } finally {
    await loopback.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** `- name: description` lines of the agent listing in a request body (the `(Tools: ...)` suffix dropped). */
export function agentListingOf(body: unknown): Map<string, string> | undefined {
  const match = /Available agent types for the Agent tool:\n([\s\S]*?)\n\n/.exec(collectText(body));
  if (!match) return undefined;
  const listed = new Map<string, string>();
  for (const line of match[1].split('\n')) {
    // Full names may hold `:` themselves; a plugin agent's full name has no `: ` inside, so the first `: ` ends it.
    const entry = /^- (.*?): (.*?)(?: \(Tools: [^)]*\))?$/.exec(line);
    if (entry) listed.set(entry[1], entry[2]);
  }
  return listed;
}

function collectText(value: unknown): string {
  if (typeof value === 'string') return value + '\n';
  if (Array.isArray(value)) return value.map(collectText).join('');
  if (value && typeof value === 'object') return Object.values(value).map(collectText).join('');
  return '';
}

/** Runs the CLI until its init event has come and `until` holds (the API request with the agent listing arrived). */
function initEvent(binary: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number, until: () => boolean): Promise<ClaudeInitEvent> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let result: ClaudeInitEvent | undefined;
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(stop, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => { stderr += chunk; });
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      for (const line of stdout.split('\n').slice(0, -1)) {
        try {
          const event = JSON.parse(line) as ClaudeInitEvent;
          if (!result && event.type === 'system' && event.subtype === 'init') result = event;
        } catch {
          // not JSON
        }
      }
    });
    const poll = setInterval(() => {
      if (result && until()) stop();
    }, 50);
    child.on('error', (error) => { clearTimeout(timer); clearInterval(poll); reject(error); });
    child.on('exit', () => {
      clearTimeout(timer);
      clearInterval(poll);
      if (result) resolve(result);
      else reject(new Error(`claude printed no init event.\nstdout: ${stdout.slice(0, 2000)}\nstderr: ${stderr.slice(0, 2000)}`));
    });
  });
}
