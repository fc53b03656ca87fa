// "Run agent" above an agent file's front matter: runs the file as the editor has it, saved or not. Not shown in
// Restricted Mode, where agents do not run; it appears once the workspace is trusted.
import * as vscode from 'vscode';
import type { AgentCatalogService } from '../agentCatalogService';

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
    if (!vscode.workspace.isTrusted || !this.catalog.agentFolderOf(document.uri)) return [];
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
      title: `$(play) ${vscode.l10n.t('Run agent')}`,
      tooltip: vscode.l10n.t('Send a prompt to this agent as it is in the editor, saved or not'),
      command: 'agentStudio.runAgent',
      arguments: [document.uri],
    })];
  }
}

export function registerRunAgentCodeLens(context: vscode.ExtensionContext, catalog: AgentCatalogService): void {
  context.subscriptions.push(vscode.languages.registerCodeLensProvider({ language: 'markdown', scheme: 'file' }, new RunAgentCodeLensProvider(catalog)));
}
