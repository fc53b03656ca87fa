// The tools Claude Code knows, with one line of documentation each, and how `tools` entries are recognised.
import type { ToolSchema } from '../fieldSchema';

export const claudeCodeTools: readonly ToolSchema[] = [
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

/** A profile's tool names, indexed once: every `tools` entry of every file is looked up here. */
export class ToolNames {
  private readonly names: Set<string>;
  /** In lower case too: suggestions run for every unknown tool of every file. */
  private readonly lowerCaseNames: { name: string; lower: string }[];

  constructor(tools: readonly ToolSchema[]) {
    this.names = new Set(tools.map((tool) => tool.name));
    this.lowerCaseNames = tools.map((tool) => ({ name: tool.name, lower: tool.name.toLowerCase() }));
  }

  /** Whether Claude Code knows a `tools` entry; unknown entries are silently dropped at run time. */
  isKnown(entry: string): boolean {
    if (this.names.has(entry) || entry === '*') return true;
    // The patterns only where they can match: a `tools` line of 80,000 unknown names tries each name.
    if (entry.startsWith('mcp__')) return MCP_TOOL_PATTERN.test(entry);
    if (!entry.endsWith(')')) return false;
    const scoped = SCOPED_TOOL_PATTERN.exec(entry);
    return scoped !== null && this.names.has(scoped[1]);
  }

  /** Suggestions already made: a `tools` list of 50,000 copies of one misspelt name asks 50,000 times. */
  private readonly suggestions = new Map<string, string | undefined>();

  /** The known tool a misspelt entry most likely means: same letters in another case, or at most two edits away. */
  suggest(entry: string): string | undefined {
    if (this.suggestions.has(entry)) return this.suggestions.get(entry);
    const suggestion = this.suggestUncached(entry);
    // Bounded: the index lives as long as its profile, and the names asked about come from every file ever linted.
    if (this.suggestions.size >= 1000) this.suggestions.clear();
    this.suggestions.set(entry, suggestion);
    return suggestion;
  }

  private suggestUncached(entry: string): string | undefined {
    const lower = entry.toLowerCase();
    const sameCase = this.lowerCaseNames.find((tool) => tool.lower === lower);
    if (sameCase) return sameCase.name;
    let best: { name: string; distance: number } | undefined;
    for (const tool of this.lowerCaseNames) {
      const distance = editDistance(lower, tool.lower);
      if (distance <= 2 && (!best || distance < best.distance)) best = { name: tool.name, distance };
    }
    return best?.name;
  }
}

/** Levenshtein distance, cut short at 3: only distances up to 2 make a suggestion. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const over = 3;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      if (current[j] < rowBest) rowBest = current[j];
    }
    // Row minima never fall: once every cell is past 2, so is the distance.
    if (rowBest >= over) return over;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], over);
}
