// Installed plugins as the real CLI installs them offline (`claude plugin marketplace add DIR`, `claude plugin install`),
// read back by installedPlugins() and compared with the agents the same CLI then loads.
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintPluginAgents, loadedPluginAgentNames } from '../../../../src/node/plugins/pluginAgentFiles';
import { installedPlugins } from '../../../../src/node/plugins/pluginDiscovery';
import { pluginLoaderProfiles, type PluginProfileId } from '../../../../src/engine/formats/claudeCode/profiles/pluginLoader';
import { startAnthropicLoopback } from '../../../support/anthropicLoopback';
import { claudeLoopbackEnvironment, type ClaudeInitEvent } from '../../../support/claudeCli';
import { claudeBinaryFor, recordedVersions } from '../../../support/claudeCodeVersions';

function write(root: string, files: Record<string, string>): void {
  for (const [relative, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), content);
  }
}

const agent = (name: string) => `---\nname: ${name}\ndescription: ${name} agent\n---\nBody\n`;

for (const version of recordedVersions()) {
  describe(`installed plugins (Claude Code ${version}'s own install, offline)`, function () {
    this.timeout(180_000);
    let home: string;
    let project: string;
    let marketplace: string;
    let binary: string;
    let env: NodeJS.ProcessEnv;

    before(function () {
      binary = claudeBinaryFor(version);
      home = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-studio-installed-'));
      project = path.join(home, 'project');
      marketplace = path.join(home, 'market');
      fs.mkdirSync(project, { recursive: true });
      write(marketplace, {
        '.claude-plugin/marketplace.json': JSON.stringify({ name: 'local-market', owner: { name: 'Test' }, plugins: [
          { name: 'alpha', source: './plugins/alpha' }, { name: 'beta', source: './beta' }, { name: 'gamma', source: './plugins/gamma' },
        ] }),
        'plugins/alpha/.claude-plugin/plugin.json': JSON.stringify({ name: 'alpha', version: '1.2.3' }),
        'plugins/alpha/agents/reviewer.md': agent('reviewer'),
        'plugins/alpha/agents/team/lead.md': agent('lead'),
        'beta/agents/helper.md': agent('helper'),
        'plugins/gamma/.claude-plugin/plugin.json': JSON.stringify({ name: 'gamma' }),
        'plugins/gamma/agents/off.md': agent('off'),
      });
      env = { PATH: process.env.PATH ?? '/usr/bin:/bin', TMPDIR: os.tmpdir(), LANG: 'C.UTF-8', ...claudeLoopbackEnvironment(home, 'http://127.0.0.1:9') };
      const claude = (...args: string[]) => execFileSync(binary, args, { cwd: project, env, stdio: 'pipe', timeout: 60_000 });
      claude('plugin', 'marketplace', 'add', marketplace);
      for (const id of ['alpha@local-market', 'beta@local-market', 'gamma@local-market']) claude('plugin', 'install', id);
      claude('plugin', 'disable', 'gamma@local-market');
    });

    after(() => fs.rmSync(home, { recursive: true, force: true }));

    it('finds each installed plugin, where Claude Code reads it, and whether it is enabled', () => {
      const plugins = installedPlugins(home, [project]);
      assert.deepEqual(plugins.map((plugin) => [plugin.id, plugin.enabled, plugin.root]), [
        ['alpha@local-market', true, path.join(marketplace, 'plugins', 'alpha')],
        ['beta@local-market', true, path.join(marketplace, 'beta')],
        ['gamma@local-market', false, path.join(marketplace, 'plugins', 'gamma')],
      ]);
    });

    it('predicts the agents the CLI loads from the enabled plugins', async () => {
      const profile = pluginLoaderProfiles[version as PluginProfileId];
      const predicted = installedPlugins(home, [project], profile).filter((plugin) => plugin.enabled)
        .flatMap((plugin) => loadedPluginAgentNames(lintPluginAgents(plugin, profile))).sort();
      assert.deepEqual(predicted, ['alpha:reviewer', 'alpha:team:lead', 'beta:helper']);
      const init = await initEvent(binary, project, env);
      assert.deepEqual(init.agents.filter((name) => name.includes(':')).sort(), predicted);
    });

    it('follows enabledPlugins in the project settings', () => {
      write(project, { '.claude/settings.local.json': JSON.stringify({ enabledPlugins: { 'alpha@local-market': false, 'gamma@local-market': true } }) });
      const enabled = installedPlugins(home, [project]).filter((plugin) => plugin.enabled).map((plugin) => plugin.id);
      assert.deepEqual(enabled, ['beta@local-market', 'gamma@local-market']);
      fs.rmSync(path.join(project, '.claude', 'settings.local.json'));
    });
  });
}

async function initEvent(binary: string, cwd: string, baseEnv: NodeJS.ProcessEnv): Promise<ClaudeInitEvent> {
  const loopback = await startAnthropicLoopback();
  try {
    const env = { ...baseEnv, ANTHROPIC_BASE_URL: loopback.url };
    return await new Promise<ClaudeInitEvent>((resolve, reject) => {
      const child = spawn(binary, ['-p', '--output-format', 'stream-json', '--verbose', 'hi'], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let found: ClaudeInitEvent | undefined;
      const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 60_000);
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        for (const line of stdout.split('\n').slice(0, -1)) {
          try {
            const event = JSON.parse(line) as ClaudeInitEvent;
            if (!found && event.type === 'system' && event.subtype === 'init') {
              found = event;
              try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ }
            }
          } catch {
            // not JSON
          }
        }
      });
      child.on('exit', () => {
        clearTimeout(timer);
        if (found) resolve(found);
        else reject(new Error(`no init event: ${stdout.slice(0, 1000)}`));
      });
    });
  } finally {
    await loopback.close();
  }
}
