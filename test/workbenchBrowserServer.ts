// The runner's half of the tests' browser channel (test/integration/workbenchBrowser.ts): Chromium does what a test
// asks of the rendered workbench (screenshots, reading a quick pick or a dialog, clicking, typing) and writes a reply.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { BrowserReply, BrowserRequest, QuickPickRow, QuickPickView } from './integration/workbenchBrowser';

/** Answers the tests' browser requests one at a time, in order; screenshots are saved in `resultsDir`. */
export function serveBrowserRequests(channel: string, page: Page, resultsDir: string): { close(): void } {
  const prefix = 'browser-request-';
  const seen = new Set<string>();
  let queue = Promise.resolve();
  const handle = (file: string | null) => {
    if (!file?.startsWith(prefix) || !file.endsWith('.json') || seen.has(file) || !fs.existsSync(path.join(channel, file))) return;
    seen.add(file);
    const id = file.slice(prefix.length, -'.json'.length);
    // Each request is answered, even one that cannot be read: a rejected link would stop the queue for all later ones.
    queue = queue.then(async () => {
      const requestFile = path.join(channel, file);
      const reply: BrowserReply = await Promise.resolve()
        .then(() => doInBrowser(page, JSON.parse(fs.readFileSync(requestFile, 'utf8')) as BrowserRequest, resultsDir))
        .then((value) => ({ ok: true, value }), (error: Error) => ({ ok: false, error: error.message }));
      fs.rmSync(requestFile, { force: true });
      const replyFile = path.join(channel, `browser-reply-${id}.json`);
      fs.writeFileSync(replyFile + '.tmp', JSON.stringify(reply));
      fs.renameSync(replyFile + '.tmp', replyFile);
    }).catch((error: Error) => console.error(`[integration] could not answer ${file}: ${error.message}`));
  };
  const watcher = fs.watch(channel, (_event, file) => handle(file));
  fs.readdirSync(channel).forEach(handle);
  return { close: () => watcher.close() };
}

// The workbench's own class names (VS Code 1.100): the quick input widget and the modal dialog box.
const quickInputWidget = '.quick-input-widget';
const dialogBox = '.monaco-dialog-box';

async function doInBrowser(page: Page, request: BrowserRequest, resultsDir: string): Promise<unknown> {
  switch (request.kind) {
    case 'screenshot': {
      const png = path.join(resultsDir, `${request.name}.png`);
      await page.screenshot({ path: png, timeout: 10_000 });
      return png;
    }
    case 'quickPick': {
      await page.locator(`${quickInputWidget} .monaco-list-row`).first().waitFor({ state: 'visible', timeout: request.timeoutMs });
      return readQuickPick(page.locator(quickInputWidget));
    }
    case 'dialog': {
      const box = page.locator(dialogBox);
      await box.waitFor({ state: 'visible', timeout: request.timeoutMs });
      return {
        message: (await box.locator('.dialog-message-text').innerText()).trim(),
        detail: (await box.locator('.dialog-message-detail').innerText().catch(() => '')).trim(),
        buttons: (await box.locator('.dialog-buttons .monaco-button').allInnerTexts()).map((text) => text.trim()),
      };
    }
    case 'clickDialogButton':
      await page.locator(`${dialogBox} .dialog-buttons .monaco-button`, { hasText: request.label }).first().click({ timeout: request.timeoutMs });
      return null;
    case 'text': {
      const element = page.locator(request.selector).first();
      if (request.scrollWithin) await scrollUntilShown(page, element, page.locator(request.scrollWithin).first(), request.timeoutMs);
      await element.waitFor({ state: 'visible', timeout: request.timeoutMs });
      return element.innerText();
    }
    case 'texts': {
      const elements = page.locator(request.selector);
      await elements.first().waitFor({ state: 'visible', timeout: request.timeoutMs });
      return elements.allInnerTexts();
    }
    case 'click':
      await page.locator(request.selector).first().click({ timeout: request.timeoutMs });
      return null;
    case 'count':
      return page.locator(request.selector).count();
    case 'type':
      await page.keyboard.type(request.text);
      return null;
    case 'press':
      await page.keyboard.press(request.key);
      return null;
  }
}

/** Scrolls a virtual list by the mouse wheel, a screen at a time, until `element` is rendered in it (or time is up). */
async function scrollUntilShown(page: Page, element: Locator, list: Locator, timeoutMs: number): Promise<void> {
  await list.waitFor({ state: 'visible', timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !(await element.isVisible())) {
    await list.hover();
    await page.mouse.wheel(0, 300);
    await element.waitFor({ state: 'visible', timeout: 500 }).catch(() => undefined);
  }
}

/** The quick pick's title and rendered rows, in display order (the list renders only the rows that show). */
async function readQuickPick(widget: Locator): Promise<QuickPickView> {
  // allTextContents never waits, unlike textContent: a row without a description is read at once. Only what shows
  // counts: a reused row keeps the text of an earlier item's separator or detail, hidden with display: none.
  const textOf = async (scope: Locator, selector: string) => (await scope.locator(`${selector}:visible`).allTextContents())[0]?.trim() || undefined;
  const rendered = await Promise.all((await widget.locator('.monaco-list-row').all()).map(async (row) => ({
    index: Number(await row.getAttribute('data-index')),
    isSeparatorItem: ((await row.getAttribute('class')) ?? '').includes('quick-input-list-separator-as-item'),
    separator: await textOf(row, '.quick-input-list-separator'),
    // An item is two rows of icon labels: label and description first, the detail in the second's `-meta` box.
    label: await textOf(row, '.quick-input-list-row:first-child .label-name'),
    description: await textOf(row, '.quick-input-list-row:first-child .label-description'),
    detail: await textOf(row, '.quick-input-list-label-meta .label-name'),
  })));
  const rows = rendered.sort((a, b) => a.index - b.index).flatMap(({ isSeparatorItem, separator, label, description, detail }): QuickPickRow[] => {
    if (isSeparatorItem) return [{ separator: separator ?? label }];
    const item = label === undefined ? [] : [{ label, description, detail }];
    return separator ? [{ separator }, ...item] : item;
  });
  return { title: (await textOf(widget, '.quick-input-title')) ?? '', rows };
}
