// The keys of a Claude Code sub-agent's front matter, as data: type, documentation, accepted values (model aliases,
// permission modes, colours...). Rules, completions, hovers, the docs, the grammar test and the providers read them here.
import type { FieldSchema, FieldValue } from '../fieldSchema';

export const modelValues: FieldValue[] = [
  { value: 'inherit', documentation: 'Use the same model as the conversation that starts the agent (the default).' },
  { value: 'sonnet', documentation: 'The current Claude Sonnet: balanced speed and capability.' },
  { value: 'opus', documentation: 'The current Claude Opus: the most capable, slower and dearer.' },
  { value: 'haiku', documentation: 'The current Claude Haiku: fastest and cheapest.' },
  { value: 'fable', documentation: 'Alias that Claude Code 2.1 accepts for its newest model family.' },
  { value: 'best', documentation: 'The most capable model available to the account.' },
  { value: 'opusplan', documentation: 'Opus while planning (plan mode), Sonnet otherwise.' },
  { value: 'sonnet[1m]', documentation: 'The current Sonnet with the 1M-token context window.' },
  { value: 'opus[1m]', documentation: 'The current Opus with the 1M-token context window.' },
  { value: 'fable[1m]', documentation: 'The `fable` family with the 1M-token context window.' },
];

/** Full model ids are accepted as written; these prefixes mark one as plausible. */
export const MODEL_ID_PATTERN = /^(claude-|anthropic\.|us\.anthropic\.|eu\.anthropic\.|apac\.anthropic\.|global\.anthropic\.|arn:aws:bedrock)/;

export const CLAUDE_CODE_COLORS = ['red', 'blue', 'green', 'yellow', 'purple', 'orange', 'pink', 'cyan'] as const;

export const claudeCodeFields: readonly FieldSchema[] = [
  {
    key: 'name', type: 'string', required: true,
    documentation: 'The agent\'s identifier: how Claude Code, the Agent tool and `claude --agent` address it. Lower-case letters and hyphens by convention. It must be a non-empty string not starting with `-`; the file name plays no part.',
  },
  {
    key: 'description', type: 'string', required: true, insertText: '|\n  $0',
    documentation: 'When Claude should hand work to this agent, shown in the Agent tool\'s listing. Often holds `<example>` blocks. Use a `|` block when it spans lines or holds `: ` or ` #`; a plain one-line value is cut at ` #` and breaks on unindented lines.',
  },
  {
    key: 'tools', type: 'string-or-list', required: false, isToolList: true,
    documentation: 'The tools the agent may use, as a comma-separated string or a YAML list. Omit it to inherit every tool; an empty value gives the agent no tools. Accepts `Tool(specifier)` forms and `mcp__server__tool` names.',
  },
  {
    key: 'disallowedTools', type: 'string-or-list', required: false, isToolList: true,
    documentation: 'Tools removed from the agent\'s set (inherited or listed in `tools`). Same syntax as `tools`.',
  },
  {
    key: 'model', type: 'string', required: false, values: modelValues, valuesAreOpen: true,
    documentation: 'The model the agent runs on: an alias (`sonnet`, `opus`, `haiku`), `inherit` for the calling conversation\'s model (the default), or a full model id such as `claude-sonnet-4-5`.',
  },
  {
    key: 'permissionMode', type: 'string', required: false,
    documentation: 'How the agent asks for permission to use tools. Claude Code drops an unknown value.',
    values: [
      { value: 'default', documentation: 'Ask as the session normally does.' },
      { value: 'acceptEdits', documentation: 'Accept file edits without asking.' },
      { value: 'auto', documentation: 'Let a classifier approve safe actions.' },
      { value: 'dontAsk', documentation: 'Deny anything not already allowed, without asking.' },
      { value: 'plan', documentation: 'Read-only planning: no edits, no commands.' },
      { value: 'bypassPermissions', documentation: 'Skip every permission check. Dangerous: the agent can run anything.' },
    ],
  },
  {
    key: 'maxTurns', type: 'integer', required: false,
    documentation: 'The most agentic turns the agent takes before it stops. A positive integer; anything else is dropped.',
  },
  {
    key: 'skills', type: 'string-or-list', required: false,
    documentation: 'Skills preloaded into the agent\'s context when it starts (their full content, not just their names).',
  },
  {
    key: 'mcpServers', type: 'list', required: false,
    documentation: 'MCP servers this agent connects to: names of configured servers, or inline `{name: config}` maps. Invalid items are dropped.',
  },
  {
    key: 'hooks', type: 'map', required: false,
    documentation: 'Lifecycle hooks scoped to this agent, shaped like `hooks` in settings.json: a map from event (`PreToolUse`, `PostToolUse`, `Stop`, ...) to a list of matchers. Any other shape (`hooks: []`) is dropped without a word.',
  },
  {
    key: 'memory', type: 'string', required: false,
    documentation: 'Persistent memory scope for the agent.',
    values: [
      { value: 'user', documentation: 'Memory shared across all your projects.' },
      { value: 'project', documentation: 'Memory kept with this project and shared with its team.' },
      { value: 'local', documentation: 'Memory kept with this project on this machine only.' },
    ],
  },
  {
    key: 'background', type: 'boolean', required: false,
    documentation: 'When `true`, the agent always runs as a background task. `true` or `false`; anything else is ignored.',
    values: [
      { value: 'true', documentation: 'Always run in the background.' },
      { value: 'false', documentation: 'Run in the foreground (the default).' },
    ],
  },
  {
    key: 'effort', type: 'string', required: false, valuesAreOpen: true,
    documentation: 'Thinking effort for models that support it: `low`, `medium`, `high`, `xhigh`, `max`, or an integer.',
    values: [
      { value: 'low', documentation: 'Quick, with minimal reasoning.' },
      { value: 'medium', documentation: 'Balanced.' },
      { value: 'high', documentation: 'Thorough.' },
      { value: 'xhigh', documentation: 'Deeper than high, short of maximum.' },
      { value: 'max', documentation: 'The deepest reasoning the model offers.' },
    ],
  },
  {
    key: 'isolation', type: 'string', required: false,
    documentation: 'Filesystem isolation for the agent\'s work.',
    values: [
      { value: 'worktree', documentation: 'Run in a temporary git worktree, removed if nothing changed.' },
      { value: 'remote', documentation: 'Run in a remote environment.' },
    ],
  },
  {
    key: 'color', type: 'string', required: false,
    documentation: 'The colour Claude Code shows the agent in. Only the eight listed colours are kept; any other is dropped.',
    values: CLAUDE_CODE_COLORS.map((color) => ({ value: color, documentation: `Shown in ${color}.` })),
  },
  {
    key: 'initialPrompt', type: 'string', required: false,
    documentation: 'A first message sent automatically when the agent runs as the main session (`claude --agent NAME`). Not used when it runs as a sub-agent.',
  },
];

