// Where agent files live (the formats' locations, from the registry), and walking those folders the way Claude Code does
// (see its profiles): every `*.md` (case-sensitive) at any depth, hidden files included, symlinks followed, each
// directory visited once (so symlink loops end). The walk is bounded as Claude Code's is not: a symlink to `/` in an
// agents folder must not read the whole machine, so no real directory is entered twice and the kernel's /proc, /sys and
// /dev are never entered.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { TimeSlices } from './timeSlices';
import { isAgentFileNameIn, type AgentFolder } from '../engine/formats/agentFiles';
import { agentFolderLocations } from '../engine/formats/registry';

/** The folders each format reads, for a set of workspace folders and a home directory. */
export function agentFolders(workspaceFolders: readonly string[], homeDirectory: string = os.homedir()): AgentFolder[] {
  const folders: AgentFolder[] = [];
  for (const project of workspaceFolders) {
    for (const { format, location } of agentFolderLocations()) {
      folders.push({ path: nodePath.join(project, ...location.segments), scope: 'project', format: format.id, project, recursive: location.recursive });
    }
  }
  for (const { format, location } of agentFolderLocations()) {
    if (location.inHomeDirectory) folders.push({ path: nodePath.join(homeDirectory, ...location.segments), scope: 'user', format: format.id, recursive: location.recursive });
  }
  return folders;
}

/**
 * The agent folder a path is, or lies in (`…/.claude/agents/sub` → `…/.claude/agents`), as the project's folder of
 * that kind; undefined for a path outside agent folders.
 */
export function enclosingAgentFolder(path: string): AgentFolder | undefined {
  const parts = nodePath.resolve(path).split(nodePath.sep);
  for (let index = parts.length - 1; index >= 2; index--) {
    for (const { format, location } of agentFolderLocations()) {
      const { segments } = location;
      const start = index - segments.length + 1;
      if (start < 1 || !segments.every((segment, offset) => parts[start + offset] === segment)) continue;
      const project = parts.slice(0, start).join(nodePath.sep) || nodePath.sep;
      return agentFolders([project]).find((folder) => folder.format === format.id && folder.scope === 'project' && folder.path === nodePath.join(project, ...segments));
    }
  }
  return undefined;
}

/**
 * The projects below `root` (itself included) that hold a `.claude/agents/` or `.github/agents/` folder: a repository
 * of several projects, or examples beside the code. Symlinked directories are walked once; `ignoredDirectoryNames`
 * (node_modules) are not entered.
 */
