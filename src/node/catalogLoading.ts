// Filling the catalog from disk: discovery's files read and handed to `AgentCatalog.update`.
import { AgentCatalog, type CatalogChange } from '../engine/catalog/catalog';
import type { FormatProfile } from '../engine/formats/agentFileFormat';
import { readAgentFile } from './agentFileReading';
import * as os from 'node:os';
import * as fs from 'node:fs';
import type { AgentFolder } from '../engine/formats/agentFiles';
import { agentFolders, findAgentFiles, type FoundAgentFile } from './discovery';
import { pluginAgentFolders } from './plugins/pluginAgentFolders';
import { TimeSlices } from './timeSlices';

export interface DiscoverOptions {
  workspaceFolders: readonly string[];
  homeDirectory?: string;
  /** The Claude Code version whose rules apply; absent: the newest profile. */
  claudeCodeProfile?: FormatProfile;
}

/**
 * Builds the catalog from disk: every folder's agent files, read and linted, each name ranked once at the end.
 * Files are read synchronously in slices of about 10 ms (see TimeSlices): promise-based reads made a cold discovery of
 * 10,000 files take seconds.
 */
export async function discoverAgents(options: DiscoverOptions): Promise<AgentCatalog> {
  const homeDirectory = options.homeDirectory ?? os.homedir();
  const catalog = new AgentCatalog([...agentFolders(options.workspaceFolders, homeDirectory), ...pluginAgentFolders(options.workspaceFolders, homeDirectory)]);
  if (options.claudeCodeProfile) catalog.setProfile('claude-code', options.claudeCodeProfile);
  const files = (await Promise.all(catalog.folders.map((folder) => agentFilesOf(folder)))).flat();
  const slices = new TimeSlices();
  await catalog.withRankingDeferred(async () => {
    for (const file of files) {
      if (slices.due) await slices.next();
      // Gone or unreadable since it was listed, or a special file: Claude Code does not load it either.
      if (file.unreadable) continue;
      const read = readAgentFile(file.path);
      if ('text' in read) catalog.update(file.path, read.text, read.byteLength);
    }
  });
  return catalog;
}

/**
 * A folder's agent files on disk: the listed ones that exist, for a folder that lists them (a plugin.json's `agents`),
 * else every agent file found below it.
 */
export async function agentFilesOf(folder: AgentFolder): Promise<FoundAgentFile[]> {
  if (!folder.files) return findAgentFiles(folder);
  const found: FoundAgentFile[] = [];
  for (const path of folder.files) {
    const stat = statOrUndefined(path);
    // Claude Code loads a listed file that is there; one that is not is reported on plugin.json.
    if (stat?.isFile()) found.push({ path, size: stat.size });
  }
  return found;
}

function statOrUndefined(path: string): fs.Stats | undefined {
  try {
    return fs.statSync(path);
  } catch {
    return undefined;
  }
}

/** Reads one file into the catalog; a file over the size limit or not a regular file is not read at all. */
export async function addFile(catalog: AgentCatalog, path: string): Promise<CatalogChange> {
  const read = readAgentFile(path);
  return 'text' in read ? catalog.update(path, read.text, read.byteLength) : catalog.remove(path);
}
