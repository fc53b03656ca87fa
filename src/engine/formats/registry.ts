// Every agent file format, and the one table from a path to its format: discovery, the watchers, New Agent, the command
// line and the linter all read these locations; package.json's activation events are checked against them by a test.
import type { AgentFileFormat, AgentFolderLocation } from './agentFileFormat';
import { claudeCodeFormat } from './claudeCode/format';
import { copilotFormat } from './copilot/format';
import type { AgentFormatId } from '../types';

export const agentFileFormats: readonly AgentFileFormat[] = [claudeCodeFormat, copilotFormat];

/** The format of a `.md` file that no other format claims: Claude Code reads agents from any folder it is pointed at. */
const fallbackFormat = agentFileFormats[0];

export function formatById(id: AgentFormatId): AgentFileFormat {
  return agentFileFormats.find((format) => format.id === id)!;
}

/** Formats that claim file names, and `.github/agents/` and the like per format but the fallback: string tests, built once. */
const nameClaimers = agentFileFormats.filter((format) => format.claimsFileName !== undefined);
const folderMarkers = agentFileFormats.filter((format) => format !== fallbackFormat).flatMap((format) =>
  format.locations.map((location) => ({ format, prefix: `${location.segments.join('/')}/`, inside: `/${location.segments.join('/')}/` })));

/**
 * The format a file is read as: a file name only one format reads (`*.agent.md`), else the format whose folder holds
 * it (`.github/agents/`, case-sensitive, as the folders are), else Claude Code's.
 */
export function formatForPath(path: string): AgentFileFormat {
  // Runs for every file the command line checks: plain loops and string tests, no regular expression over the path.
  const normalized = path.includes('\\') ? path.replace(/\\/g, '/') : path;
  for (let index = 0; index < nameClaimers.length; index++) if (nameClaimers[index].claimsFileName!(normalized)) return nameClaimers[index];
  for (let index = 0; index < folderMarkers.length; index++) {
    const marker = folderMarkers[index];
    if (normalized.startsWith(marker.prefix) || normalized.includes(marker.inside)) return marker.format;
  }
  return fallbackFormat;
}

/** Every folder location of every format, with its format, in registry order. */
export function agentFolderLocations(): { format: AgentFileFormat; location: AgentFolderLocation }[] {
  return agentFileFormats.flatMap((format) => format.locations.map((location) => ({ format, location })));
}
