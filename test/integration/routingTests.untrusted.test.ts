// Routing tests in Restricted Mode: the items are listed, but VS Code asks for trust before any test runs, and
// declining starts no Claude Code. (Agent Studio's own run handler also refuses an untrusted workspace.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RoutingRunReport } from '../../src/vscode/routing/routingTests';
import { startAnthropicLoopback } from '../support/anthropicLoopback';
import { agentPath, agentStudioApi, until } from './agentStudio';
import { OfflineClaude, runProcessesWith, TestSettings } from './invocationKit';
import { browserAvailable, clickDialogButton, visibleDialog } from './workbenchBrowser';

describe('routing tests in an untrusted workspace', function () {
  this.timeout(60_000);
  const settings = new TestSettings();

  after(() => settings.restore());

  it('lists the examples; running them asks for trust, and declining starts no claude process', async function () {
    if (!browserAvailable()) this.skip(); // answering the modal dialog needs the code-server runner's browser
    const api = await agentStudioApi();
    await until(api.routing.onDidChangeItems, () => api.routing.controller.items.get(agentPath('appwrite-backend-expert.md')) ?? undefined, 'the seed agent\'s routing item');
    const loopback = await startAnthropicLoopback({ replyText: 'should never be asked' });
    const claude = new OfflineClaude(loopback.url);
    const reports: RoutingRunReport[] = [];
    const subscription = api.routing.onDidFinishRun((report) => reports.push(report));
    try {
      await settings.set({ 'agentStudio.claudeCode.path': claude.executable });
      void vscode.commands.executeCommand('testing.runAll');
      const dialog = await visibleDialog();
      assert.match(dialog.message, /trust the authors/i);
      await clickDialogButton('Cancel');
      assert.equal(loopback.requests.length, 0);
      assert.deepEqual(runProcessesWith(claude.marker), []);
      // Should VS Code call the run handler anyway, it reports every case skipped.
      for (const report of reports) assert.deepEqual([...new Set(report.results.map((result) => result.state))], ['skipped']);
    } finally {
      subscription.dispose();
      await loopback.close();
      await claude.dispose();
    }
  });
});