export function findAgentProjects(root: string, ignoredDirectoryNames: ReadonlySet<string>): string[] {
  const projects: string[] = [];
  const visits = new DirectoryVisits();
  const walk = (directory: string) => {
    let entries: fs.Dirent[];
    try {
      if (!visits.enter(directory)) return;
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    const hasAgents = (segments: readonly string[]) => entries.some((entry) => entry.name === segments[0]) && isDirectory(nodePath.join(directory, ...segments));
    if (agentFolderLocations().some(({ location }) => hasAgents(location.segments))) projects.push(directory);
    for (const entry of entries) {
      if (ignoredDirectoryNames.has(entry.name) || locationRoots.has(entry.name)) continue;
      if (entry.isDirectory() || entry.isSymbolicLink()) walk(nodePath.join(directory, entry.name));
    }
  };
  walk(root);
  return projects.sort();
}

/** `.claude`, `.github`: folders that hold agent folders, not projects. */
const locationRoots = new Set(agentFolderLocations().map(({ location }) => location.segments[0]));

/** Folders the kernel makes up: endless (/proc/self/root), or blocking or endless to read (/dev). */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

/**
 * The directories a walk has entered, by device and inode (a symlink loop, or two links to one folder, enter it once),
 * refusing the kernel's folders by real path and by file system, should one be mounted elsewhere too.
 */
export class DirectoryVisits {
  private readonly visited = new Set<string>();
  private systemDevices: Set<bigint> | undefined;

  /** Whether to walk `directory`: an existing directory, not seen before, not a system folder. */
  enter(directory: string): boolean {
    let stat: fs.BigIntStats;
    try {
      stat = fs.statSync(directory, { bigint: true });
    } catch {
      return false;
    }
    if (!stat.isDirectory()) return false;
    const identity = `${stat.dev}:${stat.ino}`;
    if (this.visited.has(identity)) return false;
    this.visited.add(identity);
    if (process.platform === 'win32') return true;
    if (this.devicesOfSystemFolders().has(stat.dev)) return false;
    let real: string;
    try {
      real = fs.realpathSync.native(directory);
    } catch {
      return false;
    }
    return !SYSTEM_FOLDERS.some((system) => real === system || real.startsWith(`${system}/`));
  }

  private devicesOfSystemFolders(): Set<bigint> {
    if (this.systemDevices) return this.systemDevices;
    this.systemDevices = new Set();
    try {
      const rootDevice = fs.statSync('/', { bigint: true }).dev;
      for (const system of SYSTEM_FOLDERS) {
        try {
          const device = fs.statSync(system, { bigint: true }).dev;
          // Only a file system of its own: where /dev is a plain folder of the root file system, its device is `/`'s.
          if (device !== rootDevice) this.systemDevices.add(device);
        } catch {
          // Not there: nothing to refuse.
        }
      }
    } catch {
      // No root to compare with: refuse by path alone.
    }
    return this.systemDevices;
  }
}

function isDirectory(path: string): boolean {
  try {
    return fs.statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export interface FoundAgentFile {
  path: string;
  size: number;
  /**
   * Set for an agent file name that is not a regular file (a named pipe, a socket, a device, a link to nothing): why it
   * cannot be read. Such a file is never opened; the command line reports it, the catalog leaves it out.
   */
  unreadable?: string;
}

/** An agent file found by `agentFilesBelow`, with its path below the walked folder (`/`-separated). */
export interface WalkedAgentFile extends FoundAgentFile {
  relativePath: string;
}

export interface AgentWalkOptions {
  /** Sub-folders are walked too. */
  recursive: boolean;
  /** Which file names are agent files: Claude Code's folders take `*.md`, its plugins' `*.md` in any case. */
  isAgentFile: (fileName: string) => boolean;
  /** Folder names never entered, for searches outside agent folders (node_modules). */
  ignoredDirectoryNames?: ReadonlySet<string>;
}

/**
 * The one bounded walk of an agent folder, for project, user and plugin folders alike. Yields each agent file, and
 * `undefined` after every other entry so a caller can pause; unreadable entries are skipped, as Claude Code skips
 * them; a directory is identified by device and inode, so a symlink loop is walked once.
 */
export function* agentFilesBelow(root: string, options: AgentWalkOptions): Generator<WalkedAgentFile | undefined> {
  const visits = new DirectoryVisits();
  function* walk(directory: string, prefix: string): Generator<WalkedAgentFile | undefined> {
    if (!visits.enter(directory)) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      yield undefined;
      const path = nodePath.join(directory, entry.name);
      const relativePath = prefix ? `${prefix}/${entry.name}` : entry.name;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      let size = 0;
      let target: fs.Stats | undefined;
      if (entry.isSymbolicLink() || isFile) {
        try {
          target = fs.statSync(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
          size = target.size;
        } catch {
          if (options.isAgentFile(entry.name)) yield { path, relativePath, size: 0, unreadable: 'it is a symbolic link to nothing' };
          continue;
        }
      }
      if (isDirectory) {
        if (options.recursive && !options.ignoredDirectoryNames?.has(entry.name)) yield* walk(path, relativePath);
      } else if (isFile && options.isAgentFile(entry.name)) {
        yield { path, relativePath, size };
      } else if (options.isAgentFile(entry.name)) {
        yield { path, relativePath, size: 0, unreadable: `it is ${describeSpecialFile(target ?? entry)}, not a regular file` };
      }
    }
  }
  yield* walk(root, '');
}

/**
 * Lists the agent files under a folder. Missing folders yield nothing. `ignoredDirectoryNames` is for searches outside
 * agent folders (node_modules). The walk is synchronous in slices of about 10 ms: 10,000 promise-based `stat`s took
 * half a second, sync ones a tenth.
 */
export async function findAgentFiles(folder: AgentFolder, ignoredDirectoryNames?: ReadonlySet<string>): Promise<FoundAgentFile[]> {
  const found: FoundAgentFile[] = [];
  const slices = new TimeSlices();
  for (const file of agentFilesBelow(folder.path, { recursive: folder.recursive, isAgentFile: (fileName) => isAgentFileNameIn(folder, fileName), ignoredDirectoryNames })) {
    if (slices.due) await slices.next();
    if (file) found.push(file.unreadable ? { path: file.path, size: 0, unreadable: file.unreadable } : { path: file.path, size: file.size });
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function describeSpecialFile(file: fs.Stats | fs.Dirent): string {
  if (file.isFIFO()) return 'a named pipe (FIFO)';
  if (file.isSocket()) return 'a socket';
  if (file.isCharacterDevice()) return 'a character device';
  if (file.isBlockDevice()) return 'a block device';
  return 'a special file';
}
