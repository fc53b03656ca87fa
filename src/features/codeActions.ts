// Quick fixes for Agent Studio's own diagnostics (the engine's fixes, as computed for the document's current text) and a
// "Fix all agent problems" source action that applies each preferred fix once.
import * as vscode from 'vscode';
import { fixAllEdits } from '../core/fixAll';
import type { Diagnostic, Fix } from '../core/types';
import { diagnosticKey, DIAGNOSTIC_SOURCE, toVscodeDiagnostic, type AgentDiagnosticComputer } from './diagnostics';
import { agentFileSelector } from './agentFileSelector';
import { toVscodeTextEdit } from './vscodeRanges';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('agentStudio');

export class AgentCodeActionProvider implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly computer: AgentDiagnosticComputer) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const engineDiagnostics = this.computer.compute(document.uri, document.getText());
    if (!engineDiagnostics) return [];
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
    const actions: vscode.CodeAction[] = [];
    if (wants(vscode.CodeActionKind.QuickFix)) {
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
        for (const fix of fixesFor(diagnostic, engineDiagnostics)) actions.push(quickFix(document, diagnostic, fix));
      }
    }
    if (context.only && wants(FIX_ALL_KIND)) {
      const fixAll = fixAllAction(document, engineDiagnostics);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }
}

/** The engine's fixes for a diagnostic the editor hands back, matched by code, range and message. */
function fixesFor(diagnostic: vscode.Diagnostic, engineDiagnostics: readonly Diagnostic[]): Fix[] {
  const key = diagnosticKey(diagnostic);
  return engineDiagnostics.filter((candidate) => candidate.fix && diagnosticKey(toVscodeDiagnostic(candidate)) === key).map((candidate) => candidate.fix!);
}

function quickFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, fix: Fix): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.isPreferred ?? false;
  action.edit = new vscode.WorkspaceEdit();
  action.edit.set(document.uri, fix.edits.map(toVscodeTextEdit));
  return action;
}

function fixAllAction(document: vscode.TextDocument, engineDiagnostics: readonly Diagnostic[]): vscode.CodeAction | undefined {
  const edits = fixAllEdits(engineDiagnostics);
  if (edits.length === 0) return undefined;
  const action = new vscode.CodeAction(vscode.l10n.t('Fix all agent problems'), FIX_ALL_KIND);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.set(document.uri, edits.map(toVscodeTextEdit));
  return action;
}

export function registerCodeActions(context: vscode.ExtensionContext, computer: AgentDiagnosticComputer): void {
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider(agentFileSelector, new AgentCodeActionProvider(computer), {
    providedCodeActionKinds: AgentCodeActionProvider.providedCodeActionKinds,
  }));
}
