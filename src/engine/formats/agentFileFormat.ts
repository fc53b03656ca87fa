// A format of agent files (Claude Code sub-agents, Copilot custom agents) as one object: where its files live, its
// field data, the tool versions it knows, and its rules. The registry lists them; nothing else compares format ids.
import type { FrontmatterContext } from '../lint/frontmatterContext';
import type { Rule, RuleMeta } from '../lint/rule';
import type { AgentFormatId, AgentSummary } from '../types';
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
}

export interface AgentFileFormat<Profile extends FormatProfile = FormatProfile> {
  id: AgentFormatId;
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
  /** What a file without front matter is told. */
  missingFrontmatterMessage: string;
}

/** Every code a format's rules and the linter on its behalf can report. */
export function formatMetas(format: AgentFileFormat): RuleMeta[] {
  return [format.yamlSyntax.meta, ...(format.yamlRepaired ? [format.yamlRepaired] : []), ...format.rules.flatMap((rule) => rule.metas)];
}
