// Routing runs with the real Claude Code CLI against a scripted loopback API: what it chose, pass rates, the process
// group ended at the decision and on cancel, and the proof that a routing run can execute nothing.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseRoutingCasesFile, type RoutingCase } from '../../../../src/engine/routing/routingCases';
import { projectCases } from '../../../../src/node/routing/projectCases';
import { RoutingCancelledError, routingArgs, runRoutingCases } from '../../../../src/node/routing/routingRunner';
import type { RecordedRequest } from '../../../support/anthropicLoopback';
import { findClaudeBinary } from '../../../support/claudeCli';
import { claudeBinaryFor, recordedVersions } from '../../../support/claudeCodeVersions';
import { agentFile, answerText, delegateTo, exampleBlock, isMainTurn, OfflineProject, routingScript, type MessagesBody } from '../../../support/routingLoopback';
import { processesWithMarker, untilNoProcessesWithMarker } from '../../../support/runProcesses';
import { withTimeout } from '../../providers/providerTestKit';

const claude = findClaudeBinary();
const reviewerPrompt = 'I added the login endpoint, can you check it?';
const writerPrompt = 'Write the README for the billing module.';

describe('routing runs with Claude Code', function () {
  this.timeout(120_000);
  let offline: OfflineProject | undefined;

  afterEach(async () => {
    if (offline) await untilNoProcessesWithMarker('AGENT_STUDIO_RUN_MARKER', offline.marker);
    await offline?.dispose();
    offline = undefined;
  });

  async function projectWithAgents(turns: Parameters<typeof routingScript>[0], extra: { delayMs?: number } = {}): Promise<OfflineProject> {
    offline = await OfflineProject.start({ script: routingScript(turns), ...extra });
    offline.write('.claude/agents/security-reviewer.md', agentFile('security-reviewer', `Reviews changes for vulnerabilities.\n${exampleBlock(reviewerPrompt)}`));
    offline.write('.claude/agents/doc-writer.md', agentFile('doc-writer', `Writes documentation.\n${exampleBlock(writerPrompt)}`));
    return offline;
  }

  function run(project: OfflineProject, cases: RoutingCase[], options: { runs?: number; parallel?: number; signal?: AbortSignal } = {}) {
    return runRoutingCases(cases, { executable: claude, cwd: project.project, env: project.env(), ...options });
  }

  it('passes when Claude Code delegates an example to its agent, fails naming the other agent or "answered itself"', async () => {
    const project = await projectWithAgents({ [reviewerPrompt]: [delegateTo('security-reviewer')], [writerPrompt]: [delegateTo('security-reviewer')] });
    const { cases } = await projectCases(project.project);
    assert.deepEqual(cases.map((routingCase) => [path.basename(routingCase.file), routingCase.expected, routingCase.prompt]), [
      ['doc-writer.md', 'doc-writer', writerPrompt],
      ['security-reviewer.md', 'security-reviewer', reviewerPrompt],
    ]);
    const results = await run(project, cases);
    assert.deepEqual(results.map((result) => [result.routingCase.expected, result.outcomes, result.passed, result.passRate]), [
      ['doc-writer', [{ chosen: 'security-reviewer' }], false, 0],
      ['security-reviewer', [{ chosen: 'security-reviewer' }], true, 1],
    ]);
    // What the model was offered: the delegation tool, and both agents in the listing.
    const main = project.loopback.requests.filter(isMainTurn);
    assert.equal(main.length, 2);
    for (const request of main) {
      assert.ok((request.body as MessagesBody).tools!.every((tool) => ['Agent', 'DeferredToolPlaceholder'].includes(tool.name)), JSON.stringify((request.body as MessagesBody).tools!.map((tool) => tool.name)));
      assert.match(request.rawBody, /- doc-writer: Writes documentation/);
      assert.match(request.rawBody, /- security-reviewer: Reviews changes/);
    }
  });

  it('maps an answer in text to null: a failure for an example, a pass for a "none" case', async () => {
    const project = await projectWithAgents({ [reviewerPrompt]: [answerText()], 'What is 2 + 2?': [answerText('4')] });
    const casesFile = project.write('.claude/agent-routing.json', JSON.stringify({ cases: [{ prompt: 'What is 2 + 2?', expect: 'none' }] }, null, 2));
    const { cases } = await projectCases(project.project);
    const chosen = cases.filter((routingCase) => routingCase.file === casesFile || routingCase.expected === 'security-reviewer');
    const results = await run(project, chosen);
    assert.deepEqual(results.map((result) => [result.routingCase.expected, result.outcomes, result.passed]), [
      ['security-reviewer', [{ chosen: null }], false],
      [null, [{ chosen: null }], true],
    ]);
  });

  it('runs a case N times and reports its pass rate', async () => {
    const project = await projectWithAgents({ [reviewerPrompt]: [delegateTo('security-reviewer'), answerText(), delegateTo('security-reviewer')] });
    const [routingCase] = (await projectCases(project.project)).cases.filter((candidate) => candidate.expected === 'security-reviewer');
    const [result] = await run(project, [routingCase], { runs: 3, parallel: 3 });
    assert.equal(result.outcomes.length, 3);
    assert.deepEqual(result.outcomes.map((outcome) => ('chosen' in outcome ? outcome.chosen : outcome.error)).sort(), [null, 'security-reviewer', 'security-reviewer'].sort());
    assert.equal(result.passRate, 2 / 3);
    assert.equal(result.passed, false);
  });

  it('ends the process group at the delegation: the sub-agent never sends a request', async () => {
    // Slow events after the tool call's block leave the CLI no time to act on it before it is stopped.
    const project = await projectWithAgents({ [reviewerPrompt]: [delegateTo('security-reviewer')] }, { delayMs: 150 });
    const [routingCase] = (await projectCases(project.project)).cases.filter((candidate) => candidate.expected === 'security-reviewer');
    const [result] = await run(project, [routingCase]);
    assert.deepEqual(result.outcomes, [{ chosen: 'security-reviewer' }]);
    assert.deepEqual(processesWithMarker('AGENT_STUDIO_RUN_MARKER', project.marker), [], 'a claude process outlived its run');
    const subAgentRequests = project.loopback.requests.filter((request) => JSON.stringify((request.body as MessagesBody | undefined)?.system ?? '').includes('You are security-reviewer.'));
    assert.equal(subAgentRequests.length, 0);
  });

  it('cancel stops every Claude Code process of the run within a second', async () => {
    const project = await projectWithAgents({ [reviewerPrompt]: [delegateTo('security-reviewer')], [writerPrompt]: [delegateTo('doc-writer')] }, { delayMs: 5_000 });
    const { cases } = await projectCases(project.project);
    const controller = new AbortController();
    const running = run(project, cases, { runs: 2, parallel: 4, signal: controller.signal });
    await withTimeout(untilMainTurns(project, 4), 60_000, 'four runs to reach the model');
    assert.ok(processesWithMarker('AGENT_STUDIO_RUN_MARKER', project.marker).length >= 4);
    controller.abort();
    await assert.rejects(running, RoutingCancelledError);
    await withTimeout(untilNoProcessesWithMarker('AGENT_STUDIO_RUN_MARKER', project.marker), 1_000, 'every claude process to end');
  });

  it('reads the cases file with each case on its own line', () => {
    const text = '{\n  "cases": [\n    { "prompt": "Check { this } \\"prompt\\"", "expect": "security-reviewer" },\n    {"prompt": "hi", "expect": "none"},\n    {"prompt": 3}\n  ]\n}\n';
    const { cases, problems } = parseRoutingCasesFile('/p/.claude/agent-routing.json', text);
    assert.deepEqual(cases.map((routingCase) => [routingCase.prompt, routingCase.expected, routingCase.range.start.line]), [['Check { this } "prompt"', 'security-reviewer', 2], ['hi', null, 3]]);
    assert.deepEqual(problems.map((problem) => [problem.message, problem.range.start.line]), [['Case 3: "prompt" must be a non-empty string.', 4]]);
    assert.match(parseRoutingCasesFile('/p/x.json', '{"cases": [').problems[0].message, /^Not valid JSON/);
  });
});

