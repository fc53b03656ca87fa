// Every agent file known, what it defines, and which definition wins when two share a name.
// Updates are incremental: changing one file re-lints that file and re-ranks only the names it had and has.
import { createDiagnostic, type RuleMeta } from '../lint/rule';
import { folderCovers, withTrailingSeparator, type AgentFolder, type AgentScope } from '../formats/agentFiles';
import type { FormatProfile } from '../formats/agentFileFormat';
import { formatById } from '../formats/registry';
import { lintInFolder } from './folderLint';
import { overlapDiagnosticsOf, relocatedOverlaps, type ListedOverlapAgent } from './overlapDiagnostics';
import { exampleUserTurns, type ExampleUserTurn } from '../agents/agent';
import type { Diagnostic, Range } from '../types';
import type { AgentFormatId } from '../formats/registry';
import type { LintResult } from '../lint/lintResult';

export interface CatalogEntry {
  path: string;
  folder: AgentFolder;
  result: LintResult;
  /** Set when another definition of the same name wins over this one. */
  shadowedBy?: string;
  /** Other files of the same folder tree defining the same name, when which one the tool takes is unpredictable. */
  ambiguousWith?: string[];
  /** Other files of the same folder tree defining the same name, when this one wins by the profile's rule. */
  winsOver?: string[];
  /** The description's `<example>` blocks with a user turn, for the overlap hints; absent when it has none. */
  examples?: ExampleUserTurn[];
}

export interface CatalogChange {
  /** Paths whose entry (or ranking) changed. */
  changed: string[];
  removed: string[];
}

// What only the catalog knows: several files define one name.
export const duplicateName: RuleMeta = { code: 'agent/duplicate-name', severity: 'warning', title: 'Two agents share a name', explanation: 'Within one folder tree, the file Claude Code reads last wins. Older versions read in the file system\'s listing order, so which one you get is unpredictable; newer ones sort the paths, and the path that sorts last (by UTF-16 code units: `a-b.md` < `a.md` < `a/x.md`) wins. In a plugin, of the files its plugin.json lists the last one listed wins; in a plugin\'s `agents/` folder the files are read concurrently and the winner changes from run to run.' };
export const shadowed: RuleMeta = { code: 'agent/shadowed', severity: 'info', title: 'Agent shadowed by another definition', explanation: 'Another definition with the same name takes precedence (project agents beat user agents; the folder nearest the working folder wins).' };

/** Lower ranks lose: user agents, then project agents (as measured for Claude Code's profiles; its function `Vse`). */
const scopeRank: Record<AgentScope, number> = { plugin: -1, user: 0, project: 1 };

export class AgentCatalog {
  private readonly entriesByPath = new Map<string, CatalogEntry>();
  private readonly pathsByName = new Map<string, Set<string>>();
  /** Overlap diagnostics by listing, then by path; computed when first asked for, dropped by any change. */
  private readonly overlapsByListing = new Map<string, Map<string, Diagnostic[]>>();
  /** What `overlapChanges` last saw per path, to tell which files' overlap diagnostics a change moved. */
  private overlapSignatures = new Map<string, string>();
  /** Names whose ranking waits for the end of `withRankingDeferred`. */
  private deferredNames: Set<string> | undefined;

  /** The tool version each format follows; a format without one follows its newest profile. */
  private readonly profiles = new Map<AgentFormatId, FormatProfile>();

  constructor(readonly folders: AgentFolder[]) {}

  /** Sets the version a format follows; the caller re-reads the files (`update`), which re-ranks them. */
  setProfile(format: AgentFormatId, profile: FormatProfile): void {
    this.profiles.set(format, profile);
  }

  profileOf(format: AgentFormatId): FormatProfile {
    return this.profiles.get(format) ?? formatById(format).defaultProfile;
  }

  get size(): number {
    return this.entriesByPath.size;
  }

  entries(): CatalogEntry[] {
    return [...this.entriesByPath.values()];
  }

  get(path: string): CatalogEntry | undefined {
    return this.entriesByPath.get(path);
  }

  /**
   * The folder an absolute path belongs to, if it is an agent file location at all: a folder listing the file first
   * (a plugin.json's `agents`), else the deepest folder holding it.
   */
  folderOf(path: string): AgentFolder | undefined {
    let best: AgentFolder | undefined;
    for (const folder of this.folders) {
      if (!folderCovers(folder, path)) continue;
      if (folder.files) return folder;
      if (!best || folder.path.length > best.path.length) best = folder;
    }
    return best;
  }

