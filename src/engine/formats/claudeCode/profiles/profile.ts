// What one Claude Code version does with agent files. A profile is the only place a version number is written: rules
// take their behaviour switches and lists from the profile they are given, and messages name its version.
import type { FieldSchema, ToolSchema } from '../../fieldSchema';

/**
 * How the loader of this version treats a file before and around parsing (measured with the real CLI). The rules read
 * `hooksMustBeEventMap` (rules/hooks.ts) and the linter `maxFileBytes`; the other switches are declared for the next
 * profile, whose rules will read them (with one profile, every value is 2.1.197's behaviour, which the code follows).
 */
export interface ClaudeCodeLoaderBehaviour {
  /** Whether a UTF-8 byte-order mark before `---` is skipped over (when not, the file is skipped). */
  stripsOneBom: boolean;
  /** Whether a `name` holding `:` makes the loader skip the file (when not, it loads). */
  nameRejectsColon: boolean;
  /** Whether `hooks` must be a map from event to matchers (when not, the loader keeps any shape). */
  hooksMustBeEventMap: boolean;
  /** Whether a NUL byte inside the front matter makes the loader skip the file (when not, it reads it). */
  nulInFrontmatterIsError: boolean;
  /** Which of two files with one name in one folder tree wins: the last path in sorted order, or the listing order. */
  duplicateNameWinner: 'last-path' | 'directory-order';
  /** Files larger than this many bytes are skipped unread. */
  maxFileBytes: number;
}

export interface ClaudeCodeProfile {
  /** The version as `claude --version` prints it. */
  version: string;
  loader: ClaudeCodeLoaderBehaviour;
  /** The front matter keys this version reads, with their accepted values (model aliases, permission modes...). */
  fields: readonly FieldSchema[];
  tools: readonly ToolSchema[];
  hookEvents: readonly string[];
  /** Agents this version ships; a custom agent with one of these names replaces it. */
  builtInAgents: readonly string[];
  /** The API model ids this version resolves its aliases to (the `aliases` table in its bundle). */
  modelAliasIds: Readonly<Record<string, string>>;
}
