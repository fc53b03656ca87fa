// The agent formats as data. Diagnostics, completions, hovers and docs/diagnostics.md all read from here:
// adding a key or a value is one edit in this file.

export type FieldType = 'string' | 'string-or-list' | 'boolean' | 'integer' | 'map' | 'list' | 'any';

export interface FieldValue {
  value: string;
  documentation: string;
}

export interface FieldSchema {
  key: string;
  type: FieldType;
  required: boolean;
  /** One paragraph, shown in hovers and completions. */
  documentation: string;
  /** For enumerated keys: every value the tool accepts. */
  values?: FieldValue[];
  /** Values that complete but are not the only ones accepted (model ids). */
  valuesAreOpen?: boolean;
  /** For tool-list keys: entries are tool names. */
  isToolList?: boolean;
  /** Snippet inserted after `key: ` when completing the key. */
  insertText?: string;
}

export interface ToolSchema {
  name: string;
  documentation: string;
}

export interface AgentFormat {
  id: 'claude-code' | 'copilot';
  label: string;
  documentationUrl: string;
  fields: FieldSchema[];
}

const CLAUDE_DOCS = 'https://docs.anthropic.com/en/docs/claude-code/sub-agents';

export const CLAUDE_CODE_TOOLS: ToolSchema[] = [
  { name: 'Agent', documentation: 'Starts a sub-agent. `Agent(name, ...)` restricts which agents it may start.' },
  { name: 'AskUserQuestion', documentation: 'Asks the user a multiple-choice question.' },
  { name: 'Bash', documentation: 'Runs shell commands. `Bash(git diff:*)` restricts it to matching commands.' },
  { name: 'BashOutput', documentation: 'Reads the output of a background shell.' },
  { name: 'CronCreate', documentation: 'Schedules a prompt to run later or on a cron schedule.' },
  { name: 'CronDelete', documentation: 'Deletes a scheduled prompt.' },
  { name: 'CronList', documentation: 'Lists the scheduled prompts.' },
  { name: 'Edit', documentation: 'Replaces exact text in a file.' },
  { name: 'EnterPlanMode', documentation: 'Switches the session into plan mode.' },
  { name: 'EnterWorktree', documentation: 'Moves the session into a new git worktree.' },
  { name: 'ExitPlanMode', documentation: 'Presents a plan and leaves plan mode.' },
  { name: 'ExitWorktree', documentation: 'Leaves the git worktree the session entered.' },
  { name: 'Glob', documentation: 'Finds files by glob pattern.' },
  { name: 'Grep', documentation: 'Searches file contents with ripgrep.' },
  { name: 'KillShell', documentation: 'Stops a background shell.' },
  { name: 'ListMcpResourcesTool', documentation: 'Lists resources offered by connected MCP servers.' },
  { name: 'LS', documentation: 'Lists a directory (older versions; Glob and Bash cover it now).' },
  { name: 'MultiEdit', documentation: 'Makes several edits to one file at once.' },
  { name: 'NotebookEdit', documentation: 'Edits a Jupyter notebook cell.' },
  { name: 'NotebookRead', documentation: 'Reads a Jupyter notebook.' },
  { name: 'Read', documentation: 'Reads a file (text, images, PDFs, notebooks).' },
  { name: 'ReadMcpResourceTool', documentation: 'Reads a resource from an MCP server.' },
  { name: 'ReportFindings', documentation: 'Reports review findings in a structured form.' },
  { name: 'ScheduleWakeup', documentation: 'Wakes the session again after a delay.' },
  { name: 'SendMessage', documentation: 'Sends a message to another agent of a team.' },
  { name: 'Skill', documentation: 'Runs a skill.' },
  { name: 'SlashCommand', documentation: 'Runs a custom slash command.' },
  { name: 'Task', documentation: 'Older name of `Agent`: starts a sub-agent. `Task(name)` restricts which.' },
  { name: 'TaskCreate', documentation: 'Creates a task in the shared task list.' },
  { name: 'TaskGet', documentation: 'Reads a task from the shared task list.' },
  { name: 'TaskList', documentation: 'Lists the shared task list.' },
  { name: 'TaskOutput', documentation: 'Reads the output of a background task.' },
  { name: 'TaskStop', documentation: 'Stops a background task.' },
  { name: 'TaskUpdate', documentation: 'Updates a task in the shared task list.' },
  { name: 'TeamCreate', documentation: 'Creates an agent team.' },
  { name: 'TeamDelete', documentation: 'Deletes an agent team.' },
  { name: 'TodoWrite', documentation: 'Keeps a structured to-do list for the session.' },
  { name: 'ToolSearch', documentation: 'Searches deferred tools (MCP tools loaded on demand).' },
  { name: 'WebFetch', documentation: 'Fetches a URL and reads its content.' },
  { name: 'WebSearch', documentation: 'Searches the web.' },
  { name: 'Workflow', documentation: 'Runs a workflow of steps.' },
  { name: 'Write', documentation: 'Writes a whole file.' },
];

