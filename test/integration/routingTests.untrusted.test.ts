// Routing tests in Restricted Mode: the items are listed, but a run starts no Claude Code and says why.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RoutingRunReport } from '../../src/vscode/routing/routingTests';
import { startAnthropicLoopback } from '../support/anthropicLoopback';
import { agentPath, agentStudioApi, until } from './agentStudio';
import { OfflineClaude, processesWith, TestSettings, withTimeout } from './invocationKit';

describe('routing tests in an untrusted workspace', function () {
  this.timeout(60_000);
  const settings = new TestSettings();

  after(() => settings.restore());

  it('lists the examples but runs none of them: every case is skipped, no claude process starts', async () => {
    const api = await agentStudioApi();
    await until(api.routing.onDidChangeItems, () => api.routing.controller.items.get(agentPath('appwrite-backend-expert.md')) ?? undefined, 'the seed agent\'s routing item');
    const loopback = await startAnthropicLoopback({ replyText: 'should never be asked' });
    const claude = new OfflineClaude(loopback.url);
    try {
      await settings.set({ 'agentStudio.claudeCode.path': claude.executable });
      const finished = new Promise<RoutingRunReport>((resolve) => {
        const subscription = api.routing.onDidFinishRun((report) => (subscription.dispose(), resolve(report)));
      });
      void vscode.commands.executeCommand('testing.runAll');
      const report = await withTimeout(finished, 30_000, 'the refused routing run');
      assert.ok(report.results.length >= 3, `${report.results.length} cases`);
      assert.deepEqual([...new Set(report.results.map((result) => result.state))], ['skipped']);
      assert.match(report.results[0].message ?? '', /only in a trusted workspace/);
      assert.equal(loopback.requests.length, 0);
      assert.deepEqual(processesWith(claude.marker), []);
    } finally {
      await loopback.close();
      await claude.dispose();
    }
  });
});
