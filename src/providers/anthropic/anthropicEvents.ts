// Maps Anthropic Messages API stream events (also what Claude Code prints as `stream_event`) to RunEvents.
import { isRecord } from '../../engine/plainValues';
import type { RunEvent, UsageEvent } from '../types';


export function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Input tokens including the cached ones, which the API reports apart. */
export function totalInputTokens(usage: Record<string, unknown>): number | undefined {
  const parts = [usage.input_tokens, usage.cache_creation_input_tokens, usage.cache_read_input_tokens].map(numberOrUndefined);
  if (parts.every((part) => part === undefined)) return undefined;
  return parts.reduce<number>((sum, part) => sum + (part ?? 0), 0);
}

/** Reads one stream at a time; events of unknown type or shape are skipped, never thrown on. */
export class AnthropicStreamReader {
  private model: string | undefined;
  private inputTokens: number | undefined;
  private outputTokens: number | undefined;

  read(event: unknown): RunEvent[] {
    if (!isRecord(event)) return [];
    switch (event.type) {
      case 'message_start':
        return this.readMessageStart(event.message);
      case 'content_block_start':
        return readBlockStart(event.content_block);
      case 'content_block_delta':
        return readDelta(event.delta);
      case 'message_delta':
        if (isRecord(event.usage)) this.outputTokens = numberOrUndefined(event.usage.output_tokens) ?? this.outputTokens;
        return [];
      default:
        return [];
    }
  }

  usage(): UsageEvent {
    return { type: 'usage', inputTokens: this.inputTokens, outputTokens: this.outputTokens, model: this.model };
  }

  private readMessageStart(message: unknown): RunEvent[] {
    if (!isRecord(message)) return [];
    if (typeof message.model === 'string') this.model = message.model;
    if (isRecord(message.usage)) {
      this.inputTokens = totalInputTokens(message.usage) ?? this.inputTokens;
      this.outputTokens = numberOrUndefined(message.usage.output_tokens) ?? this.outputTokens;
    }
    return [];
  }
}

function readBlockStart(block: unknown): RunEvent[] {
  if (!isRecord(block)) return [];
  if ((block.type === 'tool_use' || block.type === 'server_tool_use') && typeof block.name === 'string') {
    return [{ type: 'tool-use', name: block.name }];
  }
  if (block.type === 'text' && typeof block.text === 'string' && block.text) return [{ type: 'text', text: block.text }];
  return [];
}

function readDelta(delta: unknown): RunEvent[] {
  if (!isRecord(delta) || delta.type !== 'text_delta' || typeof delta.text !== 'string' || !delta.text) return [];
  return [{ type: 'text', text: delta.text }];
}
