// Quick fixes for Agent Studio's own diagnostics (each diagnostic carries the engine's fixes, preferred first) and a
// "Fix all agent problems" source action that applies each preferred fix once, when they are safe together.
import vscode = require('vscode');
import type { Fix, TextEdit } from '../../engine/types';
import { plainText } from '../base/plainText';
import { DIAGNOSTIC_SOURCE, engineDiagnosticOf, type AgentDiagnosticsManager } from './diagnostics';
import { toVscodeTextEdit } from '../base/vscodeRanges';
import { agentFileSelector } from '../base/agentFileSelector';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('agentStudio');

export class AgentCodeActionProvider implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly diagnostics: AgentDiagnosticsManager) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
    const actions: vscode.CodeAction[] = [];
    if (wants(vscode.CodeActionKind.QuickFix)) {
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
        for (const fix of engineDiagnosticOf(diagnostic, document)?.fixes ?? []) actions.push(quickFix(document, diagnostic, fix));
      }
    }
    if (context.only && wants(FIX_ALL_KIND)) {
      const fixAll = fixAllAction(document, this.diagnostics.computer.fixAllEdits(document.uri, document.getText()) ?? []);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }
}

function quickFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, fix: Fix): vscode.CodeAction {
  // The light bulb's menu shows titles as plain text: `code` spans would show their backticks.
  const action = new vscode.CodeAction(plainText(fix.title), vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.isPreferred ?? false;
  action.edit = new vscode.WorkspaceEdit();
  action.edit.set(document.uri, fix.edits.map(toVscodeTextEdit));
  return action;
}

function fixAllAction(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.CodeAction | undefined {
  if (edits.length === 0) return undefined;
  const action = new vscode.CodeAction(vscode.l10n.t('Fix all agent problems'), FIX_ALL_KIND);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.set(document.uri, edits.map(toVscodeTextEdit));
  return action;
}

export function registerCodeActions(context: vscode.ExtensionContext, diagnostics: AgentDiagnosticsManager): void {
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider(agentFileSelector, new AgentCodeActionProvider(diagnostics), {
    providedCodeActionKinds: AgentCodeActionProvider.providedCodeActionKinds,
  }));
}