// Every Claude Code version the project profiles and records (test/support/claudeCodeVersions.ts), each its own binary.
for (const version of recordedVersions()) {
  describe(`a routing run can execute nothing (Claude Code ${version})`, function () {
    this.timeout(180_000);
    let offline: OfflineProject | undefined;
    let binary: string;
    // A missing version fails here, naming how to install it: every profiled CLI must hold to the proof.
    before(() => { binary = claudeBinaryFor(version); });
    afterEach(async () => {
      await offline?.dispose();
      offline = undefined;
    });

    const markerNames = ['bash-ran', 'write-ran', 'sub-agent-bash-ran', 'hook-SessionStart', 'hook-UserPromptSubmit', 'hook-PreToolUse', 'hook-Stop', 'mcp-started', 'agent-hook-ran'];

    /**
     * A project that would run everything it can: hooks in its settings and in an agent, an MCP server, user settings
     * that allow Bash, Write and Read; the model asks for Bash, Write and Read, then delegates and the sub-agent asks
     * for Bash. The CLI runs to its end here (no early stop), so only its own flags stand between the model and the
     * machine.
     */
    async function hostileRun(args: (prompt: string) => string[]): Promise<{ markers: string[]; requests: RecordedRequest[]; toolResults: string[] }> {
      const prompt = 'Check the login endpoint.';
      const secret = `SECRET-${Math.random().toString(36).slice(2)}`;
      let markers = '';
      const bash = (name: string) => ({ toolUse: { name: 'Bash', input: { command: `touch ${markers}/${name}`, description: 'touch' } } });
      offline = await OfflineProject.start({
        script: (request) => {
          if (!isMainTurn(request)) return answerText('ok');
          const subAgent = JSON.stringify((request.body as MessagesBody).system ?? '').includes('You are reviewer.');
          const results = ((request.body as MessagesBody).messages ?? []).filter((message) => JSON.stringify(message.content).includes('tool_result')).length;
          if (subAgent) return results === 0 ? bash('sub-agent-bash-ran') : answerText('sub-agent done');
          return [bash('bash-ran'), { toolUse: { name: 'Write', input: { file_path: `${markers}/write-ran`, content: 'x' } } }, { toolUse: { name: 'Read', input: { file_path: 'secret.txt' } } },
            { toolUse: { name: 'Agent', input: { description: 'review', prompt: 'review', subagent_type: 'reviewer', run_in_background: false } } }][results] ?? answerText('done');
        },
      });
      markers = path.join(offline.home, 'markers');
      fs.mkdirSync(markers);
      const hook = (name: string) => ({ hooks: [{ type: 'command', command: `touch ${markers}/hook-${name}` }] });
      offline.write('secret.txt', secret);
      offline.write('.claude/agents/reviewer.md', agentFile('reviewer', 'Reviews code.', `hooks:\n  PreToolUse:\n    - matcher: "*"\n      hooks:\n        - type: command\n          command: touch ${markers}/agent-hook-ran\n`));
      offline.write('.claude/settings.json', JSON.stringify({
        enableAllProjectMcpServers: true,
        permissions: { allow: ['Bash', 'Write', 'Read'] },
        hooks: { SessionStart: [hook('SessionStart')], UserPromptSubmit: [hook('UserPromptSubmit')], Stop: [hook('Stop')], PreToolUse: [{ matcher: '*', ...hook('PreToolUse') }] },
      }));
      offline.write('.mcp.json', JSON.stringify({ mcpServers: { local: { command: 'sh', args: ['-c', `touch ${markers}/mcp-started; sleep 2`] } } }));
      offline.writeHome('.claude/settings.json', JSON.stringify({ permissions: { allow: ['Bash', 'Write', 'Read'] } }));
      // As if the user had accepted the project's trust dialog and its MCP server.
      offline.writeHome('.claude.json', JSON.stringify({ projects: { [offline.project]: { hasTrustDialogAccepted: true, enabledMcpjsonServers: ['local'] } } }));
      const child = spawn(binary, args(prompt), { cwd: offline.project, env: { PATH: process.env.PATH, ...offline.env() } as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.resume();
      child.stderr.resume();
      await withTimeout(new Promise((resolve) => child.on('close', resolve)), 120_000, 'claude to finish');
      await new Promise((resolve) => setTimeout(resolve, 500)); // a started MCP server writes its marker at once; none must appear late
      const requests = offline.loopback.requests;
      if (requests.some((request) => request.rawBody.includes(secret))) markersFound.push('secret-read');
      const toolResults = requests.flatMap((request) => ((request.body as MessagesBody | undefined)?.messages ?? []).flatMap((message) =>
        Array.isArray(message.content) ? (message.content as { type: string; content?: unknown }[]).filter((block) => block.type === 'tool_result').map((block) => JSON.stringify(block.content)) : []));
      return { markers: [...fs.readdirSync(markers), ...markersFound.splice(0)].sort(), requests, toolResults: [...new Set(toolResults)] };
    }
    const markersFound: string[] = [];

    it('without the routing flags the same project runs hooks, an MCP server, Bash, Write and Read (so the test can fail)', async () => {
      const { markers } = await hostileRun((prompt) => ['-p', '--output-format', 'stream-json', '--verbose', '--', prompt]);
      for (const expected of ['bash-ran', 'write-ran', 'secret-read', 'hook-SessionStart', 'hook-UserPromptSubmit', 'hook-PreToolUse', 'mcp-started', 'agent-hook-ran']) {
        assert.ok(markers.includes(expected), `${expected} missing from ${markers.join(', ')}`);
      }
    });

    it('with the routing flags: Bash, Write and Read are not offered, every call of them is refused, no hook or MCP server runs', async () => {
      const { markers, requests, toolResults } = await hostileRun(routingArgs);
      assert.deepEqual(markers.filter((marker) => markerNames.includes(marker) || marker === 'secret-read'), []);
      const offered = new Set(requests.filter(isMainTurn).flatMap((request) => (request.body as MessagesBody).tools!.map((tool) => tool.name)));
      assert.deepEqual([...offered].filter((name) => name !== 'DeferredToolPlaceholder'), ['Agent']);
      for (const tool of ['Bash', 'Write', 'Read']) {
        assert.ok(toolResults.some((result) => result.includes(`No such tool available: ${tool}`)), `no refusal of ${tool} in ${toolResults.join(' | ')}`);
      }
      // The sub-agent ran here (nothing stopped the CLI early) and was refused Bash too.
      assert.ok(requests.some((request) => JSON.stringify((request.body as MessagesBody | undefined)?.system ?? '').includes('You are reviewer.')), 'the sub-agent never ran');
    });
  });
}

async function untilMainTurns(project: OfflineProject, count: number): Promise<void> {
  while (project.loopback.requests.filter(isMainTurn).length < count) await new Promise((resolve) => setTimeout(resolve, 20));
}
