// Hovers in agent front matter: the schema's documentation for keys, enumerated values and tool names.
import vscode = require('vscode');
import { hoverFrontmatter } from '../../engine/language/hover';
import type { AgentCatalogService } from '../catalog/agentCatalogService';
import { fromVscodePosition, toVscodeRange } from '../base/vscodeRanges';
import { agentFileSelector } from '../base/agentFileSelector';

export class AgentHoverProvider implements vscode.HoverProvider {
  constructor(private readonly service: AgentCatalogService) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const folder = this.service.agentFolderOf(document.uri);
    if (!folder) return undefined;
    const hover = hoverFrontmatter(document.getText(), fromVscodePosition(position), folder.format);
    return hover && new vscode.Hover(new vscode.MarkdownString(hover.markdown), toVscodeRange(hover.range));
  }
}

export function registerHovers(context: vscode.ExtensionContext, service: AgentCatalogService): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider(agentFileSelector, new AgentHoverProvider(service)));
}
