// Every agent file known, what it defines, and which definition wins when two share a name.
// Updates are incremental: changing one file re-lints that file and re-ranks only the names it had and has.
import * as fs from 'node:fs/promises';
import * as nodePath from 'node:path';
import { codes } from './diagnosticCodes';
import { agentFolders, findAgentFiles, type AgentFolder, type AgentScope } from './discovery';
import { lintAgentFile, MAX_AGENT_FILE_BYTES } from './lint';
import type { AgentFormatId, Diagnostic, LintResult } from './types';

export interface CatalogEntry {
  path: string;
  folder: AgentFolder;
  result: LintResult;
  /** Set when another definition of the same name wins over this one. */
  shadowedBy?: string;
  /** Other files of the same folder tree defining the same name (which one Claude Code takes is unpredictable). */
  ambiguousWith?: string[];
}

export interface CatalogChange {
  /** Paths whose entry (or ranking) changed. */
  changed: string[];
  removed: string[];
}

/** Lower ranks lose: user agents, then project agents (Claude Code 2.1.197, `Vse`). */
const scopeRank: Record<AgentScope, number> = { user: 0, project: 1 };

export class AgentCatalog {
  private readonly entriesByPath = new Map<string, CatalogEntry>();
  private readonly pathsByName = new Map<string, Set<string>>();

  constructor(readonly folders: AgentFolder[]) {}

  get size(): number {
    return this.entriesByPath.size;
  }

  entries(): CatalogEntry[] {
    return [...this.entriesByPath.values()];
  }

  get(path: string): CatalogEntry | undefined {
    return this.entriesByPath.get(path);
  }

  /** The folder an absolute path belongs to (the deepest match), if it is an agent file location at all. */
  folderOf(path: string): AgentFolder | undefined {
    let best: AgentFolder | undefined;
    for (const folder of this.folders) {
      const prefix = folder.path.endsWith('/') || folder.path.endsWith('\\') ? folder.path : folder.path + (folder.path.includes('\\') ? '\\' : '/');
      if (!path.startsWith(prefix)) continue;
      if (!folder.recursive && /[\\/]/.test(path.slice(prefix.length))) continue;
      if (!best || folder.path.length > best.path.length) best = folder;
    }
    return best;
  }

  /** Diagnostics for a file: the engine's, plus what only the catalog knows (shadowing, duplicate names). */
  diagnostics(path: string): Diagnostic[] {
    const entry = this.entriesByPath.get(path);
    if (!entry) return [];
    const extra: Diagnostic[] = [];
    const nameRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    if (entry.ambiguousWith?.length) {
      extra.push({ code: 'agent/duplicate-name', severity: codes['agent/duplicate-name'].severity, range: nameRange,
        message: `\`${entry.result.agent!.name}\` is also defined in ${entry.ambiguousWith.map((other) => nodePath.relative(entry.folder.path, other)).join(', ')} (same folder); which one Claude Code uses depends on the file system's listing order.` });
    } else if (entry.shadowedBy) {
      extra.push({ code: 'agent/shadowed', severity: codes['agent/shadowed'].severity, range: nameRange,
        message: `\`${entry.result.agent!.name}\` is also defined in ${entry.shadowedBy}, which takes precedence: this definition is not used.` });
    }
    return [...entry.result.diagnostics, ...extra];
  }

  /** Lints a file's text and files it under its folder; returns what changed, including re-ranked namesakes. */
  update(path: string, text: string, byteLength?: number): CatalogChange {
    const folder = this.folderOf(path);
    if (!folder) return { changed: [], removed: [] };
    const previousName = this.nameKey(this.entriesByPath.get(path));
    const result = lintAgentFile(text, { path, format: folder.format, byteLength });
    const entry: CatalogEntry = { path, folder, result };
    this.entriesByPath.set(path, entry);
    const names = new Set([previousName, this.nameKey(entry)].filter((name): name is string => name !== undefined));
    if (previousName !== undefined) this.pathsByName.get(previousName)?.delete(path);
    const newName = this.nameKey(entry);
    if (newName !== undefined) this.index(newName).add(path);
    return { changed: [path, ...this.rerank(names)], removed: [] };
  }

