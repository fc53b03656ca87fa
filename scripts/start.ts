// `npm start`: builds and packages Agent Studio, installs the VSIX into a fresh code-server (the newest VS Code of
// scripts/vscode-versions.json, offline) opened on a copy of examples/, and prints the loopback URL to open. Ctrl-C stops it.
//   AGENT_STUDIO_PORT=8080 npm start          a fixed port instead of a free one
//   AGENT_STUDIO_VSCODE=1.100.3 npm start     another VS Code of the table (the oldest we support)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureCodeServer, exitAfterCleanup, installExtensions, repoRoot, selectedVersions, startCodeServer, writeUserSettings } from './codeServer';
import { packageExtension } from './package';

async function main(): Promise<number> {
  const [version] = selectedVersions(process.env.AGENT_STUDIO_VSCODE || 'newest');
  const launcher = ensureCodeServer({ install: true, version });
  const vsix = packageExtension();

  // Fresh every start, so what runs is exactly the VSIX on a pristine copy of the examples.
  const state = path.join(repoRoot, '.cache', 'start');
  fs.rmSync(state, { recursive: true, force: true });
  const dirs = { userDataDir: path.join(state, 'user-data'), extensionsDir: path.join(state, 'extensions') };
  const workspace = path.join(state, 'workspace');
  fs.cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
  installExtensions(launcher, dirs, [vsix]);
  writeUserSettings(dirs.userDataDir);

  const server = await startCodeServer({ launcher, dirs, folder: workspace, port: Number(process.env.AGENT_STUDIO_PORT || 0) });
  console.log(`\nAgent Studio (${path.basename(vsix)}) is running in VS Code ${version.vscode} on a copy of examples/ (${path.relative(repoRoot, workspace)}).`);
  console.log(`Open: ${server.url}`);
  console.log('Ctrl-C stops it. Edits to the copy are discarded at the next start.');
  const code = await server.exited;
  if (server.stopping()) return 0;
  console.error(`code-server exited (${code}):\n${server.output().split('\n').slice(-20).join('\n')}`);
  return 1;
}

main()
  .then((code) => exitAfterCleanup(code))
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await exitAfterCleanup(1);
  });
