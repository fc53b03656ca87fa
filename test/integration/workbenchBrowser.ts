// The workbench as the user sees it, asked for from inside the extension host and done by the code-server runner's
// Chromium: screenshots, and what only the rendered UI shows or accepts (a quick pick's rows, a modal dialog, keys).
// Protocol: the test writes `<dir>/browser-request-<id>.json`; the runner does it and writes `<dir>/browser-reply-<id>.json`
// holding a BrowserReply.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** What the tests can ask of the browser. Those that look for UI wait up to `timeoutMs` for it to appear. */
export type BrowserRequest =
  | { kind: 'screenshot'; name: string }
  | { kind: 'quickPick'; timeoutMs: number }
  | { kind: 'dialog'; timeoutMs: number }
  | { kind: 'clickDialogButton'; label: string; timeoutMs: number }
  | { kind: 'text'; selector: string; timeoutMs: number; scrollWithin?: string }
  | { kind: 'texts'; selector: string; timeoutMs: number }
  | { kind: 'click'; selector: string; timeoutMs: number }
  | { kind: 'count'; selector: string }
  | { kind: 'type'; text: string }
  | { kind: 'press'; key: string };

export type BrowserReply = { ok: true; value: unknown } | { ok: false; error: string };

/** One row of the visible quick pick, in display order; separators are rows of their own. */
export interface QuickPickRow {
  separator?: string;
  label?: string;
  description?: string;
  detail?: string;
}

export interface QuickPickView {
  title: string;
  rows: QuickPickRow[];
}

export interface DialogView {
  message: string;
  detail: string;
  buttons: string[];
}

const requestTimeoutMs = 20_000;
const appearTimeoutMs = 10_000;
let requestCount = 0;

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
  if (!testChannelDir()) return undefined;
  return (await askBrowser({ kind: 'screenshot', name: screenshotFileName(name) })) as string;
}

/** The quick pick on screen, once it shows rows. */
export async function visibleQuickPick(): Promise<QuickPickView> {
  return (await askBrowser({ kind: 'quickPick', timeoutMs: appearTimeoutMs })) as QuickPickView;
}

/** The modal dialog on screen, once there is one. */
export async function visibleDialog(): Promise<DialogView> {
  return (await askBrowser({ kind: 'dialog', timeoutMs: appearTimeoutMs })) as DialogView;
}

export async function clickDialogButton(label: string): Promise<void> {
  await askBrowser({ kind: 'clickDialogButton', label, timeoutMs: appearTimeoutMs });
}

/**
 * The rendered text of the first element that matches a Playwright CSS selector (`:has()` and `:text-is()` work), once
 * one shows. With `scrollWithin`, that element (a list, which renders only the rows in view) is scrolled down meanwhile.
 */
export async function visibleText(selector: string, timeoutMs = appearTimeoutMs, scrollWithin?: string): Promise<string> {
  return (await askBrowser({ kind: 'text', selector, timeoutMs, scrollWithin })) as string;
}

/** The rendered texts of every element that matches a Playwright CSS selector, once one shows (a list's rows). */
export async function visibleTexts(selector: string, timeoutMs = appearTimeoutMs): Promise<string[]> {
  return (await askBrowser({ kind: 'texts', selector, timeoutMs })) as string[];
}

/** Clicks the first element that matches a Playwright CSS selector, once one shows, as the mouse would. */
export async function click(selector: string): Promise<void> {
  await askBrowser({ kind: 'click', selector, timeoutMs: appearTimeoutMs });
}

/** How many elements match a Playwright CSS selector right now (visible or not). */
export async function countElements(selector: string): Promise<number> {
  return (await askBrowser({ kind: 'count', selector })) as number;
}

/** Types into whatever has the focus, as the keyboard would. */
export async function typeText(text: string): Promise<void> {
  await askBrowser({ kind: 'type', text });
}

/** Presses a key (Playwright's names: `Enter`, `Escape`, `ArrowDown`). */
export async function pressKey(key: string): Promise<void> {
  await askBrowser({ kind: 'press', key });
}

/** Whether a browser drives this workbench (the code-server runner); @vscode/test-electron has none. */
export function browserAvailable(): boolean {
  return testChannelDir() !== undefined;
}

async function askBrowser(request: BrowserRequest): Promise<unknown> {
  const dir = testChannelDir();
  if (!dir) throw new Error(`'${request.kind}' needs the code-server runner's browser (test/runCodeServer.ts)`);
  const id = `${process.pid}-${++requestCount}`;
  const replyFile = path.join(dir, `browser-reply-${id}.json`);
  // The browser's own wait for UI to appear, and then some, before giving up on its answer.
  const answer = waitForFile(dir, path.basename(replyFile), requestTimeoutMs + ('timeoutMs' in request ? request.timeoutMs : 0));
  const requestFile = path.join(dir, `browser-request-${id}.json`);
  // Written whole and then renamed, so the runner never reads half a request.
  fs.writeFileSync(requestFile + '.tmp', JSON.stringify(request));
  fs.renameSync(requestFile + '.tmp', requestFile);
  const reply = JSON.parse(await answer) as BrowserReply;
  fs.rmSync(replyFile, { force: true });
  if (!reply.ok) throw new Error(`the browser could not do '${request.kind}': ${reply.error}`);
  return reply.value;
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
    const timer = setTimeout(() => finish(new Error(`no answer from the browser within ${timeoutMs} ms (${file})`)), timeoutMs);
    check();
  });
}
