// Agent folders and agent file names: which files in an agent folder are agents, and the names their file names give.
import type { AgentFormatId } from '../types';

export type AgentScope = 'project' | 'user';

export interface AgentFolder {
  /** Absolute folder holding agent files, e.g. `/repo/.claude/agents`. */
  path: string;
  scope: AgentScope;
  format: AgentFormatId;
  /** The workspace folder (project) this belongs to; absent for user folders. */
  project?: string;
  /** Copilot's `.github/agents` is flat; Claude Code's folders are searched recursively. */
  recursive: boolean;
}

/** `.agent.md`, `.chatmode.md` or `.md`: the end of a file name that says which tool reads it. */
export function agentFileSuffix(path: string): string {
  return /(\.agent|\.chatmode)?\.md$/i.exec(path)?.[0] ?? '';
}

/** The file name without that suffix: the name Copilot gives an agent without a `name`. */
export function agentFileNameBase(path: string): string {
  const fileName = path.split(/[\\/]/).pop()!;
  return fileName.slice(0, fileName.length - agentFileSuffix(fileName).length);
}

/** Whether a file in an agent folder is read as an agent: every `*.md` (case-sensitive), `*.agent.md` included. */
export function isAgentFileName(fileName: string): boolean {
  return fileName.endsWith('.md');
}
