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

export interface PluginRun {
  init: ClaudeInitEvent;
  /** Case folder -> full names of the agents loaded from it (sorted); `[]` when the plugin itself did not load. */
  agentsByCase: Map<string, string[]>;
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
    const init = await initEvent(binary, args, project, env, timeoutMs);
    const plugins = ((init.plugins ?? []) as { name: string; path: string }[]);
    const agentsByCase = new Map<string, string[]>();
    for (const name of cases) {
      const plugin = plugins.find((candidate) => path.resolve(candidate.path) === path.resolve(dir, name));
      agentsByCase.set(name, plugin ? init.agents.filter((agent) => agent.startsWith(`${plugin.name}:`)).sort() : []);
    }
    return { init, agentsByCase, debugLog: fs.existsSync(debugFile) ? fs.readFileSync(debugFile, 'utf8') : '' };
  } finally {
    await loopback.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

function initEvent(binary: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<ClaudeInitEvent> {
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
          if (!result && event.type === 'system' && event.subtype === 'init') {
            result = event;
            stop();
          }
        } catch {
          // not JSON
        }
      }
    });
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    child.on('exit', () => {
      clearTimeout(timer);
      if (result) resolve(result);
      else reject(new Error(`claude printed no init event.\nstdout: ${stdout.slice(0, 2000)}\nstderr: ${stderr.slice(0, 2000)}`));
    });
  });
}
