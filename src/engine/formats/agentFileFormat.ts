// A format of agent files (Claude Code sub-agents, Copilot custom agents) as one object: where its files live, its
// field data, the tool versions it knows, and its rules. The registry lists them; nothing else compares format ids.
import type { FrontmatterContext } from '../lint/frontmatterContext';
import type { Rule, RuleMeta } from '../lint/rule';
import type { AgentSummary } from '../types';
import type { FieldSchema, ToolSchema } from './fieldSchema';

/** A folder a format reads agents from, below a project (and, for some, below the home directory). */
export interface AgentFolderLocation {
  /** Path segments below the project, e.g. `['.claude', 'agents']`. */
  segments: readonly string[];
  /** Sub-folders are read too. */
  recursive: boolean;
  /** The same folder below the home directory holds the user's agents. */
  inHomeDirectory: boolean;
}

/** One version of the tool that reads the format: the rules take their behaviour switches and lists from it. */
export interface FormatProfile {
  version: string;
  /** How the linter finds the front matter for this version; absent: as the oldest Claude Code did. */
  loader?: LoaderBasics;
}

/** What a tool version's loader does that the format-independent linter and catalog follow. */
export interface LoaderBasics {
  /** Whether one UTF-8 byte-order mark before `---` is skipped over (when not, the file has no front matter). */
  stripsOneBom: boolean;
  /** Whether a NUL anywhere in the front matter is a YAML error that skips the file (when not, it is read). */
  nulInFrontmatterIsError: boolean;
  /** Which of two files with one name in one folder tree wins: the path that sorts last, or the listing order. */
  duplicateNameWinner: 'last-path' | 'directory-order';
}

/** `Id` is the format's id as a literal type: the registry derives `AgentFormatId` from the formats it lists. */
export interface AgentFileFormat<Profile extends FormatProfile = FormatProfile, Id extends string = string> {
  id: Id;
  /** What one such file is called, e.g. `Claude Code sub-agent`. */
  label: string;
  documentationUrl: string;
  /** How the tool is named in messages, hovers and completion details. */
  toolName: string;
  locations: readonly AgentFolderLocation[];
  /** Whether a path (with `/` separators) belongs to this format whatever folder it is in: a file name only it reads. */
  claimsFileName?(path: string): boolean;
  /** The keys of the newest profile, for completions, hovers and the docs. */
  fields: readonly FieldSchema[];
  tools: readonly ToolSchema[];
  /** Oldest first; the newest is the default. */
  profiles: readonly Profile[];
  defaultProfile: Profile;
  /** Run in order over a parsed front matter that is a map. */
  rules: readonly Rule<FrontmatterContext<Profile>>[];
  /** What the tool loads, once the rules ran and none made it skip the file. */
  agentOf(ctx: FrontmatterContext<Profile>): AgentSummary;
  /** The code and words for front matter the tool cannot parse. */
  yamlSyntax: { meta: RuleMeta; cannotRead: string; crlfHint: boolean };
  /** Set when the tool repairs invalid YAML itself (then a repaired file loads, with this warning). */
  yamlRepaired?: RuleMeta;
  /** What a file is told whose one byte-order mark this version skips but another does not. */
  oneBomSkipped?: string;
  /** What a NUL inside the front matter is told: where the profile's loader skips the file, and where it loads. */
  nulInFrontmatter?: { skips: string; loadsHere: string };
  /** What a file without front matter is told. */
  missingFrontmatterMessage: string;
}

/** Every code a format's rules and the linter on its behalf can report. */
export function formatMetas(format: AgentFileFormat): RuleMeta[] {
  return [format.yamlSyntax.meta, ...(format.yamlRepaired ? [format.yamlRepaired] : []), ...format.rules.flatMap((rule) => rule.metas)];
}