  /** Diagnostics for a file: the engine's, plus what only the catalog knows (shadowing, duplicate names, overlaps). */
  diagnostics(path: string): Diagnostic[] {
    const entry = this.entriesByPath.get(path);
    return entry ? [...entry.result.diagnostics, ...this.relationDiagnostics(path), ...this.overlapDiagnostics(path)] : [];
  }

  /**
   * The overlap hints of a file among the agents Claude Code lists with it. `live`: the file's text being edited;
   * the hints (computed from the files on disk) move to its examples and name, and drop when their example is gone.
   */
  overlapDiagnostics(path: string, live?: { text: string; nameRange?: Range }): Diagnostic[] {
    const entry = this.entriesByPath.get(path);
    const listing = entry && this.listingOf(entry);
    if (!listing) return [];
    let byPath = this.overlapsByListing.get(listing.key);
    if (!byPath) this.overlapsByListing.set(listing.key, (byPath = overlapDiagnosticsOf(listing.members().map(overlapAgentOf))));
    const found = byPath.get(path) ?? [];
    return live && found.length > 0 ? relocatedOverlaps(found, entry.examples ?? [], live) : found;
  }

  /**
   * Paths whose overlap diagnostics differ from the last call's: one file's edit can change what every other agent
   * of its listing overlaps with. Recomputes each listing once; the editor calls it after changes, not per keystroke.
   */
  overlapChanges(): string[] {
    const signatures = new Map<string, string>();
    for (const path of this.entriesByPath.keys()) {
      const diagnostics = this.overlapDiagnostics(path);
      if (diagnostics.length > 0) signatures.set(path, JSON.stringify(diagnostics));
    }
    const changed = [...new Set([...signatures.keys(), ...this.overlapSignatures.keys()])].filter((path) => signatures.get(path) !== this.overlapSignatures.get(path));
    this.overlapSignatures = signatures;
    return changed;
  }

  /**
   * The agents one Claude Code session lists beside this file's: in a project, its own agents, the user's and the
   * installed plugins' that are not replaced by another; for a user or installed plugin agent, the user's and the
   * installed plugins'; for a plugin being written, that plugin's. Only Claude Code delegates by description.
   */
  private listingOf(entry: CatalogEntry): { key: string; members: () => CatalogEntry[] } | undefined {
    if (entry.folder.format !== 'claude-code' || !this.listed(entry)) return undefined;
    const plugin = entry.folder.plugin;
    if (plugin && plugin.installedId === undefined) {
      return { key: `plugin\0${plugin.root}`, members: () => this.entries().filter((other) => other.folder.plugin?.root === plugin.root && this.listed(other)) };
    }
    const shared = (other: CatalogEntry) => other.folder.scope === 'user' || other.folder.plugin?.installedId !== undefined;
    const project = entry.folder.scope === 'project' && !plugin ? entry.folder.project : undefined;
    if (project === undefined) {
      return { key: 'user', members: () => this.entries().filter((other) => other.folder.format === 'claude-code' && shared(other) && this.listed(other) && !this.replacedIn(other, undefined)) };
    }
    const inProject = (other: CatalogEntry) => other.folder.scope === 'project' && !other.folder.plugin && other.folder.project === project;
    return { key: `project\0${project}`, members: () => this.entries().filter((other) => other.folder.format === 'claude-code' && (inProject(other) || shared(other)) && this.listed(other) && !this.replacedIn(other, project)) };
  }

  /** Loads, under a name no other file of its folder tree also claims unpredictably. */
  private listed(entry: CatalogEntry): boolean {
    return entry.result.loads && entry.result.agent !== null && !entry.ambiguousWith?.length;
  }

  /** Whether a definition of the same name wins over this one in that project (undefined: user-wide). */
  private replacedIn(entry: CatalogEntry, project: string | undefined): boolean {
    if (!entry.shadowedBy) return false;
    const winner = this.entriesByPath.get(entry.shadowedBy);
    if (!winner) return false;
    return winner.folder.scope !== 'project' || winner.folder.plugin !== undefined || winner.folder.project === project;
  }

