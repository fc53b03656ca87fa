// `agent-studio test-routing` as CI runs it: the bundled CLI in a child process, the real Claude Code behind a wrapper
// that points it at a scripted loopback API.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startAnthropicLoopback } from '../../support/anthropicLoopback';
import { findClaudeBinary } from '../../support/claudeCli';
import { agentFile, answerText, delegateTo, exampleBlock, isMainTurn, OfflineProject, promptOf, routingScript } from '../../support/routingLoopback';
import { sharedFolder } from '../../support/sharedMaterial';
import { bundledCli } from '../../support/cliBundle';

const reviewerPrompt = 'I added the login endpoint, can you check it?';
const writerPrompt = 'Write the README for the billing module.';
let cliPath: string;

function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('agent-studio test-routing', function () {
  this.timeout(120_000);
  let offline: OfflineProject | undefined;

  before(() => {
    cliPath = bundledCli();
  });

  afterEach(async () => {
    await offline?.dispose();
    offline = undefined;
  });

  async function project(turns: Parameters<typeof routingScript>[0]): Promise<{ offline: OfflineProject; claude: string }> {
    offline = await OfflineProject.start({ script: routingScript(turns) });
    offline.write('.claude/agents/security-reviewer.md', agentFile('security-reviewer', `Reviews changes for vulnerabilities.\n${exampleBlock(reviewerPrompt)}`));
    offline.write('.claude/agents/doc-writer.md', agentFile('doc-writer', `Writes documentation.\n${exampleBlock(writerPrompt)}`));
    offline.write('.claude/agent-routing.json', '{\n  "cases": [\n    { "prompt": "What is 2 + 2?", "expect": "none" }\n  ]\n}\n');
    return { offline, claude: offline.wrapper(findClaudeBinary()) };
  }

  it('prints the JSON of the issue: version, and per case file, agent, line, prompt, expected, chosen per run, passRate, passed; exit 1 on a failure', async () => {
    const { offline, claude } = await project({
      [reviewerPrompt]: [delegateTo('security-reviewer'), delegateTo('doc-writer')],
      [writerPrompt]: [answerText()],
      'What is 2 + 2?': [answerText('4')],
    });
    const { status, stdout, stderr } = await cli(['test-routing', '--runs', '2', '--format', 'json', '--claude', claude], offline.project);
    assert.equal(status, 1, stderr);
    const report = JSON.parse(stdout);
    assert.equal(report.claudeCodeVersion, '2.1.197');
    const byPrompt = Object.fromEntries(report.tests.map((test: { prompt: string }) => [test.prompt, test]));
    assert.deepEqual(Object.keys(report.tests[0]).sort(), ['agent', 'chosen', 'expected', 'file', 'line', 'passRate', 'passed', 'prompt']);
    const reviewer = byPrompt[reviewerPrompt];
    assert.deepEqual({ ...reviewer, chosen: [...reviewer.chosen].sort() }, {
      file: '.claude/agents/security-reviewer.md', agent: 'security-reviewer', line: 5, prompt: reviewerPrompt,
      expected: 'security-reviewer', chosen: ['doc-writer', 'security-reviewer'], passRate: 0.5, passed: false,
    });
    assert.deepEqual(byPrompt[writerPrompt].chosen, [null, null]);
    assert.deepEqual(byPrompt['What is 2 + 2?'], {
      file: '.claude/agent-routing.json', agent: null, line: 3, prompt: 'What is 2 + 2?', expected: null, chosen: [null, null], passRate: 1, passed: true,
    });
  });

  it('exits 0 when every case passes; text ends with the confusion summary; junit names each case by line', async () => {
    const { offline, claude } = await project({
      [reviewerPrompt]: [delegateTo('security-reviewer')],
      [writerPrompt]: [delegateTo('doc-writer')],
      'What is 2 + 2?': [answerText('4')],
    });
    const text = await cli(['test-routing', '--claude', claude], offline.project);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^\.claude\/agents\/security-reviewer\.md:5 PASS 1\/1 expected security-reviewer, chosen security-reviewer: I added the login endpoint/m);
    assert.match(text.stdout, /Confusion \(Claude Code 2\.1\.197\): expected → chosen \(runs\)\n  doc-writer → doc-writer ×1\n  security-reviewer → security-reviewer ×1\n  \(none\) → \(none\) ×1\n\n3 cases: 3 passed, 0 failed\.\n$/);
    const junit = await cli(['test-routing', '.claude/agents/doc-writer.md', '--format=junit', '--claude', claude], offline.project);
    assert.equal(junit.status, 0, junit.stderr);
    assert.match(junit.stdout, /<testsuites name="agent-studio test-routing \(Claude Code 2\.1\.197\)" tests="1" failures="0">/);
    assert.match(junit.stdout, /<testcase classname="\.claude\/agents\/doc-writer\.md" name="line 5: Write the README for the billing module\." file="\.claude\/agents\/doc-writer\.md" line="5">/);
  });

  it('exits 3 with a clear message when Claude Code is missing or not logged in, 2 on bad usage', async () => {
    const { offline } = await project({});
    const missing = await cli(['test-routing', '--claude', path.join(offline.home, 'no-such-claude')], offline.project);
    assert.equal(missing.status, 3);
    assert.match(missing.stderr, /Claude Code did not run as ".*no-such-claude" \(ENOENT\)\. Install it/);
    // The real CLI with an empty HOME and no key: `claude auth status` says so before any model call.
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: offline.home, USERPROFILE: offline.home, DISABLE_AUTOUPDATER: '1', CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1' };
    const loggedOut = await cli(['test-routing', '--claude', findClaudeBinary()], offline.project, env);
    assert.equal(loggedOut.status, 3, loggedOut.stderr);
    assert.match(loggedOut.stderr, /Claude Code is not logged in\. Run `claude` in a terminal and log in/);
    assert.equal(offline.loopback.requests.length, 0);
    for (const args of [['--runs', '0'], ['--format', 'xml'], ['--bogus'], ['no/such/path']]) {
      const usage = await cli(['test-routing', ...args], offline.project);
      assert.equal(usage.status, 2, `${args.join(' ')}: ${usage.stderr}`);
    }
  });

  it('reports exactly the agent the model chose for every example, in a project of 365 real agent files it has never seen', async () => {
    // The shared corpus and seeds: agents written by other people. The scripted model picks, per prompt, an agent
    // (any of the loaded ones) or none, at random; the report must name exactly that choice.
    const corpus = path.join(sharedFolder(), 'corpus', 'claude');
    const seeds = path.join(sharedFolder(), 'seeds');
    const names: string[] = Object.values(JSON.parse(fs.readFileSync(path.join(sharedFolder(), 'corpus', 'claude.loaded-by-claude-code-2.1.197.json'), 'utf8')) as Record<string, string[]>).flat();
    const picks = new Map<string, string | null>();
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    offline = new OfflineProject(await startAnthropicLoopback({
      script: (request) => {
        if (!isMainTurn(request)) return answerText('ok');
        const prompt = promptOf(request).trim();
        if (!picks.has(prompt)) picks.set(prompt, random() < 0.2 ? null : names[Math.floor(random() * names.length)]);
        const pick = picks.get(prompt)!;
        return pick === null ? answerText() : delegateTo(pick);
      },
    }));
    for (const file of fs.readdirSync(corpus)) offline.write(`.claude/agents/corpus/${file}`, fs.readFileSync(path.join(corpus, file), 'utf8'));
    for (const file of fs.readdirSync(seeds).filter((name) => name.endsWith('.md'))) offline.write(`.claude/agents/seeds/${file}`, fs.readFileSync(path.join(seeds, file), 'utf8'));
    const claude = offline.wrapper(findClaudeBinary());
    const { status, stdout, stderr } = await cli(['test-routing', '--format', 'json', '--claude', claude], offline.project);
    assert.ok(status === 0 || status === 1, stderr);
    const report = JSON.parse(stdout) as { tests: { prompt: string; agent: string; chosen: (string | null)[] }[] };
    assert.ok(report.tests.length >= 9, `only ${report.tests.length} cases found`);
    assert.ok(new Set(report.tests.map((test) => test.agent)).size >= 3);
    for (const test of report.tests) {
      assert.ok(picks.has(test.prompt.trim()), `the model never saw: ${test.prompt}`);
      assert.deepEqual(test.chosen, [picks.get(test.prompt.trim())], test.prompt);
    }
  });
});
