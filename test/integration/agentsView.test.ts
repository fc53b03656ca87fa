// The Agents view: the seed agents as Claude Code sees them, and files appearing, leaving and being renamed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { AgentStudioApi } from '../../src/extension';
import { agentPath, agentStudioApi, closeAllEditors, codeAction, codeOf, inWorkspace, showWithDiagnostics, until } from './agentStudio';
import { browserAvailable, pressKey, takeScreenshot, visibleText } from './workbenchBrowser';

function projectRows(api: AgentStudioApi) {
  return api.agentsView.snapshot().find((group) => group.children.some((row) => row.path.startsWith(inWorkspace('.claude', 'agents'))))?.children ?? [];
}

function row(api: AgentStudioApi, fileName: string) {
  return projectRows(api).find((candidate) => candidate.path === agentPath(fileName));
}

describe('Agents view', () => {
  let api: AgentStudioApi;

  before(async () => {
    api = await agentStudioApi();
  });

  afterEach(closeAllEditors);

  it('lists the four seed agents Claude Code loads and shows the fifth as skipped, with the reason', () => {
    for (const [file, name] of [
      ['appwrite-backend-expert.md', 'appwrite-backend-expert'],
      ['backend-architecture-expert.md', 'backend-architecture-expert'],
      ['backend-architect.md', 'backend-architect'],
      ['backend-specialist.md', 'backend-specialist'],
    ]) {
      const shown = row(api, file);
      assert.ok(shown, `${file} is listed`);
      assert.equal(shown.label, name);
      assert.equal(shown.contextValue, 'agentFile.loaded');
      assert.match(shown.description, /1 warning · Use this agent/);
      assert.match(shown.tooltip, /Path: `.*\.md`/);
    }
    const skipped = row(api, 'backend-architect-no-frontmatter.md');
    assert.ok(skipped, 'the seed without front matter is listed');
    assert.equal(skipped.contextValue, 'agentFile.skipped');
    assert.match(skipped.description, /^skipped: it has no front matter/);
    assert.equal(row(api, 'README.md'), undefined, 'a README without front matter is no agent and no problem');
  });

  it('offers a quick fix that writes the skipped seed\'s front matter from its heading', async () => {
    const uri = vscode.Uri.file(agentPath('backend-architect-no-frontmatter.md'));
    const [diagnostic] = await showWithDiagnostics(uri);
    assert.equal(codeOf(diagnostic), 'agent/missing-frontmatter');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    const fix = await codeAction(uri, diagnostic.range, vscode.CodeActionKind.QuickFix, (action) => action.title === 'Add front matter (name: backend-architect)');
    assert.equal(fix.isPreferred, true);
  });

  it('shows a file written to .claude/agents/ outside VS Code within a second, and drops it when deleted', async () => {
    const target = agentPath('created-on-disk.md');
    let started = Date.now();
    fs.copyFileSync(inWorkspace('cases', 'created-on-disk.md'), target);
    const added = await until(api.agentsView.onDidChangeTreeData, () => row(api, 'created-on-disk.md'), 'the new file in the view');
    const addedAfter = Date.now() - started;
    assert.equal(added.label, 'created-on-disk');
    assert.ok(addedAfter < 1000, `shown after ${addedAfter} ms`);

    started = Date.now();
    fs.rmSync(target);
    await until(api.agentsView.onDidChangeTreeData, () => (row(api, 'created-on-disk.md') ? undefined : true), 'the deleted file to leave the view');
    const removedAfter = Date.now() - started;
    assert.ok(removedAfter < 1000, `removed after ${removedAfter} ms`);
  });

  it('updates the row of a file edited outside VS Code, and only that row', async () => {
    const target = agentPath('edited-on-disk.md');
    fs.copyFileSync(inWorkspace('cases', 'created-on-disk.md'), target);
    await until(api.agentsView.onDidChangeTreeData, () => row(api, 'edited-on-disk.md'), 'the new file in the view');
    const redrawn: unknown[] = [];
    const subscription = api.agentsView.onDidChangeTreeData((elements) => redrawn.push(elements));
    try {
      fs.writeFileSync(target, fs.readFileSync(target, 'utf8').replace('Appears in the Agents view', 'Edited outside VS Code'));
      await until(api.agentsView.onDidChangeTreeData, () => (row(api, 'edited-on-disk.md')?.description.startsWith('Edited outside') ? true : undefined), 'the edited description');
      const described = redrawn.map((elements) => (Array.isArray(elements) ? elements.map((element) => String((element as { label?: unknown }).label)).join(', ') : String(elements)));
      assert.ok(redrawn.every((elements) => Array.isArray(elements) && elements.length === 1), `only the changed row was redrawn: ${described.join(' | ')}`);
    } finally {
      subscription.dispose();
      fs.rmSync(target);
    }
  });

  it('renames an agent through the view: its file and its name together', async () => {
    const original = agentPath('rename-me.md');
    fs.copyFileSync(inWorkspace('cases', 'renamed-through-view.md'), original);
    await until(api.agentsView.onDidChangeTreeData, () => row(api, 'rename-me.md'), 'the file to rename in the view');
    const item = api.agentsView.itemFor(original);
    assert.ok(item);
    const renamed = await vscode.commands.executeCommand<vscode.Uri>('agentStudio.renameAgent', item, 'renamed-agent');
    assert.equal(renamed.fsPath, agentPath('renamed-agent.md'));
    assert.equal(fs.existsSync(original), false, 'the old file is gone');
    assert.match(fs.readFileSync(renamed.fsPath, 'utf8'), /^---\nname: renamed-agent\ndescription: Renamed through/);
    const shown = await until(api.agentsView.onDidChangeTreeData, () => row(api, 'renamed-agent.md'), 'the renamed agent in the view');
    assert.equal(shown.label, 'renamed-agent');
    assert.equal(row(api, 'rename-me.md'), undefined);
    await vscode.workspace.fs.delete(renamed);
  });

  it('duplicates and renames a Copilot agent as a Copilot agent: the .agent.md suffix stays', async () => {
    const planner = inWorkspace('.github', 'agents', 'planner.agent.md');
    api.agentsView.getChildren().forEach((group) => api.agentsView.getChildren(group));
    const item = api.agentsView.itemFor(planner);
    assert.ok(item, 'the view shows planner.agent.md');
    const copy = await vscode.commands.executeCommand<vscode.Uri>('agentStudio.duplicateAgent', item, 'planner-copy');
    assert.equal(copy.fsPath, inWorkspace('.github', 'agents', 'planner-copy.agent.md'));
    await until(api.catalog.onDidChange, () => api.catalog.current.get(copy.fsPath), 'the copy in the catalog');
    const renamed = await vscode.commands.executeCommand<vscode.Uri>('agentStudio.renameAgent', api.agentsView.itemFor(copy.fsPath), 'designer');
    assert.equal(renamed.fsPath, inWorkspace('.github', 'agents', 'designer.agent.md'));
    const entry = await until(api.catalog.onDidChange, () => api.catalog.current.get(renamed.fsPath), 'the renamed copy in the catalog');
    assert.equal(entry.result.format, 'copilot');
    assert.equal(entry.result.agent?.name, 'designer');
    await closeAllEditors();
    await vscode.workspace.fs.delete(renamed);
  });

  it('keeps Duplicate, Rename and New Agent inside the agent\'s folder whatever the name says, and says why', async () => {
    const hostile = agentPath('path-in-name.md');
    const outside = inWorkspace('.github', 'workflows');
    fs.writeFileSync(hostile, '---\nname: "../../.github/workflows/ci"\ndescription: Its name is a path\n---\nBody\n');
    try {
      await until(api.agentsView.onDidChangeTreeData, () => row(api, 'path-in-name.md'), 'the agent with a path for a name');
      // Duplicate names the copy after the file when the agent's name cannot be a file name here.
      // Duplicate asks for the copy's name, proposing one: accepted as proposed (scripts without a browser pass it).
      const duplicating = vscode.commands.executeCommand<vscode.Uri>('agentStudio.duplicateAgent', api.agentsView.itemFor(hostile), ...(browserAvailable() ? [] : ['path-in-name-copy']));
      if (browserAvailable()) {
        await visibleText('.quick-input-widget .quick-input-message');
        await pressKey('Enter');
      }
      const copy = await duplicating;
      assert.equal(copy.fsPath, agentPath('path-in-name-copy.md'));
      assert.equal(fs.existsSync(outside), false, 'nothing written to .github/workflows');
      await closeAllEditors();
      await vscode.workspace.fs.delete(copy);

      await vscode.commands.executeCommand('notifications.clearAll');
      const renamed = await vscode.commands.executeCommand<vscode.Uri | undefined>('agentStudio.renameAgent', api.agentsView.itemFor(hostile), '../../escaped');
      assert.equal(renamed, undefined);
      assert.equal(fs.existsSync(inWorkspace('escaped.md')), false);
      assert.ok(fs.existsSync(hostile), 'the file is not renamed');
      if (browserAvailable()) assert.match(await visibleText('.notifications-toasts .notification-list-item-message'), /no '\/' or '\\'/);

      await vscode.commands.executeCommand('notifications.clearAll');
      const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('agentStudio.newAgent', {
        name: 'aux', description: 'A reserved device name on Windows', scope: 'project', model: 'sonnet', tools: [], color: 'blue',
      });
      assert.equal(created, undefined);
      assert.equal(fs.existsSync(agentPath('aux.md')), false);
      if (browserAvailable()) assert.match(await visibleText('.notifications-toasts .notification-list-item-message'), /Windows reserves/);
    } finally {
      fs.rmSync(hostile, { force: true });
    }
  });

  it('creates a new agent the engine loads without a problem, and opens it', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri>('agentStudio.newAgent', {
      name: 'api-designer', description: 'Use when: designing a REST API #now', scope: 'project', model: 'opus', tools: ['Read', 'WebFetch'], color: 'purple',
    });
    assert.equal(created.fsPath, agentPath('api-designer.md'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, created.fsPath);
    const entry = api.catalog.current.get(created.fsPath);
    assert.ok(entry?.result.loads, 'Claude Code would load it');
    assert.deepEqual(entry.result.diagnostics, []);
    assert.equal(row(api, 'api-designer.md')?.label, 'api-designer');
    await vscode.workspace.fs.delete(created);
  });

  it('shows the view (screenshot)', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.agentStudio');
    await vscode.commands.executeCommand('agentStudio.agents.focus');
    const item = api.agentsView.itemFor(agentPath('backend-specialist.md'));
    assert.ok(item);
    await vscode.window.showTextDocument(item.uri, { preview: true, preserveFocus: true });
    await api.agentsTreeView.reveal(item, { select: true, focus: true });
    await takeScreenshot('agents-view-seeds');
  });
});
