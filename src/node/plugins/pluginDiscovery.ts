// Claude Code plugins on disk: plugin roots in a repository or marketplace, their agent files, and the plugins a user
// has installed and enabled (~/.claude/plugins, `enabledPlugins` in the settings files). Measured with the real CLI;
// see docs/claude-code-plugins.md.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { missingManifestAgents, readPluginManifest, unlistedAgentsFolderFiles, type PluginManifest } from '../../engine/formats/claudeCode/plugins/pluginManifest';
import { DEFAULT_PLUGIN_PROFILE, type PluginLoaderProfile } from '../../engine/formats/claudeCode/profiles/pluginLoader';
import type { Diagnostic } from '../../engine/types';
import { readAgentFile } from '../agentFileReading';
import { agentFilesBelow, DirectoryVisits } from '../discovery';
import { isPluginAgentFileName } from '../../engine/formats/agentFileNames';

export const PLUGIN_MANIFEST = nodePath.join('.claude-plugin', 'plugin.json');
export const MARKETPLACE_MANIFEST = nodePath.join('.claude-plugin', 'marketplace.json');

export interface PluginAgentFile {
  path: string;
  /** Below the agents folder, `/`-separated: each folder is a part of the agent's full name. */
  relativePath: string;
  size: number;
}

export interface PluginFolder {
  root: string;
  /** The namespace of its agents; undefined when Claude Code rejects the plugin (then none of it loads). */
  name: string | undefined;
  /** The name to show even for a rejected plugin: the manifest's `name` when it is a string, else the folder's name. */
  displayName: string;
  manifestPath?: string;
  manifest?: PluginManifest;
  /** Problems of plugin.json, including `agents` paths that name nothing. */
  manifestDiagnostics: Diagnostic[];
  /** The folder scanned for agents, when the manifest does not list its agent files itself. */
  agentsFolder?: string;
  /** The agent files the manifest lists (absolute, in its order, present or not), which replace the agents/ scan. */
  listedAgentFiles?: string[];
  agentFiles: PluginAgentFile[];
  /** `plugin@marketplace`, for installed plugins. */
  id?: string;
}

/**
 * Reads one plugin root. `fallbackName` is the name when there is no plugin.json: the marketplace entry's name, or the
 * folder's name for `--plugin-dir`.
 */
export function readPluginFolder(root: string, options: { fallbackName?: string; profile?: PluginLoaderProfile } = {}): PluginFolder {
  const profile = options.profile ?? DEFAULT_PLUGIN_PROFILE;
  const manifestPath = nodePath.join(root, PLUGIN_MANIFEST);
  const manifestText = readSmallFile(manifestPath);
  const fallbackName = options.fallbackName ?? nodePath.basename(root);
  const folder: PluginFolder = { root, name: fallbackName, displayName: fallbackName, manifestDiagnostics: [], agentFiles: [] };
  if (manifestText !== undefined) {
    const { manifest, diagnostics, listedAgentFiles } = checkPluginManifest(root, manifestText, profile);
    folder.manifestPath = manifestPath;
    folder.manifest = manifest;
    folder.name = manifest.name;
    folder.manifestDiagnostics = diagnostics;
    folder.displayName = manifest.declaredName ?? fallbackName;
    if (listedAgentFiles) {
      folder.listedAgentFiles = listedAgentFiles;
      for (const path of listedAgentFiles) {
        const size = fileSize(path);
        if (size !== undefined) folder.agentFiles.push({ path, relativePath: nodePath.basename(path), size });
      }
      return folder;
    }
  }
  folder.agentsFolder = nodePath.join(root, 'agents');
  folder.agentFiles = listPluginAgentFiles(folder.agentsFolder);
  return folder;
}

/** A plugin.json checked against its plugin folder: the engine's findings in the text plus what only the disk says. */
export interface CheckedPluginManifest {
  manifest: PluginManifest;
  /** The engine's diagnostics of the text plus those about the files on disk. */
  diagnostics: Diagnostic[];
  /**
   * The absolute agent files an accepted manifest lists, in its order, whether they exist or not (Claude Code refuses
   * paths that leave the plugin, so those are left out); undefined when the plugin's `agents/` folder is scanned.
   */
  listedAgentFiles?: string[];
}

