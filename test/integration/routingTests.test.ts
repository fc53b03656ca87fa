// Routing tests in the Test Explorer with the real Claude Code CLI against a scripted loopback API: items on the
// examples' lines that follow the disk, pass, wrong agent, answered itself, a `none` case, N runs, consent, cancel.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { AgentStudioApi } from '../../src/extension';
import { listingCost } from '../../src/engine/routing/listingCost';
import type { RoutingRunReport } from '../../src/vscode/routing/routingTests';
import type { LoopbackReply } from '../support/anthropicLoopback';
import { agentFile, answerText, delegateTo, exampleBlock, isMainTurn, routingScript } from '../support/routingLoopback';
import { startAnthropicLoopback, type AnthropicLoopback } from '../support/anthropicLoopback';
import { agentPath, agentStudioApi, closeAllEditors, inWorkspace, until } from './agentStudio';
import { OfflineClaude, processesWith, TestSettings, untilNoProcesses, withTimeout } from './invocationKit';
import { browserAvailable, clickDialogButton, takeScreenshot, visibleDialog } from './workbenchBrowser';

const reviewerPrompt = 'I added the login endpoint, can you check it?';
const writerPrompt = 'Write the README for the billing module.';
const nonePrompt = 'What is 2 + 2?';
const reviewerFile = () => agentPath('routing-reviewer.md');
const writerFile = () => agentPath('routing-writer.md');
const casesFile = () => inWorkspace('.claude', 'agent-routing.json');

