// Plain data shared by the engine, the command line and the VS Code features. No `vscode` import here.

/** Zero-based, like VS Code's `Position`. `character` counts UTF-16 code units. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a user most likely wants when several are offered for one diagnostic. */
  isPreferred?: boolean;
}

export interface Diagnostic {
  /** Stable code such as `agent/yaml-syntax`; documented in docs/diagnostics.md. */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Ways to fix it, the preferred one first; absent when there is none. */
  fixes?: Fix[];
}

/** What an agent file defines, as the tool that loads it would see it. */
export interface AgentSummary {
  name: string;
  /** A plugin agent's own part of `name`, without the plugin's namespace and folders (`reviewer` of `kit:team:reviewer`): what renaming it edits. */
  ownName?: string;
  /** Where the name is written, for problems about the name itself (shadowing, duplicates); absent when derived. */
  nameRange?: Range;
  description: string;
  model?: string;
  tools?: string[];
  color?: string;
}

/** An agent as a model back end runs it: the engine's summary plus the body, which is the system prompt. */
export interface AgentDefinition {
  name: string;
  description: string;
  model?: string;
  tools?: string[];
  disallowedTools?: string[];
  /** The system prompt: everything after the front matter, trimmed. */
  body: string;
  /** The front matter as parsed. */
  frontmatter: Record<string, unknown>;
  /**
   * `plugin@marketplace` of the installed plugin this agent comes from: Claude Code loads it itself, by its full
   * `plugin:agent` name, ignoring its hooks, mcpServers and permissionMode.
   */
  installedPlugin?: string;
  path?: string;
}
