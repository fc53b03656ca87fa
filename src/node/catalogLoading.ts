// Filling the catalog from disk: discovery's files read and handed to `AgentCatalog.update`.
import * as fs from 'node:fs';
import { AgentCatalog, type CatalogChange } from '../engine/catalog/catalog';
import type { FormatProfile } from '../engine/formats/agentFileFormat';
import { MAX_AGENT_FILE_BYTES } from '../engine/lint/lint';
import { agentFolders, findAgentFiles } from './discovery';
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
  const catalog = new AgentCatalog(agentFolders(options.workspaceFolders, options.homeDirectory));
  if (options.claudeCodeProfile) catalog.setProfile('claude-code', options.claudeCodeProfile);
  const files = (await Promise.all(catalog.folders.map((folder) => findAgentFiles(folder)))).flat();
  const slices = new TimeSlices();
  await catalog.withRankingDeferred(async () => {
    for (const file of files) {
      if (slices.due) await slices.next();
      try {
        catalog.update(file.path, file.size > MAX_AGENT_FILE_BYTES ? '' : fs.readFileSync(file.path, 'utf8'), file.size);
      } catch {
        // Gone or unreadable since it was listed: Claude Code would not load it either.
      }
    }
  });
  return catalog;
}

/** Reads one file into the catalog; a file over the size limit is not read at all. */
export async function addFile(catalog: AgentCatalog, path: string, size?: number): Promise<CatalogChange> {
  try {
    const byteLength = size ?? (await fs.promises.stat(path)).size;
    const text = byteLength > MAX_AGENT_FILE_BYTES ? '' : await fs.promises.readFile(path, 'utf8');
    return catalog.update(path, text, byteLength);
  } catch {
    return catalog.remove(path);
  }
}