/** `permissionMode: manual`, which newer versions accept (and treat as `default`). */
export const manualPermissionMode: FieldValue = { value: 'manual', documentation: 'Ask before every tool use; the same as `default`.' };

/** Keys that newer versions read; their profiles add them to `claudeCodeFields`. */
export const autoCompactWindowField: FieldSchema = {
  key: 'autoCompactWindow', type: 'integer', required: false, minimum: 100_000,
  documentation: 'The context size, in tokens, at which the agent\'s conversation is compacted. An integer of at least 100000; anything else is dropped with a warning.',
};
export const observerFields: readonly FieldSchema[] = [
  { key: 'omitClaudeMd', type: 'boolean', required: false, documentation: 'When `true`, the agent starts without the project\'s CLAUDE.md in its context.', values: [{ value: 'true', documentation: 'Leave CLAUDE.md out.' }, { value: 'false', documentation: 'Include CLAUDE.md (the default).' }] },
  { key: 'observer', type: 'string', required: false, documentation: 'Agents that watch this one as it works: a name, or a comma-separated list of up to four.' },
  { key: 'observerMessage', type: 'string', required: false, documentation: 'What the observers are told when this agent starts.' },
  { key: 'observeToolResults', type: 'boolean', required: false, documentation: 'Whether the observers see this agent\'s tool results.', values: [{ value: 'true', documentation: 'Show tool results.' }, { value: 'false', documentation: 'Hide them.' }] },
  { key: 'observeSubagents', type: 'boolean', required: false, documentation: 'Whether the observers also see the sub-agents this agent starts.', values: [{ value: 'true', documentation: 'Show sub-agents.' }, { value: 'false', documentation: 'Hide them.' }] },
  { key: 'experimental', type: 'map', required: false, documentation: 'Experimental settings for this agent, such as `cacheTtl: 5m` or `cacheTtl: 1h` (how long its prompt cache lives).' },
];

/** A key added after the oldest profile, by name: profiles list the keys their versions added. */
export function laterField(key: string): FieldSchema {
  const field = [autoCompactWindowField, ...observerFields].find((candidate) => candidate.key === key);
  if (!field) throw new Error(`no field data for ${key}`);
  return field;
}

/** Spellings other tools use for Claude Code's keys: an unknown key written so is offered a rename. */
export const claudeCodeKeyAliases: ReadonlyMap<string, string> = new Map(Object.entries({
  'allowed-tools': 'tools', allowedTools: 'tools', 'disallowed-tools': 'disallowedTools', 'permission-mode': 'permissionMode',
  'max-turns': 'maxTurns', 'initial-prompt': 'initialPrompt', 'mcp-servers': 'mcpServers',
}));
