// The plugin agents folders the extension shows and checks: plugins being written in the workspace (a plugin.json, or
// a marketplace listing them) and the plugins the user installed and enabled.
import * as nodePath from 'node:path';
import type { AgentFolder } from '../../engine/formats/agentFiles';
import { findPluginFolders, installedPlugins, type PluginFolder } from './pluginDiscovery';

const IGNORED_DIRECTORIES = new Set(['node_modules', '.git']);
/** How deep below a workspace folder plugins are looked for: a marketplace's `plugins/<name>/` is two levels down. */
const MAX_PLUGIN_DEPTH = 4;

/**
 * The agent folder of a plugin: its `agents/` folder, scanned; or, when plugin.json lists the agent files, the plugin
 * root with exactly those files (Claude Code then ignores `agents/`).
 */
function agentsFolderOf(plugin: PluginFolder, project: string | undefined, installedId?: string): AgentFolder | undefined {
  const listed = plugin.listedAgentFiles;
  const path = listed ? plugin.root : plugin.agentsFolder;
  if (!path) return undefined;
  return {
    path, scope: 'plugin', format: 'claude-code', recursive: !listed, ...(listed ? { files: listed } : {}), ...(project ? { project } : {}),
    plugin: { name: plugin.name ?? plugin.displayName, root: plugin.root, loads: plugin.name !== undefined, ...(installedId ? { installedId } : {}) },
  };
}

export function pluginAgentFolders(workspaceFolders: readonly string[], homeDirectory: string): AgentFolder[] {
  const folders: AgentFolder[] = [];
  for (const project of workspaceFolders) {
    for (const plugin of findPluginFolders(project, IGNORED_DIRECTORIES, undefined, MAX_PLUGIN_DEPTH)) {
      const folder = agentsFolderOf(plugin, project);
      if (folder) folders.push(folder);
    }
  }
  const inWorkspace = new Set(folders.map((folder) => nodePath.resolve(folder.path)));
  for (const plugin of installedPlugins(homeDirectory, workspaceFolders)) {
    if (!plugin.enabled) continue;
    const folder = agentsFolderOf(plugin, undefined, plugin.id);
    // A plugin installed from a marketplace in the workspace is the same folder: shown once, as installed.
    if (folder && inWorkspace.has(nodePath.resolve(folder.path))) {
      const index = folders.findIndex((candidate) => nodePath.resolve(candidate.path) === nodePath.resolve(folder.path));
      folders.splice(index, 1);
    }
    if (folder) folders.push(folder);
  }
  return folders;
}
