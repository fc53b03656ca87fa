// Reads Claude Code's `stream-json` output until the main model's first turn has decided: a call of the delegation
// tool (its `subagent_type` is the chosen agent), another tool, or an answer of its own. Pure: takes parsed lines.
import { isRecord } from '../plainValues';

/** The API name of the delegation tool; the `init` event and older versions say `Task` (docs/routing-tests.md). */
export const DELEGATION_TOOL_NAMES: readonly string[] = ['Agent', 'Task'];
/** What Claude Code runs when the call names no `subagent_type` (the tool's own description says so). */
export const DEFAULT_SUBAGENT = 'general-purpose';
/** `subagent_type: "fork"` continues the main conversation in a copy of itself: no agent was chosen. */
export const FORK_SUBAGENT = 'fork';

export type RoutingDecision =
  | { kind: 'delegated'; agent: string }
  | { kind: 'forked' }
  /** The first tool called was not the delegation tool (routing runs offer no other; the model asked anyway). */
  | { kind: 'other-tool'; tool: string }
  | { kind: 'answered' }
  | { kind: 'failed'; message: string; status?: number };

/** The agent a decision names, or null when Claude Code kept the request (answered, forked, or reached for a tool). */
export function chosenAgent(decision: RoutingDecision): string | null | undefined {
  if (decision.kind === 'failed') return undefined;
  return decision.kind === 'delegated' ? decision.agent : null;
}

interface OpenToolBlock {
  name: string;
  json: string;
}

export class DelegationReader {
  private readonly openBlocks = new Map<number, OpenToolBlock>();
  private decided: RoutingDecision | undefined;
  /** `claude_code_version` of the `init` event. */
  version: string | undefined;

  get decision(): RoutingDecision | undefined {
    return this.decided;
  }

  /** Feeds one parsed line; returns the decision once there is one (and the same one after that). */
  read(line: unknown): RoutingDecision | undefined {
    if (this.decided || !isRecord(line)) return this.decided;
    // Lines of a sub-agent's own conversation carry the tool call that started it; only the main model decides.
    if (line.parent_tool_use_id) return undefined;
    switch (line.type) {
      case 'system':
        this.readSystem(line);
        break;
      case 'stream_event':
        this.readStreamEvent(line.event);
        break;
      case 'assistant':
        this.readAssistantMessage(line.message);
        break;
      case 'result':
        this.decided = resultDecision(line);
        break;
    }
    return this.decided;
  }

  private readSystem(line: Record<string, unknown>): void {
    if (line.subtype === 'init' && typeof line.claude_code_version === 'string') this.version = line.claude_code_version;
    const status = typeof line.error_status === 'number' ? line.error_status : undefined;
    // Some versions retry a rejected key for minutes; there is no point waiting.
    if (line.subtype === 'api_retry' && (status === 401 || status === 403)) {
      this.decided = { kind: 'failed', message: String(line.error ?? 'authentication failed'), status };
    }
  }

  /** With `--include-partial-messages` the call is known at its block's end, before the CLI acts on it. */
  private readStreamEvent(event: unknown): void {
    if (!isRecord(event) || typeof event.index !== 'number') return;
    if (event.type === 'content_block_start' && isRecord(event.content_block) && event.content_block.type === 'tool_use') {
      this.openBlocks.set(event.index, { name: String(event.content_block.name ?? ''), json: '' });
    } else if (event.type === 'content_block_delta' && isRecord(event.delta) && event.delta.type === 'input_json_delta') {
      const block = this.openBlocks.get(event.index);
      if (block && typeof event.delta.partial_json === 'string') block.json += event.delta.partial_json;
    } else if (event.type === 'content_block_stop') {
      const block = this.openBlocks.get(event.index);
      if (block) this.decided = toolDecision(block.name, parseObject(block.json));
    }
  }

  /** Without partial messages, the whole assistant message arrives before the tool runs. */
  private readAssistantMessage(message: unknown): void {
    if (!isRecord(message) || !Array.isArray(message.content)) return;
    const call = message.content.find((block) => isRecord(block) && block.type === 'tool_use') as Record<string, unknown> | undefined;
    if (call) this.decided = toolDecision(String(call.name ?? ''), isRecord(call.input) ? call.input : {});
  }
}

function toolDecision(name: string, input: Record<string, unknown>): RoutingDecision {
  if (!DELEGATION_TOOL_NAMES.includes(name)) return { kind: 'other-tool', tool: name };
  const type = typeof input.subagent_type === 'string' && input.subagent_type.trim() ? input.subagent_type.trim() : DEFAULT_SUBAGENT;
  return type === FORK_SUBAGENT ? { kind: 'forked' } : { kind: 'delegated', agent: type };
}

function resultDecision(line: Record<string, unknown>): RoutingDecision {
  const failed = line.is_error === true || (typeof line.subtype === 'string' && line.subtype.startsWith('error'));
  // Older versions read a prompt that starts with `/` as a command even with --disable-slash-commands ("Unknown
  // command: /x", docs/routing-tests.md): the model never saw it, so nothing was decided.
  if (!failed && line.num_turns === 0) return { kind: 'failed', message: `Claude Code did not send the prompt to the model: ${String(line.result ?? '')}` };
  if (!failed) return { kind: 'answered' };
  const message = typeof line.result === 'string' && line.result ? line.result : String(line.subtype ?? 'error').replace(/_/g, ' ');
  return { kind: 'failed', message, status: typeof line.api_error_status === 'number' ? line.api_error_status : undefined };
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json || '{}');
    return isRecord(value) ? value : {};
  } catch {
    return {};
  }
}
