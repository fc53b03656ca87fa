// Screenshots of the workbench, asked for from inside the extension host and taken by the code-server runner's browser.
// Protocol: the test writes `<dir>/screenshot-request-<name>`; the runner saves test-results/<name>.png and then writes
// `<dir>/screenshot-done-<name>` holding the PNG's path (or `error: ...`).
import * as fs from 'node:fs';
import * as path from 'node:path';

const screenshotTimeoutMs = 20_000;

/** The folder the code-server runner shares with the extension host; unset under @vscode/test-electron. */
export function testChannelDir(): string | undefined {
  return process.env.AGENT_STUDIO_TEST_DIR || undefined;
}

/** A file-name-safe form of a screenshot name: `Agents view / hover` → `agents-view-hover`. */
export function screenshotFileName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'screenshot';
}

/**
 * Saves a PNG of the whole workbench as `test-results/<name>.png` and resolves to its path once written.
 * Resolves to undefined where no runner takes screenshots (@vscode/test-electron).
 */
export async function takeScreenshot(name: string): Promise<string | undefined> {
  const dir = testChannelDir();
  if (!dir) return undefined;
  const fileName = screenshotFileName(name);
  const done = path.join(dir, `screenshot-done-${fileName}`);
  fs.rmSync(done, { force: true });
  const answer = waitForFile(dir, path.basename(done), screenshotTimeoutMs);
  fs.writeFileSync(path.join(dir, `screenshot-request-${fileName}`), name);
  const reply = (await answer).trim();
  if (reply.startsWith('error:')) throw new Error(`screenshot '${name}' failed: ${reply.slice(6).trim()}`);
  return reply;
}

function waitForFile(dir: string, fileName: string, timeoutMs: number): Promise<string> {
  const file = path.join(dir, fileName);
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      watcher.close();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(fs.readFileSync(file, 'utf8'));
    };
    const check = () => fs.existsSync(file) && finish();
    const watcher = fs.watch(dir, (_event, changed) => changed === fileName && check());
    const timer = setTimeout(() => finish(new Error(`no screenshot within ${timeoutMs} ms (${file})`)), timeoutMs);
    check();
  });
}