export function checkPluginManifest(root: string, text: string, profile: PluginLoaderProfile = DEFAULT_PLUGIN_PROFILE): CheckedPluginManifest {
  const manifest = readPluginManifest(text, profile);
  if (!manifest.agentPaths || !manifest.accepted) return { manifest, diagnostics: manifest.diagnostics };
  const agentsFolderFiles = listPluginAgentFiles(nodePath.join(root, 'agents')).map((file) => file.relativePath);
  return {
    manifest,
    diagnostics: [
      ...manifest.diagnostics,
      ...missingManifestAgents(text, manifest.agentPaths, (relative) => isFile(nodePath.join(root, relative))),
      ...unlistedAgentsFolderFiles(text, manifest.agentPaths, agentsFolderFiles),
    ],
    listedAgentFiles: manifest.agentPaths.map((agentPath) => nodePath.resolve(root, agentPath)).filter((path) => isInside(root, path)),
  };
}

/** Every `*.md` (any case) below a plugin's agents folder, at any depth, hidden ones included; symlinks followed once. */
export function listPluginAgentFiles(agentsFolder: string): PluginAgentFile[] {
  const found: PluginAgentFile[] = [];
  for (const file of agentFilesBelow(agentsFolder, { recursive: true, isAgentFile: isPluginAgentFileName })) {
    if (file && !file.unreadable) found.push({ path: file.path, relativePath: file.relativePath, size: file.size });
  }
  return found.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
}

export interface MarketplaceEntry {
  name: string;
  /** Absolute plugin root, for entries whose `source` is a relative path; other sources (GitHub, git URLs) are remote. */
  root?: string;
}

/** The plugins a `.claude-plugin/marketplace.json` lists; entries with remote sources have no `root`. */
export function readMarketplace(marketplaceRoot: string): { name?: string; entries: MarketplaceEntry[] } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readSmallFile(nodePath.join(marketplaceRoot, MARKETPLACE_MANIFEST)) ?? '');
  } catch {
    return undefined;
  }
  const marketplace = parsed as { name?: unknown; plugins?: unknown };
  if (!marketplace || typeof marketplace !== 'object' || !Array.isArray(marketplace.plugins)) return undefined;
  const entries: MarketplaceEntry[] = [];
  for (const plugin of marketplace.plugins as unknown[]) {
    const entry = plugin as { name?: unknown; source?: unknown };
    if (!entry || typeof entry.name !== 'string') continue;
    const source = entry.source;
    const root = typeof source === 'string' && (source.startsWith('./') || source === '.') ? nodePath.resolve(marketplaceRoot, source) : undefined;
    entries.push(root && isInside(marketplaceRoot, root, true) ? { name: entry.name, root } : { name: entry.name });
  }
  return { name: typeof marketplace.name === 'string' ? marketplace.name : undefined, entries };
}

/**
 * The plugins in a directory tree: every folder with `.claude-plugin/plugin.json`, and every local plugin a
 * marketplace manifest lists (those need no plugin.json). `ignoredDirectoryNames` (node_modules, .git) are not entered.
 */
export function findPluginFolders(directory: string, ignoredDirectoryNames: ReadonlySet<string>, profile?: PluginLoaderProfile, maxDepth = Infinity): PluginFolder[] {
  const roots = new Map<string, string | undefined>();
  // Symlink loops and links into /proc, /sys or /dev are not walked (see DirectoryVisits).
  const visits = new DirectoryVisits();
  const walk = (current: string, depth: number) => {
    if (depth > maxDepth || !visits.enter(current)) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    if (isFile(nodePath.join(current, MARKETPLACE_MANIFEST))) {
      for (const entry of readMarketplace(current)?.entries ?? []) if (entry.root && !roots.has(entry.root)) roots.set(entry.root, entry.name);
    }
    if (isFile(nodePath.join(current, PLUGIN_MANIFEST)) && !roots.has(current)) roots.set(current, undefined);
    for (const entry of entries) {
      if (ignoredDirectoryNames.has(entry.name) || entry.name === '.claude-plugin') continue;
      if (entry.isDirectory() || entry.isSymbolicLink()) walk(nodePath.join(current, entry.name), depth + 1);
    }
  };
  walk(directory, 0);
  return [...roots].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([root, name]) => readPluginFolder(root, { fallbackName: name, profile }));
}

