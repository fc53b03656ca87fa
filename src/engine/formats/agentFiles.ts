// Agent folders: where a format's agent files are read from, for whom, and for which plugin.
import { isAgentFileName, isPluginAgentFileName } from './agentFileNames';
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
  /**
   * When set, the folder's agents are exactly these absolute paths, in the order listed, and nothing is scanned: a
   * plugin whose plugin.json lists its agent files (`agents`), which Claude Code reads instead of `agents/` (`path`
   * is then the plugin's root). Listed files that do not exist yet are here too, so they count once they appear.
   */
  files?: readonly string[];
}
/**
 * Whether `path` is one of the folder's agent files: a listed file of a folder that lists them, else an agent file
 * name directly in the folder or (for recursive folders) at any depth below it.
 */
export function isAgentFileOf(folder: AgentFolder, path: string): boolean {
  return folderCovers(folder, path) && (folder.files !== undefined || isAgentFileNameIn(folder, path.split(/[\\/]/).pop()!));
}

/** Whether a file of this folder is an agent by its name: plugin folders follow the plugin loader's rule. */
export function isAgentFileNameIn(folder: AgentFolder, fileName: string): boolean {
  return folder.scope === 'plugin' ? isPluginAgentFileName(fileName) : isAgentFileName(fileName);
}

/**
 * Whether `path` lies where the folder's agent files are (a folder below a recursive one included): listed files
 * only, for a folder that lists them.
 */
export function folderCovers(folder: AgentFolder, path: string): boolean {
  if (folder.files) return folder.files.includes(path);
  const prefix = withTrailingSeparator(folder.path);
  return path.startsWith(prefix) && (folder.recursive || !/[\\/]/.test(path.slice(prefix.length)));
}

/** `dir` + its separator, so `agents` never matches `agents-old` as a prefix. */
export function withTrailingSeparator(directory: string): string {
  // A path without any `/` is a Windows path: the catalog holds paths as the platform spells them.
  const separator = directory.includes('/') ? '/' : '\\';
  return directory.endsWith('/') || directory.endsWith(separator) ? directory : directory + separator;
}
