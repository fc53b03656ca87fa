// An installed plugin for the integration tests, made by the real Claude Code CLI's own install path, which works
// offline for a marketplace in a local folder: `claude plugin marketplace add DIR`, `claude plugin install p@m`.
// Everything goes to a fresh CLAUDE_CONFIG_DIR (the CLI writes settings.json and plugins/ there), which the test's
// VS Code then gets in its environment, so the user's own ~/.claude takes no part.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { claudeLoopbackEnvironment, findClaudeBinary } from './claudeCli';

export const pluginMarketplaceFixture = path.resolve(__dirname, '..', 'fixtures', 'plugin-marketplace');
export const INSTALLED_TEST_PLUGIN = 'review-kit@agent-studio-plugins';

/** Installs the fixture marketplace's plugin below `work`; returns the CLAUDE_CONFIG_DIR holding the install. */
export function installTestPlugin(work: string): string {
  const home = path.join(work, 'claude-home');
  const configDirectory = path.join(work, 'claude-config');
  const marketplace = path.join(work, 'plugin-marketplace');
  fs.mkdirSync(home, { recursive: true });
  fs.cpSync(pluginMarketplaceFixture, marketplace, { recursive: true });
  // The API is never called: a closed loopback port keeps anything from leaving the machine.
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', ...claudeLoopbackEnvironment(home, 'http://127.0.0.1:9'), CLAUDE_CONFIG_DIR: configDirectory };
  const claude = (...args: string[]) => execFileSync(findClaudeBinary(), args, { cwd: home, env, stdio: 'pipe', timeout: 60_000 });
  claude('plugin', 'marketplace', 'add', marketplace);
  claude('plugin', 'install', INSTALLED_TEST_PLUGIN);
  return configDirectory;
}