/** The plugin whose agent files include `path`, searching upwards for a plugin.json beside an agents folder. */
export function enclosingPluginFolder(path: string, profile?: PluginLoaderProfile): PluginFolder | undefined {
  let directory = nodePath.dirname(nodePath.resolve(path));
  for (;;) {
    if (nodePath.basename(directory) !== '.claude-plugin' && isFile(nodePath.join(directory, PLUGIN_MANIFEST))) {
      const folder = readPluginFolder(directory, { profile });
      return folder.agentFiles.some((file) => file.path === nodePath.resolve(path)) ? folder : undefined;
    }
    const parent = nodePath.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** The plugin a folder lies in (itself, or the nearest folder above with `.claude-plugin/plugin.json`). */
export function pluginRootAbove(directory: string, profile?: PluginLoaderProfile): PluginFolder | undefined {
  let current = nodePath.resolve(directory);
  for (;;) {
    if (nodePath.basename(current) !== '.claude-plugin' && isFile(nodePath.join(current, PLUGIN_MANIFEST))) {
      return current === nodePath.resolve(directory) ? undefined : readPluginFolder(current, { profile });
    }
    const parent = nodePath.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * Where Claude Code keeps its user settings and plugins: `$CLAUDE_CONFIG_DIR` when set (both profiled versions then write
 * settings.json and plugins/ there), else `~/.claude`.
 */
export function claudeConfigDirectory(home: string, environment: Readonly<Record<string, string | undefined>> = process.env): string {
  const configured = environment.CLAUDE_CONFIG_DIR;
  return configured ? nodePath.resolve(configured) : nodePath.join(home, '.claude');
}

export interface InstalledPlugin extends PluginFolder {
  id: string;
  marketplace: string;
  enabled: boolean;
}

/**
 * The plugins installed for `home` (`~/.claude/plugins/installed_plugins.json`) and whether the settings enable them,
 * the later of these files winning: `~/.claude/settings.json`, then each project's `.claude/settings.json` and
 * `.claude/settings.local.json`. A plugin from a `directory` marketplace is read from that marketplace's folder, as
 * Claude Code does; any other from its copy under `~/.claude/plugins/cache/`.
 */
export function installedPlugins(home: string, projects: readonly string[] = [], profile?: PluginLoaderProfile, configDirectory: string = claudeConfigDirectory(home)): InstalledPlugin[] {
  const pluginsDirectory = nodePath.join(configDirectory, 'plugins');
  const installed = readJson(nodePath.join(pluginsDirectory, 'installed_plugins.json')) as { plugins?: Record<string, unknown> } | undefined;
  if (!installed?.plugins || typeof installed.plugins !== 'object') return [];
  const marketplaces = (readJson(nodePath.join(pluginsDirectory, 'known_marketplaces.json')) ?? {}) as Record<string, { source?: { source?: string }; installLocation?: string }>;
  const enabled = enabledPlugins([
    nodePath.join(configDirectory, 'settings.json'),
    ...projects.flatMap((project) => [nodePath.join(project, '.claude', 'settings.json'), nodePath.join(project, '.claude', 'settings.local.json')]),
  ]);
  const result: InstalledPlugin[] = [];
  for (const [id, installs] of Object.entries(installed.plugins)) {
    const at = id.lastIndexOf('@');
    if (at <= 0 || !Array.isArray(installs) || installs.length === 0) continue;
    const pluginName = id.slice(0, at);
    const marketplaceName = id.slice(at + 1);
    const install = installs[0] as { installPath?: unknown };
    const marketplace = Object.prototype.hasOwnProperty.call(marketplaces, marketplaceName) ? marketplaces[marketplaceName] : undefined;
    let root = typeof install.installPath === 'string' ? install.installPath : undefined;
    if (marketplace?.source?.source === 'directory' && typeof marketplace.installLocation === 'string') {
      const entry = readMarketplace(marketplace.installLocation)?.entries.find((candidate) => candidate.name === pluginName);
      if (entry?.root) root = entry.root;
    }
    if (!root) continue;
    const folder = readPluginFolder(root, { fallbackName: pluginName, profile });
    result.push({ ...folder, id, marketplace: marketplaceName, enabled: enabled.get(id) === true });
  }
  return result.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function enabledPlugins(settingsFiles: string[]): Map<string, boolean> {
  const enabled = new Map<string, boolean>();
  for (const file of settingsFiles) {
    const settings = readJson(file) as { enabledPlugins?: unknown } | undefined;
    const table = settings?.enabledPlugins;
    if (!table || typeof table !== 'object' || Array.isArray(table)) continue;
    for (const [id, value] of Object.entries(table)) if (typeof value === 'boolean') enabled.set(id, value);
  }
  return enabled;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readSmallFile(path) ?? '');
  } catch {
    return undefined;
  }
}

/** A manifest or settings file's text, read as carefully as an agent file: never a FIFO or device, never past 1 MiB. */
function readSmallFile(path: string): string | undefined {
  const read = readAgentFile(path);
  return 'text' in read ? read.text : undefined;
}

function isFile(path: string): boolean {
  try {
    return fs.statSync(path).isFile();
  } catch {
    return false;
  }
}

function fileSize(path: string): number | undefined {
  try {
    const stat = fs.statSync(path);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

function isInside(root: string, path: string, orSame = false): boolean {
  const relative = nodePath.relative(root, path);
  if (relative === '') return orSame;
  return !relative.startsWith('..') && !nodePath.isAbsolute(relative);
}