  remove(path: string): CatalogChange {
    const entry = this.entriesByPath.get(path);
    if (!entry) return { changed: [], removed: [] };
    this.entriesByPath.delete(path);
    const name = this.nameKey(entry);
    if (name === undefined) return { changed: [], removed: [path] };
    this.pathsByName.get(name)?.delete(path);
    return { changed: this.rerank(new Set([name])), removed: [path] };
  }

  /** Removes every entry under a folder path (a deleted or renamed directory). */
  removeUnder(directory: string): CatalogChange {
    const prefix = directory.endsWith('/') ? directory : `${directory}/`;
    const changes: CatalogChange = { changed: [], removed: [] };
    for (const path of [...this.entriesByPath.keys()]) {
      if (!path.startsWith(prefix)) continue;
      const change = this.remove(path);
      changes.changed.push(...change.changed);
      changes.removed.push(...change.removed);
    }
    return changes;
  }

  /** The definition Claude Code uses for a name in a project (or user-wide when `project` is absent). */
  winner(name: string, format: AgentFormatId = 'claude-code', project?: string): CatalogEntry | undefined {
    return [...(this.pathsByName.get(`${format}\0${name}`) ?? [])]
      .map((path) => this.entriesByPath.get(path)!)
      .filter((entry) => entry.folder.scope === 'user' || entry.folder.project === project || project === undefined)
      .find((entry) => !entry.shadowedBy && !entry.ambiguousWith?.length);
  }

  private nameKey(entry: CatalogEntry | undefined): string | undefined {
    return entry?.result.loads && entry.result.agent ? `${entry.folder.format}\0${entry.result.agent.name}` : undefined;
  }

  private index(name: string): Set<string> {
    let paths = this.pathsByName.get(name);
    if (!paths) this.pathsByName.set(name, (paths = new Set()));
    return paths;
  }

  /**
   * Recomputes precedence for some names. Within one project a project definition beats a user one; definitions in the
   * same folder are ambiguous. Workspace folders are separate projects, so each ranks against the user folder alone.
   */
  private rerank(names: Set<string>): string[] {
    const touched: string[] = [];
    for (const name of names) {
      const group = [...(this.pathsByName.get(name) ?? [])].map((path) => this.entriesByPath.get(path)!);
      for (const entry of group) {
        const before = `${entry.shadowedBy}|${entry.ambiguousWith?.join(',')}`;
        const sameFolder = group.filter((other) => other !== entry && other.folder === entry.folder).map((other) => other.path);
        const stronger = group.find((other) => other.folder !== entry.folder && scopeRank[other.folder.scope] > scopeRank[entry.folder.scope]);
        entry.ambiguousWith = sameFolder.length > 0 ? sameFolder : undefined;
        entry.shadowedBy = stronger?.path;
        if (`${entry.shadowedBy}|${entry.ambiguousWith?.join(',')}` !== before) touched.push(entry.path);
      }
    }
    return touched;
  }
}

export interface DiscoverOptions {
  workspaceFolders: readonly string[];
  homeDirectory?: string;
  /** Files read at once; bounded so a huge tree does not exhaust file descriptors. */
  concurrency?: number;
}

/** Builds the catalog from disk: every folder's agent files, read and linted. */
export async function discoverAgents(options: DiscoverOptions): Promise<AgentCatalog> {
  const catalog = new AgentCatalog(agentFolders(options.workspaceFolders, options.homeDirectory));
  const files = (await Promise.all(catalog.folders.map((folder) => findAgentFiles(folder)))).flat();
  const concurrency = options.concurrency ?? 64;
  let next = 0;
  async function worker(): Promise<void> {
    while (next < files.length) {
      const file = files[next++];
      await addFile(catalog, file.path, file.size);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  return catalog;
}

/** Reads one file into the catalog; a file over the size limit is not read at all. */
export async function addFile(catalog: AgentCatalog, path: string, size?: number): Promise<CatalogChange> {
  try {
    const byteLength = size ?? (await fs.stat(path)).size;
    const text = byteLength > MAX_AGENT_FILE_BYTES ? '' : await fs.readFile(path, 'utf8');
    return catalog.update(path, text, byteLength);
  } catch {
    return catalog.remove(path);
  }
}
