// Restricted Mode: a second window whose workspace is not trusted (the code-server runner opens it for the
// *.untrusted.test.ts files). Agent files are still checked; nothing runs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { newestClaudeCodeProfile } from '../../src/engine/formats/claudeCode/profiles';
import { startAnthropicLoopback } from '../support/anthropicLoopback';
import { agentPath, agentStudioApi, codeOf, until, untilDiagnostics } from './agentStudio';
import { TestSettings } from './invocationKit';
import { takeScreenshot, visibleText } from './workbenchBrowser';

describe('in an untrusted workspace (Restricted Mode)', function () {
  this.timeout(60_000);
  const settings = new TestSettings();

  after(() => settings.restore());

  it('runs in Restricted Mode', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still lists the agents and reports the problems Claude Code would skip a file for', async () => {
    const api = await agentStudioApi();
    assert.ok(api.catalog.current.get(agentPath('code-reviewer.md'))?.result.loads);
    const uri = vscode.Uri.file(agentPath('broken-missing-description.md'));
    const diagnostics = await untilDiagnostics(uri, (found) => found.length > 0, 'the broken agent\'s diagnostics');
    assert.ok(diagnostics.some((diagnostic) => codeOf(diagnostic) === 'agent/missing-description'));
  });

  it('runs no agent: the command says why and starts nothing, and the Run agent lens is not offered', async () => {
    const api = await agentStudioApi();
    const loopback = await startAnthropicLoopback({ replyText: 'should never be asked' });
    try {
      await settings.set({ 'agentStudio.provider': 'anthropic', 'agentStudio.anthropic.baseUrl': loopback.url });
      const result = await vscode.commands.executeCommand('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: 'Review.' });
      assert.equal(result, undefined);
      assert.deepEqual(api.runs.runs(), []);
      assert.equal(loopback.requests.length, 0);
      const message = await visibleText('.notifications-toasts .notification-list-item-message:has-text("trusted workspace")');
      assert.match(message, /Agent Studio runs agents only in a trusted workspace/);

      const uri = vscode.Uri.file(agentPath('code-reviewer.md'));
      await vscode.window.showTextDocument(uri);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      assert.deepEqual(lenses.filter((lens) => lens.command?.command === 'agentStudio.runAgent'), []);
      await takeScreenshot('restricted-mode');
    } finally {
      await loopback.close();
    }
  });

  it('asks no Claude Code its version: the verdicts follow the newest profile, and the view says why', async () => {
    const api = await agentStudioApi();
    // A `claude` that leaves a trace when it is started at all, `--version` included.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-studio-version-'));
    const trace = path.join(home, 'started');
    const executable = path.join(home, 'claude');
    fs.writeFileSync(executable, `#!/bin/sh\necho "$@" >> '${trace}'\necho '2.1.197 (Claude Code)'\n`, { mode: 0o755 });
    try {
      // `latest` first, then `auto`: once the view shows `auto`'s answer, any `claude --version` it asked has finished.
      await settings.set({ 'agentStudio.claudeCode.path': executable, 'agentStudio.claudeCode.version': 'latest' });
      await until(api.catalog.onDidChangeClaudeCode, () => (api.agentsTreeView.message === undefined ? true : undefined), 'the view under `latest`');
      await settings.set({ 'agentStudio.claudeCode.version': 'auto' });
      const message = await until(api.catalog.onDidChangeClaudeCode, () => api.agentsTreeView.message?.includes('Restricted Mode') ? api.agentsTreeView.message : undefined, 'the view saying why the newest profile applies');
      assert.match(message, /Trust the workspace/);
      assert.equal(api.catalog.claudeCodeChoice.version, newestClaudeCodeProfile.measuredUpTo);
      assert.equal(fs.existsSync(trace), false, 'the configured claude was started');
    } finally {
      await settings.restore();
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('declares the run commands disabled until the workspace is trusted', () => {
    const manifest = vscode.extensions.getExtension('agent-studio.agent-studio')!.packageJSON as { contributes: { commands: { command: string; enablement?: string }[] }; capabilities: { untrustedWorkspaces: { supported: string } } };
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    for (const command of ['agentStudio.sendToAgent', 'agentStudio.runAgent', 'agentStudio.rerun']) {
      assert.equal(manifest.contributes.commands.find((candidate) => candidate.command === command)?.enablement, 'isWorkspaceTrusted', command);
    }
  });
});