describe('routing tests in the Test Explorer', function () {
  this.timeout(120_000);
  let api: AgentStudioApi;
  let loopback: AnthropicLoopback | undefined;
  let claude: OfflineClaude | undefined;
  const settings = new TestSettings();

  before(async () => {
    api = await agentStudioApi();
    fs.writeFileSync(reviewerFile(), agentFile('routing-reviewer', `Reviews changes for vulnerabilities before they merge.\n${exampleBlock(reviewerPrompt)}`));
    fs.writeFileSync(writerFile(), agentFile('routing-writer', `Writes documentation.\n${exampleBlock(writerPrompt)}`));
    fs.writeFileSync(casesFile(), `{\n  "cases": [\n    { "prompt": "${nonePrompt}", "expect": "none" }\n  ]\n}\n`);
    await until(api.routing.onDidChangeItems, () => (item(reviewerFile()) && item(writerFile()) && item(casesFile()) ? true : undefined), 'routing items for the new files', 20_000);
  });

  after(() => {
    for (const file of [reviewerFile(), writerFile(), casesFile()]) fs.rmSync(file, { force: true });
  });

  afterEach(async () => {
    await closeAllEditors();
    await settings.restore();
    await loopback?.close();
    await claude?.dispose();
    loopback = undefined;
    claude = undefined;
  });

  function item(file: string): vscode.TestItem | undefined {
    return api.routing.controller.items.get(file);
  }

  async function offline(turns: Record<string, LoopbackReply[]>, delayMs = 0, runs = 1): Promise<void> {
    loopback = await startAnthropicLoopback({ script: routingScript(turns), delayMs });
    claude = new OfflineClaude(loopback.url);
    await settings.set({ 'agentStudio.claudeCode.path': claude.executable, 'agentStudio.routing.runs': runs });
  }

  /** Runs the current file's tests as a user does (Test: Run Tests in Current File) and resolves with the report. */
  async function runFile(file: string): Promise<RoutingRunReport> {
    await vscode.window.showTextDocument(vscode.Uri.file(file));
    const finished = new Promise<RoutingRunReport>((resolve) => {
      const subscription = api.routing.onDidFinishRun((report) => (subscription.dispose(), resolve(report)));
    });
    void vscode.commands.executeCommand('testing.runCurrentFile');
    return withTimeout(finished, 90_000, `the routing run of ${file}`);
  }

  it('shows an item per agent file with a child on each example\'s line, and follows edits on disk', async () => {
    const reviewer = item(reviewerFile())!;
    assert.equal(reviewer.label, 'routing-reviewer');
    const [child] = [...toArray(reviewer.children)];
    assert.equal(child.label, reviewerPrompt);
    const lines = fs.readFileSync(reviewerFile(), 'utf8').split('\n');
    assert.equal(lines[child.range!.start.line].trim(), '<example>');
    assert.equal(toArray(item(casesFile())!.children)[0].description, 'must not be delegated');

    // The Agents view's tooltip gives the agent's share of the listing every session sends.
    const reviewerRow = api.agentsView.snapshot().flatMap((group) => group.children).find((row) => row.path === reviewerFile());
    const cost = listingCost(api.catalog.current.get(reviewerFile())!.result.agent!);
    assert.ok(reviewerRow?.tooltip.includes(`Listing: ${cost.characters.toLocaleString('en-US')} characters (about ${cost.estimatedTokens.toLocaleString('en-US')} tokens)`), reviewerRow?.tooltip);

    fs.writeFileSync(writerFile(), agentFile('routing-writer', `Writes documentation.\n${exampleBlock(writerPrompt)}\n${exampleBlock('Document the billing API.')}`));
    await until(api.routing.onDidChangeItems, () => (item(writerFile())?.children.size === 2 ? true : undefined), 'a second example item');
    fs.writeFileSync(writerFile(), agentFile('routing-writer', `Writes documentation.\n${exampleBlock(writerPrompt)}`));
    await until(api.routing.onDidChangeItems, () => (item(writerFile())?.children.size === 1 ? true : undefined), 'the item to lose it again');
  });

  it('passes when Claude Code delegates the example to its agent', async () => {
    await offline({ [reviewerPrompt]: [delegateTo('routing-reviewer')] });
    const report = await runFile(reviewerFile());
    assert.deepEqual(report.results.map(({ state, chosen }) => ({ state, chosen })), [{ state: 'passed', chosen: ['routing-reviewer'] }]);
    await vscode.commands.executeCommand('workbench.view.testing.focus');
    await takeScreenshot('routing-tests');
  });

  it('fails naming the agent Claude Code chose, quoting the start of its description', async () => {
    await offline({ [writerPrompt]: [delegateTo('routing-reviewer')] });
    const [result] = (await runFile(writerFile())).results;
    assert.equal(result.state, 'failed');
    assert.equal(result.message, 'Claude Code chose routing-reviewer instead of routing-writer.\nrouting-reviewer: “Reviews changes for vulnerabilities before they merge.”');
    await takeScreenshot('routing-test-failure');
  });

  it('fails with "answered itself" when Claude Code does not delegate; a `none` case passes that way', async () => {
    await offline({ [writerPrompt]: [answerText()], [nonePrompt]: [answerText('4')] });
    const [writer] = (await runFile(writerFile())).results;
    assert.deepEqual([writer.state, writer.message, writer.chosen], ['failed', 'Claude Code answered itself instead of delegating to routing-writer.', [null]]);
    const [none] = (await runFile(casesFile())).results;
    assert.deepEqual([none.state, none.chosen], ['passed', [null]]);
  });

  it('runs each case agentStudio.routing.runs times and shows the pass rate', async () => {
    await offline({ [reviewerPrompt]: [delegateTo('routing-reviewer'), answerText(), delegateTo('routing-reviewer')] }, 0, 3);
    const [result] = (await runFile(reviewerFile())).results;
    assert.equal(result.state, 'failed');
    assert.deepEqual([...result.chosen].sort(), [null, 'routing-reviewer', 'routing-reviewer'].sort());
    assert.match(result.message!, /^Claude Code answered itself instead of delegating to routing-reviewer\.\nPass rate 67% \(2 of 3 runs\); chosen: /);
  });

  it('asks before running in a workspace with a hooked agent, once per version', async function () {
    if (!browserAvailable()) this.skip(); // answering the modal dialog needs the code-server runner's browser
    const hooked = agentPath('routing-hooked.md');
    fs.writeFileSync(hooked, agentFile('routing-hooked', 'Formats files.', 'hooks:\n  PreToolUse:\n    - matcher: Bash\n      hooks:\n        - type: command\n          command: echo formatted\n'));
    try {
      await until(api.catalog.onDidChange, () => api.catalog.current.get(hooked)?.result.loads || undefined, 'the catalog to load routing-hooked.md');
      await offline({ [reviewerPrompt]: [delegateTo('routing-reviewer')] });
      const declined = runFile(reviewerFile());
      assert.equal((await visibleDialog()).message, 'Run routing-hooked with Claude Code?');
      await clickDialogButton('Cancel');
      assert.equal((await declined).results[0].state, 'skipped');
      assert.equal(loopback!.requests.length, 0, 'nothing was sent');
      const agreed = runFile(reviewerFile());
      await visibleDialog();
      await clickDialogButton('Run Agent');
      assert.equal((await agreed).results[0].state, 'passed');
      assert.equal((await runFile(reviewerFile())).results[0].state, 'passed', 'agreed once: no dialog the second time');
    } finally {
      fs.rmSync(hooked, { force: true });
    }
  });

  it('cancel stops every Claude Code process within a second', async () => {
    // The model never finishes its turn within the test: only the cancel ends these runs.
    await offline({ [reviewerPrompt]: [delegateTo('routing-reviewer')] }, 20_000, 3);
    const report = runFile(reviewerFile());
    await withTimeout(untilMainTurns(loopback!, 3), 60_000, 'three runs to reach the model');
    assert.ok(processesWith(claude!.marker).length >= 3);
    await vscode.commands.executeCommand('testing.cancelRun');
    await untilNoProcesses(claude!.marker, 1_000);
    assert.equal((await report).results[0].state, 'skipped');
  });
});

function toArray(collection: vscode.TestItemCollection): vscode.TestItem[] {
  const items: vscode.TestItem[] = [];
  collection.forEach((child) => items.push(child));
  return items;
}

async function untilMainTurns(loopback: AnthropicLoopback, count: number): Promise<void> {
  while (loopback.requests.filter(isMainTurn).length < count) await new Promise((resolve) => setTimeout(resolve, 20));
}
