// What the integration tests share: Agent Studio's test API, the workspace's paths, and waiting on events with a bound.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AgentStudioApi } from '../../src/extension';

export async function agentStudioApi(): Promise<AgentStudioApi> {
  const extension = vscode.extensions.getExtension<AgentStudioApi>('agent-studio.agent-studio');
  assert.ok(extension, 'Agent Studio is installed');
  const api = await extension.activate();
  await api.catalog.ready;
  return api;
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri.fsPath;
}

export function inWorkspace(...segments: string[]): string {
  return path.join(workspaceRoot(), ...segments);
}

export function agentPath(fileName: string): string {
  return inWorkspace('.claude', 'agents', fileName);
}

/**
 * Resolves once `check` returns a value other than undefined: at once, or after one of `event`'s firings. Rejects after
 * `timeoutMs` (a bound on a failing test, never a pause: a passing test does not wait for it).
 */
export function until<T, E>(event: vscode.Event<E>, check: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const finish = (outcome: { value: T } | Error) => {
      subscription.dispose();
      clearTimeout(timer);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome.value);
    };
    const attempt = () => {
      try {
        const value = check();
        if (value !== undefined) finish({ value });
      } catch (error) {
        finish(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const subscription = event(attempt);
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    attempt();
  });
}

export function diagnosticsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'agent-studio');
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

/** Waits until Agent Studio's diagnostics for a file satisfy `check`. */
export function untilDiagnostics(uri: vscode.Uri, check: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return until(vscode.languages.onDidChangeDiagnostics, () => {
    const diagnostics = diagnosticsOf(uri);
    return check(diagnostics) ? diagnostics : undefined;
  }, what, timeoutMs);
}

/** Opens a file in an editor and resolves with the diagnostics Agent Studio publishes for its live text. */
export async function showWithDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  // Already open (VS Code 1.139 opens agent files itself, for its own agent list): its live diagnostics are current.
  if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())) {
    await vscode.window.showTextDocument(uri);
    return diagnosticsOf(uri);
  }
  // Subscribed before opening: publishing on open is the event that says the editor's diagnostics are current.
  let published = false;
  const forThisFile: vscode.Event<void> = (listener) => vscode.languages.onDidChangeDiagnostics((event) => {
    if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
    published = true;
    listener();
  });
  const diagnostics = until(forThisFile, () => (published ? diagnosticsOf(uri) : undefined), `diagnostics for ${uri.fsPath}`);
  await vscode.window.showTextDocument(uri);
  return diagnostics;
}

export async function closeAllEditors(): Promise<void> {
  // An editor a test left with unsaved changes would stop every later test at a "save changes?" dialog.
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty && candidate.uri.scheme === 'file')) {
    // VS Code refuses to show an editor while another one is opening ("another editor opened in the meantime"): the
    // settings.json that a configuration update is writing, say. Asked again, it shows it.
    for (let attempt = 1; ; attempt++) {
      try {
        await vscode.window.showTextDocument(document);
        break;
      } catch (error) {
        if (attempt === 3 || document.isClosed || !document.isDirty) throw error;
      }
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * The first code action matching `wanted`. Asked again (a bounded number of times) while it is missing: right after a
 * Markdown file opens, the built-in Markdown language server is still starting and VS Code cancels or empties the first
 * requests of every provider; each attempt is a full request, never a pause.
 */
export async function codeAction(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind, wanted: (action: vscode.CodeAction) => boolean): Promise<vscode.CodeAction> {
  let titles: string[] = [];
  for (let attempt = 1; attempt <= 50; attempt++) {
    try {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind.value);
      const found = actions.find(wanted);
      if (found) return found;
      titles = actions.map((action) => action.title);
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'Canceled') throw error;
    }
  }
  throw new Error(`no such code action among: ${titles.join(', ') || 'none'}`);
}
