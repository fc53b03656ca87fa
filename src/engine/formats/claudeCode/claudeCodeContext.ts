// What Claude Code's rules share: their context type, and readings of the profile's data computed once per profile.
import type { FrontmatterContext } from '../../lint/frontmatterContext';
import type { Rule } from '../../lint/rule';
import { slugFromText } from '../../lint/fixes';
import { splitToolList } from '../../frontmatter/toolList';
import { hidden } from '../../frontmatter/keyIndex';
import type { ClaudeCodeProfile } from './profiles';
import { ToolNames } from './tools';

export type ClaudeCodeContext = FrontmatterContext<ClaudeCodeProfile>;
export type ClaudeCodeRule = Rule<ClaudeCodeContext>;

export interface ProfileIndex {
  /** Each enumerated key's accepted values, from the profile's fields. */
  allowedValues: ReadonlyMap<string, readonly string[]>;
  knownKeys: ReadonlySet<string>;
  toolNames: ToolNames;
}

const indexes = new WeakMap<ClaudeCodeProfile, ProfileIndex>();
/** The last profile asked for: nearly every call is for the same one, and rules ask several times per file. */
let last: { profile: ClaudeCodeProfile; index: ProfileIndex } | undefined;

/** The profile's lists as sets and maps, built on first use: rules run for every file. */
export function profileIndex(profile: ClaudeCodeProfile): ProfileIndex {
  if (last?.profile === profile) return last.index;
  let index = indexes.get(profile);
  if (!index) {
    index = {
      allowedValues: new Map(profile.fields.filter((field) => field.values).map((field) => [field.key, field.values!.map((known) => known.value)])),
      knownKeys: new Set(profile.fields.map((field) => field.key)),
      toolNames: new ToolNames(profile.tools),
    };
    indexes.set(profile, index);
  }
  last = { profile, index };
  return index;
}

/** The last `tools` string split per parsed front matter (see `toolNamesIn`). */
const SPLIT_TOOLS = Symbol('splitTools');

/**
 * A `tools` string split as Claude Code splits it, once per parsed front matter: the tools rule and the agent's
 * summary both read it, under every profile, and a line of 80,000 names split twice was a third of its lint.
 */
export function toolNamesIn(ctx: ClaudeCodeContext, value: string): readonly string[] {
  // Kept on the parsed front matter, hidden, not in a weak map (see `keyIndexOf`).
  const split = (ctx.parsed as { [SPLIT_TOOLS]?: { value: string; names: readonly string[] } })[SPLIT_TOOLS];
  if (split?.value === value) return split.names;
  return hidden(ctx.parsed, SPLIT_TOOLS, { value, names: splitToolList(value) }).names;
}

/** The values an enumerated key accepts in this context's profile. */
export function allowedValues(ctx: ClaudeCodeContext, key: string): readonly string[] {
  return profileIndex(ctx.profile).allowedValues.get(key) ?? [];
}

/** The `name` Claude Code loads the agent under, or null when it skips the file for its name. */
export function loadedName(ctx: ClaudeCodeContext): string | null {
  const value = ctx.value('name');
  return typeof value === 'string' && value !== '' && !value.startsWith('-') ? value : null;
}

/** A name from the file name, for fixes; only computed when a fix needs it. */
export function suggestedName(ctx: ClaudeCodeContext): string {
  return slugFromText(ctx.path.split(/[\\/]/).pop()!.replace(/\.md$/i, '')) || 'my-agent';
}

export function describeType(value: unknown): string {
  if (value === null) return 'null (empty)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return typeof value;
}

/** "Claude Code 2.1.x and later skip" when only some profiles skip, "Claude Code skips" when all do. */
export function skipFrom(since: string | undefined): string {
  return since ? `Claude Code ${since} and later skip` : 'Claude Code skips';
}
