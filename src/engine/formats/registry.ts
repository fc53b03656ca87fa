// Every agent file format, and the one table from a path to its format: discovery, the watchers, New Agent, the command
// line and the linter all read these locations; package.json's activation events are checked against them by a test.
import type { AgentFileFormat, AgentFolderLocation } from './agentFileFormat';
import { claudeCodeFormat } from './claudeCode/format';
import { copilotFormat } from './copilot/format';
import type { FormatProfile } from './agentFileFormat';

/** Adding a format is one folder and one entry here: the id type, discovery and package.json follow from this list. */
const registeredFormats = [claudeCodeFormat, copilotFormat] as const;

/** The id of a registered format: `'claude-code' | 'copilot'`, read from the formats themselves. */
export type AgentFormatId = (typeof registeredFormats)[number]['id'];
// Fails to compile when a format is declared without its id as a literal (`AgentFileFormat<P>`, not `<P, 'id'>`),
// which would widen every format id to `string`.
const formatIdsAreLiterals: string extends AgentFormatId ? never : true = true;
void formatIdsAreLiterals;

/** A format as the rest of the engine sees it: any profile, one of the registered ids. */
export type RegisteredFormat = AgentFileFormat<FormatProfile, AgentFormatId>;

export const agentFileFormats: readonly RegisteredFormat[] = registeredFormats;

/** The format of a `.md` file that no other format claims: Claude Code reads agents from any folder it is pointed at. */
const fallbackFormat = agentFileFormats[0];

export function formatById(id: AgentFormatId): RegisteredFormat {
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
export function formatForPath(path: string): RegisteredFormat {
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
export function agentFolderLocations(): { format: RegisteredFormat; location: AgentFolderLocation }[] {
  return agentFileFormats.flatMap((format) => format.locations.map((location) => ({ format, location })));
}