  /** What only the catalog knows about a file: another definition of its name wins, or competes with it. */
  relationDiagnostics(path: string): Diagnostic[] {
    const entry = this.entriesByPath.get(path);
    const agent = entry?.result.agent;
    if (!entry || !agent) return [];
    const range = agent.nameRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    const sameFolder = (others: readonly string[]) => others.map((other) => relativeTo(entry.folder.path, other)).join(', ');
    if (entry.ambiguousWith?.length) {
      const others = sameFolder(entry.ambiguousWith);
      if (entry.folder.plugin) return [createDiagnostic(duplicateName, `\`${agent.name}\` is also defined in ${others} (same plugin); Claude Code reads a plugin's agent files concurrently, so which one it uses changes from run to run.`, range)];
      return [createDiagnostic(duplicateName, `\`${agent.name}\` is also defined in ${others} (same folder); which one Claude Code uses depends on the file system's listing order.`, range)];
    }
    if (entry.winsOver?.length) {
      const others = sameFolder(entry.winsOver);
      if (entry.folder.files) return [createDiagnostic(duplicateName, `\`${agent.name}\` is also defined in ${others} (listed earlier in plugin.json); Claude Code uses this file, the last one listed.`, range)];
      return [createDiagnostic(duplicateName, `\`${agent.name}\` is also defined in ${others} (same folder); ${this.toolOf(entry)} uses this file, whose path sorts last.`, range)];
    }
    if (entry.shadowedBy && this.folderOf(entry.shadowedBy) === entry.folder) {
      const winner = relativeTo(entry.folder.path, entry.shadowedBy);
      if (entry.folder.files) return [createDiagnostic(duplicateName, `\`${agent.name}\` is also defined in ${winner}, listed later in plugin.json, which wins: Claude Code uses the last listed file of a name, so this definition is not used.`, range)];
      return [createDiagnostic(duplicateName, `\`${agent.name}\` is also defined in ${winner} (same folder), which wins: ${this.toolOf(entry)} uses the path that sorts last, so this definition is not used.`, range)];
    }
    if (entry.shadowedBy) {
      return [createDiagnostic(shadowed, `\`${agent.name}\` is also defined in ${entry.shadowedBy}, which takes precedence: this definition is not used.`, range)];
    }
    return [];
  }

  /** Lints a file's text and files it under its folder; returns what changed, including re-ranked namesakes. */
  update(path: string, text: string, byteLength?: number): CatalogChange {
    const folder = this.folderOf(path);
    if (!folder) return { changed: [], removed: [] };
    const previousName = this.nameKey(this.entriesByPath.get(path));
    const result = lintInFolder(text, path, folder, byteLength, this.profiles.get(folder.format));
    const entry: CatalogEntry = { path, folder, result };
    // Only descriptions with examples are read again, for the overlap hints' ranges: few files, and no cost for the rest.
    if (result.loads && result.agent?.description.includes('<example>')) entry.examples = exampleUserTurns(text);
    this.overlapsByListing.clear();
    this.entriesByPath.set(path, entry);
    const names = new Set([previousName, this.nameKey(entry)].filter((name): name is string => name !== undefined));
    if (previousName !== undefined) this.pathsByName.get(previousName)?.delete(path);
    const newName = this.nameKey(entry);
    if (newName !== undefined) this.index(newName).add(path);
    if (this.deferredNames) {
      for (const name of names) this.deferredNames.add(name);
      return { changed: [path], removed: [] };
    }
    return { changed: [path, ...this.rerank(names)], removed: [] };
  }

  /**
   * Runs `fill` (many `update`s), ranking each name it touched once at the end rather than after every file: a
   * workspace where 28 files share each name made discovery quadratic. Returns the paths whose ranking changed.
   */
  async withRankingDeferred(fill: () => Promise<void>): Promise<string[]> {
    const names = (this.deferredNames = new Set());
    try {
      await fill();
    } finally {
      this.deferredNames = undefined;
    }
    return this.rerank(names);
  }

  remove(path: string): CatalogChange {
    const entry = this.entriesByPath.get(path);
    if (!entry) return { changed: [], removed: [] };
    this.entriesByPath.delete(path);
    this.overlapsByListing.clear();
    const name = this.nameKey(entry);
    if (name === undefined) return { changed: [], removed: [path] };
    this.pathsByName.get(name)?.delete(path);
    return { changed: this.rerank(new Set([name])), removed: [path] };
  }

