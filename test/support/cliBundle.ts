// The `agent-studio` command as users run it: src/cli/main.ts bundled for Node, built once per test process.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

const repository = path.resolve(__dirname, '..', '..');
let built: string | undefined;

/** The path of the bundled CLI, in a folder every user can read (a hostile-input test runs it unprivileged). */
export function bundledCli(): string {
  if (built && fs.existsSync(built)) return built;
  const outDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-studio-cli-'));
  fs.chmodSync(outDirectory, 0o755);
  const cliPath = path.join(outDirectory, 'cli.js');
  buildSync({ entryPoints: [path.join(repository, 'src', 'cli', 'main.ts')], bundle: true, platform: 'node', target: 'node20', outfile: cliPath, logLevel: 'silent' });
  built = cliPath;
  return cliPath;
}