/** `mcp__server__tool` or `mcp__server` (all of a server's tools). */
export const MCP_TOOL_PATTERN = /^mcp__[A-Za-z0-9_.-]+$/;
/** `Tool(specifier)`, e.g. `Bash(git diff:*)`, `Agent(reviewer, tester)`. */
export const SCOPED_TOOL_PATTERN = /^([A-Za-z]+)\((.*)\)$/s;

const modelValues: FieldValue[] = [
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

export const CLAUDE_CODE_HOOK_EVENTS = [
  'PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'PostToolBatch', 'Notification', 'UserPromptSubmit',
  'UserPromptExpansion', 'SessionStart', 'SessionEnd', 'Stop', 'StopFailure', 'SubagentStart', 'SubagentStop',
  'PreCompact', 'PostCompact', 'PermissionRequest', 'PermissionDenied', 'Setup', 'TeammateIdle', 'TaskCreated',
  'TaskCompleted', 'Elicitation', 'ElicitationResult', 'ConfigChange', 'WorktreeCreate', 'WorktreeRemove',
  'InstructionsLoaded', 'CwdChanged', 'FileChanged', 'MessageDisplay',
];

/** Agents Claude Code ships; a custom agent with one of these names replaces it. */
export const CLAUDE_CODE_BUILT_IN_AGENTS = ['claude', 'Explore', 'general-purpose', 'Plan', 'statusline-setup'];

export const claudeCodeFormat: AgentFormat = {
  id: 'claude-code',
  label: 'Claude Code sub-agent',
  documentationUrl: CLAUDE_DOCS,
  fields: [
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
  ],
};

export const copilotFormat: AgentFormat = {
  id: 'copilot',
  label: 'GitHub Copilot custom agent',
  documentationUrl: 'https://code.visualstudio.com/docs/copilot/customization/custom-agents',
  fields: [
    { key: 'description', type: 'string', required: true, documentation: 'What the agent does, shown in the agents picker and used to choose it.' },
    { key: 'name', type: 'string', required: false, documentation: 'The agent\'s name; defaults to the file name without `.agent.md`.' },
    { key: 'tools', type: 'list', required: false, isToolList: true, documentation: 'Tools or tool sets the agent may use (`search`, `edit`, `runCommands`, `fetch`, MCP servers as `server/*`).' },
    { key: 'model', type: 'string', required: false, valuesAreOpen: true, documentation: 'The model to use, as named in the model picker (for example `Claude Sonnet 4.5`, `GPT-5`).' },
    {
      key: 'target', type: 'string', required: false, documentation: 'Where the agent is offered.',
      values: [
        { value: 'vscode', documentation: 'Only in VS Code chat.' },
        { value: 'github-copilot', documentation: 'Only in the Copilot coding agent on GitHub.' },
      ],
    },
    { key: 'argument-hint', type: 'string', required: false, documentation: 'Placeholder text shown in the chat input when the agent is selected.' },
    { key: 'handoffs', type: 'list', required: false, documentation: 'Buttons offered after a reply that hand the conversation to another agent: items with `label`, `agent`, `prompt` and `send`.' },
    { key: 'mcp-servers', type: 'map', required: false, documentation: 'MCP servers available to the agent on GitHub (coding agent only).' },
    { key: 'infer', type: 'boolean', required: false, documentation: 'Whether the agent may be chosen automatically as a sub-agent.' },
    { key: 'metadata', type: 'map', required: false, documentation: 'Free-form key/value annotations.' },
  ],
};

export const agentFormats: AgentFormat[] = [claudeCodeFormat, copilotFormat];

export function fieldOf(format: AgentFormat, key: string): FieldSchema | undefined {
  return format.fields.find((field) => field.key === key);
}

const knownToolNames = new Set(CLAUDE_CODE_TOOLS.map((tool) => tool.name));

/** Whether Claude Code knows a `tools` entry; unknown entries are silently dropped at run time. */
export function isKnownClaudeCodeTool(entry: string): boolean {
  if (knownToolNames.has(entry) || MCP_TOOL_PATTERN.test(entry) || entry === '*') return true;
  const scoped = SCOPED_TOOL_PATTERN.exec(entry);
  return scoped !== null && knownToolNames.has(scoped[1]);
}

/** The known tool a misspelt entry most likely means: same letters in another case, or at most two edits away. */
/** Known tool names in lower case, computed once: suggestions run for every unknown tool of every file. */
const lowerCaseToolNames = CLAUDE_CODE_TOOLS.map((tool) => ({ name: tool.name, lower: tool.name.toLowerCase() }));

export function suggestClaudeCodeTool(entry: string): string | undefined {
  const lower = entry.toLowerCase();
  const sameCase = lowerCaseToolNames.find((tool) => tool.lower === lower);
  if (sameCase) return sameCase.name;
  let best: { name: string; distance: number } | undefined;
  for (const tool of lowerCaseToolNames) {
    const distance = editDistance(lower, tool.lower);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: tool.name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
