// Completions in agent front matter: keys, enumerated values and tool names, from the schema via src/engine/language/completion.ts.
import vscode = require('vscode');
import { completeFrontmatter, type CompletionItem } from '../../engine/language/completion';
import { completeDescriptionExamples } from '../../engine/language/exampleSnippets';
import { agentColorSwatch } from '../base/agentColors';
import type { AgentCatalogService } from '../catalog/agentCatalogService';
import { fromVscodePosition, toVscodeRange } from '../base/vscodeRanges';
import { agentFileSelector } from '../base/agentFileSelector';
import { vscodeOffers } from './vscodeAgentMode';

const kinds: Record<CompletionItem['kind'], vscode.CompletionItemKind> = {
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  tool: vscode.CompletionItemKind.Function,
  snippet: vscode.CompletionItemKind.Snippet,
};

export class AgentCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly service: AgentCatalogService) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const folder = this.service.agentFolderOf(document.uri);
    if (!folder) return [];
    const text = document.getText();
    // In VS Code's Agent mode, what it completes itself is not offered a second time.
    const cursor = fromVscodePosition(position);
    const items = completeFrontmatter(text, cursor, folder.format).filter((item) => !vscodeOffers(item, { languageId: document.languageId, fileName: document.uri.fsPath, text, lineText: document.lineAt(position.line).text }, folder.format, cursor));
    if (folder.format === 'claude-code') items.push(...completeDescriptionExamples(text, cursor));
    return items.map((item) => {
      const swatch = item.kind === 'value' && item.detail === 'color' ? agentColorSwatch(item.label) : undefined;
      const completion = new vscode.CompletionItem(item.label, swatch ? vscode.CompletionItemKind.Color : kinds[item.kind]);
      completion.detail = item.detail;
      // The suggest widget draws a colour item's swatch from a plain-string documentation that ends in the colour.
      completion.documentation = swatch ? `${item.documentation} ${swatch}` : new vscode.MarkdownString(item.documentation);
      completion.insertText = item.isSnippet ? new vscode.SnippetString(item.insertText) : item.insertText;
      completion.range = toVscodeRange(item.range);
      completion.sortText = item.sortText;
      if (item.filterText !== undefined) completion.filterText = item.filterText;
      // The engine indents each line of a snippet for the `|` block it goes in; VS Code would indent them again.
      if (item.kind === 'snippet') completion.keepWhitespace = true;
      return completion;
    });
  }
}

export function registerCompletions(context: vscode.ExtensionContext, service: AgentCatalogService): void {
  context.subscriptions.push(vscode.languages.registerCompletionItemProvider(agentFileSelector, new AgentCompletionProvider(service), ':', ',', '[', '-', ' '));
}