  /** Removes every entry under a folder path (a deleted or renamed directory). */
  removeUnder(directory: string): CatalogChange {
    const prefix = withTrailingSeparator(directory);
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
      // An installed plugin counts everywhere; a plugin being written in a workspace is not loaded by Claude Code there.
      .filter((entry) => entry.folder.plugin ? entry.folder.plugin.installedId !== undefined : entry.folder.scope === 'user' || entry.folder.project === project || project === undefined)
      .find((entry) => !entry.shadowedBy && !entry.ambiguousWith?.length);
  }

  /** The tool and the version it follows, for messages about which file that version takes. */
  private toolOf(entry: CatalogEntry): string {
    return `${formatById(entry.folder.format).toolName} ${this.profileOf(entry.folder.format).version}`;
  }

  /**
   * Which of several files of one folder defining a name the tool uses, when that is predictable (measured with the
   * real CLIs, test/fixtures/loader and test/fixtures/plugin-loader): the last one a plugin.json lists; for a
   * plugin's agents/ folder none (its files are read concurrently, the winner changed between identical runs); for
   * other folders, the path that sorts last by code units (as `toSorted()` compares: `a-b.md` < `a.md` < `a/x.md`)
   * where the profile says so, else none (listing order).
   */
  private sameFolderWinner(folder: AgentFolder, paths: readonly string[]): string | undefined {
    const files = folder.files;
    if (files) return paths.reduce((last, path) => (files.indexOf(path) > files.indexOf(last) ? path : last));
    if (folder.plugin || this.profileOf(folder.format).loader?.duplicateNameWinner !== 'last-path') return undefined;
    return paths.reduce((last, path) => (path > last ? path : last));
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
   * Recomputes precedence for some names. Within one project a project definition beats a user one; of definitions in
   * the same folder, one wins where the tool's order is known (sameFolderWinner), else they are ambiguous. Workspace folders are separate projects, so each ranks against the user folder alone.
   */
  private rerank(names: Set<string>): string[] {
    // Who is listed depends on who wins each name.
    this.overlapsByListing.clear();
    const touched: string[] = [];
    for (const name of names) {
      const group = [...(this.pathsByName.get(name) ?? [])].map((path) => this.entriesByPath.get(path)!);
      const pathsByFolder = new Map<AgentFolder, string[]>();
      for (const entry of group) {
        const paths = pathsByFolder.get(entry.folder);
        if (paths) paths.push(entry.path);
        else pathsByFolder.set(entry.folder, [entry.path]);
      }
      const winners = new Map<AgentFolder, string | undefined>();
      for (const [folder, paths] of pathsByFolder) if (paths.length > 1) winners.set(folder, this.sameFolderWinner(folder, paths));
      for (const entry of group) {
        const folderPaths = pathsByFolder.get(entry.folder)!;
        const others = folderPaths.length > 1 ? folderPaths.filter((path) => path !== entry.path) : undefined;
        const winner = winners.get(entry.folder);
        const ambiguousWith = winner === undefined ? others : undefined;
        const winsOver = winner === entry.path ? others : undefined;
        const shadowedBy = group.find((other) => other.folder !== entry.folder && scopeRank[other.folder.scope] > scopeRank[entry.folder.scope])?.path
          ?? (winner !== undefined && winner !== entry.path ? winner : undefined);
        if (shadowedBy !== entry.shadowedBy || !samePaths(ambiguousWith, entry.ambiguousWith) || !samePaths(winsOver, entry.winsOver)) touched.push(entry.path);
        entry.ambiguousWith = ambiguousWith;
        entry.winsOver = winsOver;
        entry.shadowedBy = shadowedBy;
      }
    }
    return touched;
  }
}

/** What the overlap hints read of a catalog entry. */
function overlapAgentOf(entry: CatalogEntry): ListedOverlapAgent {
  const agent = entry.result.agent!;
  return { id: entry.path, name: agent.name, description: agent.description, examples: entry.examples ?? [], nameRange: agent.nameRange };
}

function samePaths(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((path, index) => path === b[index]);
}

/**
 * `path` relative to `directory`, for paths below it (the files of one folder); other paths stay absolute. A slice, not
 * path.relative, which resolves both against the working folder: 17% of `agent-studio lint`'s time on 3,600 files where
 * names repeat.
 */
function relativeTo(directory: string, path: string): string {
  const prefix = withTrailingSeparator(directory);
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
