// What VS Code's own Agent mode (language `chatagent`, built in since about 1.110) completes in agent front matter, so
// that Agent Studio does not offer the same item a second time there. As seen in VS Code 1.139.1: its header completion
// (PromptHeaderAutocompletion) for the `claude` target, which it gives every file in a `.claude/agents` folder, and for
// Copilot agents by their `target`. The integration test `agentLanguageModes.test.ts` checks, on every VS Code the tests
// run in, that each of these items appears exactly once: a VS Code that stops offering one brings ours back into view.
import type { CompletionItem } from '../../engine/language/completion';
import type { AgentFormatId } from '../../engine/formats/registry';

export const vscodeAgentModeLanguage = 'chatagent' as const;

interface OwnCompletions {
  keys: readonly string[];
  /** Enumerated values, by key. */
  values: Readonly<Record<string, readonly string[]>>;
  /** Tool names, in the tool-list keys. */
  tools: readonly string[];
}

const claudeAgent: OwnCompletions = {
  keys: ['name', 'description', 'tools', 'disallowedTools', 'model', 'permissionMode', 'skills', 'mcpServers', 'hooks', 'memory'],
  values: {
    model: ['sonnet', 'opus', 'haiku', 'inherit'],
    permissionMode: ['default', 'acceptEdits', 'plan', 'delegate', 'dontAsk', 'bypassPermissions'],
    memory: ['user', 'project', 'local'],
  },
  tools: ['Bash', 'Edit', 'Glob', 'Grep', 'Read', 'Write', 'WebFetch', 'WebSearch', 'Task', 'Skill', 'LSP', 'NotebookEdit', 'AskUserQuestion', 'MCPSearch'],
};

const copilotValues = { target: ['vscode', 'github-copilot'], 'reasoning-effort': ['low', 'medium', 'high', 'xhigh', 'max'] };

/** A Copilot agent without `target`, or with `target: vscode`. */
const copilotAgentForVsCode: OwnCompletions = {
  keys: ['name', 'description', 'argument-hint', 'model', 'reasoning-effort', 'tools', 'handoffs', 'target', 'agents', 'user-invocable', 'disable-model-invocation', 'github', 'hooks'],
  values: copilotValues,
  tools: [],
};

const copilotAgentForGitHub: OwnCompletions = {
  keys: ['name', 'description', 'tools', 'target', 'model', 'reasoning-effort', 'mcp-servers', 'github'],
  values: copilotValues,
  tools: [],
};

/**
 * Whether VS Code itself offers this item in a document of that language: only its Agent mode does, and only at the
 * keys, values and tools listed above.
 */
export function vscodeOffers(item: CompletionItem, document: { languageId: string; fileName: string; text: string; lineText: string }, format: AgentFormatId, cursor: { line: number; character: number }): boolean {
  if (document.languageId !== vscodeAgentModeLanguage) return false;
  // Inside a word (`Re|ad`) VS Code offers nothing; only at its end does it complete what is being typed.
  if (item.range.end.line !== cursor.line || item.range.end.character !== cursor.character) return false;
  // VS Code reads a file as a Claude Code agent only directly in a `.claude/agents` folder, and then by path alone.
  const claudeTarget = /[\\/]\.claude[\\/]agents[\\/][^\\/]+$/.test(document.fileName);
  if (format === 'claude-code' && !claudeTarget) return false;
  const own = claudeTarget ? claudeAgent : targetsGitHub(document.text) ? copilotAgentForGitHub : copilotAgentForVsCode;
  if (item.kind === 'key') return own.keys.includes(item.label);
  // VS Code completes tools only on the key's own line (`tools: Read, `), not in a block list below it.
  if (item.kind === 'tool') return own.tools.includes(item.label) && document.lineText.trimStart().startsWith(`${item.key}:`);
  return item.key !== undefined && (own.values[item.key]?.includes(item.label) ?? false);
}

/** `target: github-copilot` in the front matter (VS Code reads the same key to choose which keys it completes). */
function targetsGitHub(text: string): boolean {
  const frontmatter = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(0, 64 * 1024));
  return frontmatter !== null && /^target:[ \t]*["']?github-copilot["']?[ \t]*(?:#.*)?$/m.test(frontmatter[1]);
}
