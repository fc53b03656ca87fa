// The other back ends in the real extension host: the Anthropic API and an OpenAI-compatible server (both loopback
// servers), no VS Code language model, and `auto` with nothing to run; each failure ends with its one fixing action.
import { newestClaudeCodeProfile } from '../../src/engine/formats/claudeCode/profiles';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AgentStudioApi } from '../../src/extension';
import { startAnthropicLoopback, type AnthropicLoopback } from '../support/anthropicLoopback';
import { closedPortUrl, openAIChunks, openAISse, startServer, type ScriptedServer } from '../unit/providers/providerTestKit';
import { agentStudioApi, closeAllEditors, inWorkspace } from './agentStudio';
import { runCommand, TestSettings, untilNewRunDocumentContaining, withTimeout } from './invocationKit';
import { browserAvailable, click, pressKey, visibleText } from './workbenchBrowser';

const reply = 'Found one bug: `add` subtracts.';
const body = 'You are a careful code reviewer.';
const apiKey = 'sk-ant-integration-test-key-0123456789';

function providerBundleLoaded(name: string): boolean {
  return Object.keys(require.cache).some((file) => file.endsWith(path.join('dist', 'providers', `${name}.js`)));
}

describe('invocation with the other providers', function () {
  this.timeout(60_000);
  let api: AgentStudioApi;
  const settings = new TestSettings();
  const servers: { close(): Promise<void> }[] = [];

  before(async () => {
    api = await agentStudioApi();
  });

  afterEach(async () => {
    await settings.restore();
    await vscode.commands.executeCommand('agentStudio.setAnthropicApiKey', '');
    await vscode.commands.executeCommand('agentStudio.setOpenAICompatibleApiKey', '');
    await Promise.all(servers.splice(0).map((server) => server.close()));
    await vscode.commands.executeCommand('notifications.clearAll');
    await closeAllEditors();
  });

  async function anthropicLoopback(options: Parameters<typeof startAnthropicLoopback>[0] = { replyText: reply, deltaCount: 4 }): Promise<AnthropicLoopback> {
    const loopback = await startAnthropicLoopback(options);
    servers.push(loopback);
    await settings.set({ 'agentStudio.provider': 'anthropic', 'agentStudio.anthropic.baseUrl': loopback.url });
    return loopback;
  }

  async function openAIServer(handler: Parameters<typeof startServer>[0]): Promise<ScriptedServer> {
    const server = await startServer(handler);
    servers.push(server);
    await settings.set({ 'agentStudio.provider': 'openai-compatible', 'agentStudio.openai.baseUrl': `${server.url}/v1`, 'agentStudio.openai.model': 'llama3.2' });
    return server;
  }

  it('anthropic: loads its SDK only for the run, streams the answer, sends the body as system prompt and keeps the key out of the document', async () => {
    assert.equal(providerBundleLoaded('anthropic'), false, 'the Anthropic bundle is not loaded before a run needs it');
    const loopback = await anthropicLoopback();
    await vscode.commands.executeCommand('agentStudio.setAnthropicApiKey', apiKey);
    const snapshot = await runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: `Review this. My key is ${apiKey}.` });

    assert.equal(snapshot.status, 'completed', JSON.stringify(snapshot.error));
    assert.equal(snapshot.answer, reply);
    assert.ok(providerBundleLoaded('anthropic'));
    // The alias resolves as the newest profile's table says (the model id holds no regular-expression specials).
    const sonnet = newestClaudeCodeProfile.modelAliasIds.sonnet;
    assert.ok(snapshot.markdown.startsWith(`# Run of \`code-reviewer\`\n\n- **Provider:** Anthropic API\n- **Model:** \`${sonnet}\`\n`), snapshot.markdown);
    assert.match(snapshot.markdown, new RegExp(`\\*Completed in [\\d.]+ (ms|s) · 1 input token · \\d+ output tokens · \`${sonnet}\`\\*\\n$`));
    assert.ok(!snapshot.markdown.includes(apiKey), 'the key is redacted, even from the prompt');

    const [request] = loopback.requests;
    const sent = request.body as { system?: string; model: string; messages: { role: string; content: string }[] };
    assert.ok(sent.system?.startsWith(body));
    assert.equal(sent.model, newestClaudeCodeProfile.modelAliasIds.sonnet);
    assert.equal(sent.messages[0].role, 'user');
    // SDK 1.x sends the key as a bearer token; 0.x sent `x-api-key`.
    assert.ok(request.headers.authorization === `Bearer ${apiKey}` || request.headers['x-api-key'] === apiKey);
  });

  it('anthropic: resolves the agent\'s model through agentStudio.anthropic.modelAliases', async () => {
    const loopback = await anthropicLoopback();
    await settings.set({ 'agentStudio.anthropic.modelAliases': { Sonnet: 'claude-sonnet-test' } });
    await vscode.commands.executeCommand('agentStudio.setAnthropicApiKey', apiKey);
    const snapshot = await runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: 'Review.' });
    assert.equal(snapshot.status, 'completed');
    assert.equal((loopback.requests[0].body as { model: string }).model, 'claude-sonnet-test');
  });

  it('anthropic: no key, a rejected key, rate limiting and no server each end with the action that fixes it', async () => {
    const loopback = await anthropicLoopback({ errorStatus: 401, errorMessage: 'invalid x-api-key' });
    const noKey = await runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: 'Review.' });
    assert.deepEqual([noKey.status, noKey.error?.kind, noKey.offeredActions], ['failed', 'unauthorized', ['setApiKey:anthropic']]);
    assert.equal(loopback.requests.length, 0);

    await vscode.commands.executeCommand('agentStudio.setAnthropicApiKey', apiKey);
    const rejected = await runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: 'Review.' });
    assert.deepEqual([rejected.error?.kind, rejected.offeredActions], ['unauthorized', ['setApiKey:anthropic']]);
    assert.match(rejected.error?.message ?? '', /401/);
    assert.ok(!rejected.markdown.includes(apiKey));

    loopback.options = { errorStatus: 429 };
    const limited = await runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: 'Review.' });
    assert.deepEqual([limited.error?.kind, limited.offeredActions], ['rate-limited', ['retry']]);

    await settings.set({ 'agentStudio.anthropic.baseUrl': await closedPortUrl() });
    const unreachable = await runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: 'Review.' });
    assert.deepEqual([unreachable.error?.kind, unreachable.offeredActions], ['unreachable', ['openSettings']]);
  });

  it('openai-compatible: streams the answer from a server speaking the OpenAI format, body as system message', async () => {
    assert.equal(providerBundleLoaded('openaiCompatible'), false, 'the OpenAI bundle is not loaded before a run needs it');
    const server = await openAIServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(openAISse(openAIChunks(['Found one bug: ', '`add` ', 'subtracts.'])));
    });
    const snapshot = await runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: 'Review add().' });
    assert.equal(snapshot.status, 'completed', JSON.stringify(snapshot.error));
    assert.equal(snapshot.answer, reply);
    assert.match(snapshot.markdown, /- \*\*Provider:\*\* OpenAI-compatible server\n- \*\*Model:\*\* `llama3\.2`\n/);
    assert.match(snapshot.markdown, /21 input tokens · 8 output tokens · `llama3\.2`\*\n$/);
    const [request] = server.requests;
    assert.equal(request.path, '/v1/chat/completions');
    assert.equal(request.body.model, 'llama3.2');
    assert.ok(request.body.messages[0].role === 'system' && request.body.messages[0].content.startsWith(body));
    assert.deepEqual(request.body.messages[1], { role: 'user', content: 'Review add().' });
    assert.equal(request.headers.authorization, undefined, 'no key, no Authorization header');
  });

  it('openai-compatible: without a model or with a 401, one message with the fix; nothing opened before the model is known', async () => {
    const server = await openAIServer((_request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'bad key', type: 'invalid_request_error' } }));
    });
    await settings.set({ 'agentStudio.openai.model': '' });
    const noModel = await runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: 'Review.' });
    assert.deepEqual([noModel.error?.kind, noModel.offeredActions], ['unknown-model', ['openSettings']]);
    assert.equal(server.requests.length, 0);
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === noModel.documentUri), 'no run document opened');

    await settings.set({ 'agentStudio.openai.model': 'llama3.2' });
    const rejected = await runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: 'Review.' });
    assert.deepEqual([rejected.error?.kind, rejected.offeredActions], ['unauthorized', ['setApiKey:openai-compatible']]);
  });

  for (const provider of ['anthropic', 'openai-compatible'] as const) {
    it(`${provider}: Stop ends the stream at once, mid-answer, and closes the connection`, async () => {
      let connectionClosed: Promise<void> | undefined;
      if (provider === 'anthropic') {
        const loopback = await anthropicLoopback({ replyText: 'alpha bravo charlie delta echo foxtrot golf hotel india juliet', deltaCount: 10, delayMs: 400 });
        connectionClosed = loopback.untilStreamAbandoned();
        await vscode.commands.executeCommand('agentStudio.setAnthropicApiKey', apiKey);
      } else {
        let markClosed!: () => void;
        connectionClosed = new Promise<void>((resolve) => (markClosed = resolve));
        // The first words, then nothing: the stream stays open until the client goes.
        await openAIServer((_request, response) => {
          response.writeHead(200, { 'content-type': 'text/event-stream' });
          response.write(openAISse(openAIChunks(['alpha ', 'bravo '])).split('\n\n').slice(0, 3).join('\n\n') + '\n\n');
          response.once('close', () => markClosed());
        });
      }
      const firstWords = untilNewRunDocumentContaining('alpha', 20_000);
      const running = runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: 'Count.' });
      const document = await firstWords;
      await vscode.commands.executeCommand('agentStudio.stopRun', document.uri);
      const snapshot = await withTimeout(running, 1_000, 'the run to end after Stop');
      assert.equal(snapshot.status, 'cancelled');
      assert.ok(snapshot.answer.startsWith('alpha') && !snapshot.answer.includes('juliet'), `stopped mid-answer: "${snapshot.answer}"`);
      assert.equal(snapshot.offeredActions.length, 0, 'a stop shows no error');
      await withTimeout(connectionClosed!, 1_000, 'the server to see the connection close');
    });
  }

  it('vscode-lm: says when no VS Code language model is available', async () => {
    await settings.set({ 'agentStudio.provider': 'vscode-lm' });
    const snapshot = await runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: 'Review.' });
    assert.deepEqual([snapshot.error?.kind, snapshot.offeredActions], ['not-found', ['openSettings']]);
    assert.match(snapshot.error?.message ?? '', /No VS Code language model is available/);
  });

  it('auto: without Claude Code and without a language model, offers every way to set one up', async () => {
    await settings.set({ 'agentStudio.provider': 'auto', 'agentStudio.claudeCode.path': inWorkspace('no-such-claude') });
    const snapshot = await runCommand('agentStudio.sendToAgent', { agent: 'code-reviewer', prompt: 'Review.' });
    assert.equal(snapshot.error?.kind, 'not-found');
    assert.deepEqual(snapshot.offeredActions, ['installClaude', 'setApiKey:anthropic', 'openSettings']);
    assert.equal(api.runs.runs()[0].id, snapshot.id);
    assert.ok(!fs.existsSync(inWorkspace('no-such-claude')));
    if (!browserAvailable()) return;
    // The failed run has no answer: its context menu offers nothing to copy or insert.
    await api.runs.revealRun(snapshot.id);
    await pressKey('Shift+F10');
    const menu = await visibleText('.context-view .monaco-menu');
    await pressKey('Escape');
    assert.match(menu, /Open Run/);
    assert.doesNotMatch(menu, /Copy Answer|Insert Answer/);
    // Claude Code did not run as the path the setting names: that setting is the one to open.
    await click('.notifications-toasts .monaco-button:text-is("Open Settings")');
    assert.match(await visibleText('.settings-editor .settings-header .view-lines'), /agentStudio\.claudeCode\.path/);
  });
});
