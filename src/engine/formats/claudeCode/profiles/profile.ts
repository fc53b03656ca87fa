// What a range of Claude Code versions that behave alike does with agent files. A profile is the only place a version
// number is written: rules take their behaviour switches and lists from the profile they are given, and messages
// name its versions.
import type { LoaderBasics } from '../../agentFileFormat';
import type { FieldSchema, FieldValue, ToolSchema } from '../../fieldSchema';

/** How the loader of these versions treats a file before and around parsing (measured with the real CLI). */
export interface ClaudeCodeLoaderBehaviour extends LoaderBasics {
  /** Names longer than this many UTF-16 code units make the loader skip the file; `undefined`: no limit. */
  maxNameLength: number | undefined;
  /** Whether a `name` whose NFKC form holds `:` (also `：`, `﹕`) makes the loader skip the file (when not, it loads). */
  nameRejectsColon: boolean;
  /**
   * What happens to `hooks` that are not a map from event to matcher lists: `dropped` (the file loads without them) or
   * `guarded` (the shape is checked, invalid guard-event entries and stray guard keys skip the whole file).
   */
  hooks: 'dropped' | 'guarded';
  /** Files larger than this many bytes are skipped unread. */
  maxFileBytes: number;
}

export interface ClaudeCodeProfile {
  /** The first release that behaves like this (found by installing releases; see docs/claude-code-loader.md). */
  firstVersion: string;
  /** The newest release measured to behave like this; newer releases are assumed to, and the user is told. */
  measuredUpTo: string;
  /** Shown where one version stands for the profile: the newest measured. */
  version: string;
  loader: ClaudeCodeLoaderBehaviour;
  /** The front matter keys these versions read, with their accepted values (model aliases, permission modes...). */
  fields: readonly FieldSchema[];
  tools: readonly ToolSchema[];
  hookEvents: readonly string[];
  /** Hook events whose invalid entries make a `guarded` loader skip the file instead of dropping the entry. */
  guardHookEvents: readonly string[];
  /** Agents these versions ship; a custom agent with one of these names replaces it. */
  builtInAgents: readonly string[];
  /** The API model ids these versions resolve their aliases to (the `aliases` table in the bundle). */
  modelAliasIds: Readonly<Record<string, string>>;
}

/** What a later range of versions changed from the range before it. */
export interface ProfileChanges {
  firstVersion: string;
  measuredUpTo: string;
  loader?: Partial<ClaudeCodeLoaderBehaviour>;
  addedFields?: readonly FieldSchema[];
  /** Values added to an enumerated key, by key. */
  addedValues?: Readonly<Record<string, readonly FieldValue[]>>;
  addedTools?: readonly ToolSchema[];
  removedTools?: readonly string[];
  addedHookEvents?: readonly string[];
  guardHookEvents?: readonly string[];
  modelAliasIds?: Readonly<Record<string, string>>;
}

/** A profile as the one before it plus its changes: each profile file states only what its versions changed. */
export function laterProfile(previous: ClaudeCodeProfile, changes: ProfileChanges): ClaudeCodeProfile {
  const removed = new Set(changes.removedTools ?? []);
  return {
    firstVersion: changes.firstVersion,
    measuredUpTo: changes.measuredUpTo,
    version: changes.measuredUpTo,
    loader: { ...previous.loader, ...changes.loader },
    fields: [
      ...previous.fields.map((field) => changes.addedValues?.[field.key] ? { ...field, values: [...(field.values ?? []), ...changes.addedValues[field.key]] } : field),
      ...(changes.addedFields ?? []),
    ],
    tools: [...previous.tools.filter((tool) => !removed.has(tool.name)), ...(changes.addedTools ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    hookEvents: [...previous.hookEvents, ...(changes.addedHookEvents ?? [])],
    guardHookEvents: changes.guardHookEvents ?? previous.guardHookEvents,
    builtInAgents: previous.builtInAgents,
    modelAliasIds: changes.modelAliasIds ?? previous.modelAliasIds,
  };
}
