// Agent folders and agent file names: which files in an agent folder are agents, and the names their file names give.
import type { AgentFormatId } from '../types';

export type AgentScope = 'project' | 'user' | 'plugin';

/** A Claude Code plugin's agents folder: its files load as `<name>:<agent>`, by the plugin loader's rules. */
export interface AgentFolderPlugin {
  /** The plugin's name, the namespace of its agents. */
  name: string;
  /** The plugin's root (the folder holding `.claude-plugin/`). */
  root: string;
  /** `plugin@marketplace` when the user installed it (its rows are read-only); absent for a plugin being written. */
  installedId?: string;
  /** False when Claude Code rejects the plugin's manifest: none of its agents load. */
  loads: boolean;
}

export interface AgentFolder {
  /** Absolute folder holding agent files, e.g. `/repo/.claude/agents`. */
  path: string;
  scope: AgentScope;
  format: AgentFormatId;
  /** The workspace folder (project) this belongs to; absent for user folders. */
  project?: string;
  /** Copilot's `.github/agents` is flat; Claude Code's folders are searched recursively. */
  recursive: boolean;
  /** Set for a plugin's agents folder (scope `plugin`). */
  plugin?: AgentFolderPlugin;
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
