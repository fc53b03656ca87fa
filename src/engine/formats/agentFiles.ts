// Agent folders: where a format's agent files are read from, for whom, and for which plugin.
import type { AgentFormatId } from './registry';

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
