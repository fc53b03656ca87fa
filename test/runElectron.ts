// Runs the same integration suite in desktop VS Code downloaded by @vscode/test-electron (needs the internet, so not the default).
//   npx tsx test/runElectron.ts            VS Code 'stable'; AGENT_STUDIO_VSCODE_VERSION=1.100.3 picks another
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { bundleIntegrationTests } from './integration/bundle';

const repoRoot = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const suiteBundle = await bundleIntegrationTests();
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-studio-electron-'));
  fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.AGENT_STUDIO_VSCODE_VERSION || 'stable',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteBundle,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
