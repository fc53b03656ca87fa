// The Claude Code provider with the real CLI (devDependency @anthropic-ai/claude-code) against a loopback Messages API.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createClaudeCodeProvider, type ClaudeCodeOptions } from '../../../src/providers/claudeCode/claudeCode';
import { ProviderError, type AgentDefinition } from '../../../src/providers/types';
import { startAnthropicLoopback, type AnthropicLoopback } from '../../support/anthropicLoopback';
import { claudeLoopbackEnvironment, findClaudeBinary } from '../../support/claudeCli';
import { processesWithMarker, untilNoProcessesWithMarker } from '../../support/runProcesses';
import { agent, collect, signal, withTimeout } from './providerTestKit';

const markerVariable = 'AGENT_STUDIO_PROVIDER_TEST';

describe('providers: Claude Code CLI against a loopback server', function () {
  this.timeout(30_000);
  let loopback: AnthropicLoopback | undefined;
  let home: string;
  let project: string;
  let marker: string;

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-studio-provider-'));
    project = path.join(home, 'project');
    fs.mkdirSync(project);
    marker = `run-${process.pid}-${Math.random().toString(36).slice(2)}`;
  });

  afterEach(async () => {
    await loopback?.close();
    loopback = undefined;
    // A run that failed fast leaves a CLI shutting down, still writing below HOME.
    if (process.platform === 'linux') await withTimeout(untilNoProcessesOfRun(marker), 2000, 'the CLI to exit');
    fs.rmSync(home, { recursive: true, force: true, maxRetries: 3 });
  });

  /** An empty HOME and the loopback as API: nothing of this machine's Claude setup takes part. */
  function options(baseUrl: string, extra: ClaudeCodeOptions = {}): ClaudeCodeOptions {
    return {
      executable: findClaudeBinary(),
      env: {
        ...claudeLoopbackEnvironment(home, baseUrl),
        CLAUDE_CONFIG_DIR: undefined,
        ANTHROPIC_AUTH_TOKEN: undefined,
        [markerVariable]: marker, // inherited by the CLI's children too, so the test can find every process of the run
      },
      ...extra,
    };
  }

  function run(baseUrl: string, agentDefinition: AgentDefinition = agent(), runSignal = signal(), extra: ClaudeCodeOptions = {}) {
    return createClaudeCodeProvider(options(baseUrl, extra)).run({ agent: agentDefinition, prompt: 'Review src/index.ts', cwd: project, signal: runSignal });
  }

  it('streams the text and reports cost; the API sees the body as system prompt and only the listed tools', async () => {
    loopback = await startAnthropicLoopback({ replyText: 'Looks good to me — ship it 🚀', deltaCount: 5 });
    const { events, text, error } = await collect(run(loopback.url), { timeoutMs: 20_000 });
    assert.equal(error, undefined);
    assert.equal(text, 'Looks good to me — ship it 🚀');
    assert.ok(events.filter((event) => event.type === 'text').length >= 2, 'text arrives in several events');
    const usage = events.at(-1);
    assert.ok(usage?.type === 'usage' && usage.costUsd! > 0 && usage.durationMs! > 0 && usage.outputTokens! > 0 && /^claude-/.test(usage.model ?? ''), JSON.stringify(usage));

    const request = loopback.requests.find((candidate) => candidate.path.startsWith('/v1/messages') && JSON.stringify((candidate.body as { system?: unknown }).system ?? '').includes('meticulous'));
    assert.ok(request, `no request carried the agent body: ${loopback.requests.map((candidate) => candidate.path).join(', ')}`);
    const body = request.body as { system: { text: string }[]; tools?: { name: string }[]; model: string };
    assert.ok(body.system.some((block) => block.text === agent().body), JSON.stringify(body.system));
    assert.deepEqual((body.tools ?? []).map((tool) => tool.name).sort(), ['Grep', 'Read']);
    assert.match(body.model, /^claude-sonnet-/); // the CLI resolved the `sonnet` alias itself
  });

  it('ends the CLI and its process group within a second of an abort mid-stream', async function () {
    if (process.platform !== 'linux') this.skip(); // finds the run's processes through /proc
    loopback = await startAnthropicLoopback({ replyText: 'one two three four five six seven eight nine ten', deltaCount: 10, delayMs: 400 });
    const controller = new AbortController();
    let running = 0;
    const { text, error } = await collect(run(loopback.url, agent(), controller.signal), {
      timeoutMs: 20_000,
      onEvent: (event) => {
        if (event.type !== 'text') return;
        running = processesOfRun(marker).length;
        controller.abort();
      },
    });
    assert.ok(running >= 1, 'the run had processes to end');
    assert.ok(text.length > 0 && text.length < 20, `aborted after the first delta, got "${text}"`);
    assert.ok(error instanceof ProviderError && error.kind === 'cancelled', String(error));
    await withTimeout(untilNoProcessesOfRun(marker), 1000, `the processes of the run to end (still: ${processesOfRun(marker).join(', ')})`);
  });

  it('ends the process group on an abort even when nobody reads the run again, as when the extension host shuts down', async function () {
    if (process.platform !== 'linux') this.skip(); // finds the run's processes through /proc
    loopback = await startAnthropicLoopback({ replyText: 'one two three four five six seven eight nine ten', deltaCount: 10, delayMs: 400 });
    const controller = new AbortController();
    const events = run(loopback.url, agent(), controller.signal)[Symbol.asyncIterator]();
    // Read until the first text, then abandon the generator where it is suspended: its `finally` never runs.
    for (let next = await events.next(); !next.done && next.value.type !== 'text'; next = await events.next());
    assert.ok(processesOfRun(marker).length >= 1, 'the run has processes to end');
    controller.abort();
    await withTimeout(untilNoProcessesOfRun(marker), 1000, `the processes of the run to end (still: ${processesOfRun(marker).join(', ')})`);
  });

  it('runs an installed plugin agent by its full name: the CLI loads the plugin, the API sees the plugin file\'s body', async () => {
    loopback = await startAnthropicLoopback({ replyText: 'plugin says hi' });
    const marketplace = path.join(home, 'market');
    const body = 'You are the installed plugin reviewer, not a copy passed with --agents.';
    for (const [relative, content] of Object.entries({
      '.claude-plugin/marketplace.json': JSON.stringify({ name: 'local-market', owner: { name: 'Test' }, plugins: [{ name: 'tools', source: './tools' }] }),
      'tools/.claude-plugin/plugin.json': JSON.stringify({ name: 'tools' }),
      'tools/agents/reviewer.md': `---\nname: reviewer\ndescription: Reviews code\n---\n${body}\n`,
    })) {
      fs.mkdirSync(path.dirname(path.join(marketplace, relative)), { recursive: true });
      fs.writeFileSync(path.join(marketplace, relative), content);
    }
    const env = { PATH: process.env.PATH, ...claudeLoopbackEnvironment(home, loopback.url) };
    for (const args of [['plugin', 'marketplace', 'add', marketplace], ['plugin', 'install', 'tools@local-market']]) {
      execFileSync(findClaudeBinary(), args, { cwd: project, env, stdio: 'pipe', timeout: 30_000 });
    }
    const installed = agent({ name: 'tools:reviewer', body: 'a different body that must not be sent', installedPlugin: 'tools@local-market' });
    const { text, error } = await collect(run(loopback.url, installed), { timeoutMs: 20_000 });
    assert.equal(error, undefined);
    assert.equal(text, 'plugin says hi');
    const systems = loopback.requests.map((request) => JSON.stringify((request.body as { system?: unknown } | undefined)?.system ?? ''));
    assert.ok(systems.some((system) => system.includes(body)), 'the plugin file\'s body is the system prompt');
    assert.ok(!systems.some((system) => system.includes('a different body')));
  });

  it('maps a binary that does not exist to not-found', async () => {
    const { error } = await collect(run('http://127.0.0.1:9', agent(), signal(), { executable: path.join(home, 'no-such-claude') }));
    assert.ok(error instanceof ProviderError && error.kind === 'not-found' && error.action === 'installClaude', String(error));
  });

  it('maps a 401 from the API to unauthorized at once instead of waiting for the CLI to retry', async () => {
    loopback = await startAnthropicLoopback({ errorStatus: 401, errorMessage: 'invalid x-api-key' });
    const { error } = await collect(run(loopback.url), { timeoutMs: 15_000 });
    assert.ok(error instanceof ProviderError && error.kind === 'unauthorized' && error.action === 'loginClaude', String(error));
  });

  it('maps an agent the CLI refuses to load to invalid-agent', async () => {
    loopback = await startAnthropicLoopback();
    const refused = agent({ frontmatter: { hooks: { Stop: 'not a list of hooks' } } });
    const { error } = await collect(run(loopback.url, refused), { timeoutMs: 15_000 });
    assert.ok(error instanceof ProviderError && error.kind === 'invalid-agent', String(error));
  });
});

function processesOfRun(marker: string): number[] {
  return processesWithMarker(markerVariable, marker);
}

function untilNoProcessesOfRun(marker: string): Promise<void> {
  return untilNoProcessesWithMarker(markerVariable, marker);
}
