// The one document selector every editor feature for agent files registers with, so none misses a language id.
import type * as vscode from 'vscode';
import { vscodeAgentModeLanguage } from '../language/vscodeAgentMode';

/**
 * The language ids VS Code opens agent files in: `markdown` (VS Code before 1.110, and files it does not claim, such as
 * `.claude/agents/sub/x.md`), and `chatagent`, the "Agent" mode that VS Code's built-in prompt-basics gives
 * `.claude/agents/*.md`, `.github/agents/*.md` and `*.agent.md` (seen in 1.139.1). An id VS Code does not know matches nothing.
 */
export const agentFileLanguages = ['markdown', vscodeAgentModeLanguage] as const;

/**
 * Files on disk in those languages. Which of them are agent files is decided per document by the catalog's agent folders
 * (`AgentCatalogService.agentFolderOf`), since those include the user's home folder and projects nested in the workspace.
 */
export const agentFileSelector: vscode.DocumentFilter[] = agentFileLanguages.map((language) => ({ language, scheme: 'file' }));
