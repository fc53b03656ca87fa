// "Run agent" above an agent file's front matter: runs the file as the editor has it, saved or not. A file the tool
// would skip gets the reason instead, linking to Problems, rather than a run that can only fail. Not shown in
// Restricted Mode, where agents do not run; it appears once the workspace is trusted.
import vscode = require('vscode');
import { lintAgentFile } from '../../engine/lint/lint';
import type { AgentCatalogService } from '../catalog/agentCatalogService';
import { agentFileSelector } from '../base/agentFileSelector';

/** A lens title is one line; long messages are cut. */
function firstLine(message: string): string {
  const line = message.split('\n')[0];
  return line.length > 100 ? `${line.slice(0, 97)}...` : line;
}

export class RunAgentCodeLensProvider implements vscode.CodeLensProvider {
  /** Agent folders come and go with workspace folders, and trust can be granted: the lens follows both. */
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly catalog: AgentCatalogService) {
    this.onDidChangeCodeLenses = (listener, thisArg, disposables) => {
      const subscriptions = [
        catalog.onDidChange(() => listener.call(thisArg)),
        vscode.workspace.onDidGrantWorkspaceTrust(() => listener.call(thisArg)),
      ];
      const both = vscode.Disposable.from(...subscriptions);
      disposables?.push(both);
      return both;
    };
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const folder = this.catalog.agentFolderOf(document.uri);
    if (!vscode.workspace.isTrusted || !folder) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    // The editor's text, as a run would read it (a lint is well under a millisecond).
    const lint = lintAgentFile(document.getText(), { path: document.uri.fsPath, format: folder.format, profile: this.catalog.current.profileOf(folder.format), fixChecks: 'onFirstRead' });
    if (!lint.loads) {
      const firstError = lint.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
      const reason = firstError ? firstLine(firstError.message) : vscode.l10n.t('the tool would skip this file');
      return [new vscode.CodeLens(top, {
        title: `$(circle-slash) ${vscode.l10n.t('Cannot run: {0}', reason)}`,
        tooltip: vscode.l10n.t('Fix the errors in this file to run it; they are listed in Problems'),
        command: 'workbench.actions.view.problems',
      })];
    }
    return [new vscode.CodeLens(top, {
      title: `$(play) ${vscode.l10n.t('Run agent')}`,
      tooltip: vscode.l10n.t('Send a prompt to this agent as it is in the editor, saved or not'),
      command: 'agentStudio.runAgent',
      arguments: [document.uri],
    })];
  }
}

export function registerRunAgentCodeLens(context: vscode.ExtensionContext, catalog: AgentCatalogService): void {
  context.subscriptions.push(vscode.languages.registerCodeLensProvider(agentFileSelector, new RunAgentCodeLensProvider(catalog)));
}
