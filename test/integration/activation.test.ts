// The extension activates in a workspace with .claude/agents/, registers what its manifest declares, and shows its views.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { takeScreenshot } from './workbenchBrowser';

const extensionId = 'agent-studio.agent-studio';

interface Manifest {
  contributes?: {
    commands?: { command: string }[];
    viewsContainers?: Record<string, { id: string }[]>;
    views?: Record<string, { id: string }[]>;
  };
}

function agentStudio(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `${extensionId} is not installed in the test instance`);
  return extension;
}

function manifest(): Manifest {
  return agentStudio().packageJSON as Manifest;
}

describe('activation', () => {
  it('activates by itself in a workspace that has .claude/agents/', () => {
    // The runner starts the suite on onStartupFinished, which VS Code fires after the workspaceContains activations.
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.ok(folders.length > 0, 'the test instance has a workspace folder open');
    assert.equal(agentStudio().isActive, true, 'activated by workspaceContains:.claude/agents/**/*.md');
  });

  it('registers every command declared in package.json', async () => {
    await agentStudio().activate();
    const declared = (manifest().contributes?.commands ?? []).map((entry) => entry.command);
    assert.ok(declared.length > 0, 'package.json contributes.commands is empty');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(declared.filter((command) => !registered.has(command)), [], 'declared but not registered');
  });

  it('shows the agentStudio view container and focuses the Agents view', async () => {
    const containers = Object.values(manifest().contributes?.viewsContainers ?? {}).flat();
    assert.ok(containers.some((container) => container.id === 'agentStudio'), 'viewsContainers declares agentStudio');
    const views = Object.values(manifest().contributes?.views ?? {}).flat();
    assert.ok(views.some((view) => view.id === 'agentStudio.agents'), 'views declares agentStudio.agents');

    // Both commands exist only when the workbench registered the container and the view, so success is the check.
    await vscode.commands.executeCommand('workbench.view.extension.agentStudio');
    await vscode.commands.executeCommand('agentStudio.agents.focus');
    await takeScreenshot('agents-view');
  });
});
