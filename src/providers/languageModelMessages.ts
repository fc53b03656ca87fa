// The messages the VS Code language-model provider sends; pure so it can be tested without VS Code.
import type { AgentDefinition } from './types';

export interface LanguageModelMessageData {
  role: 'user';
  content: string;
}

/**
 * VS Code's language-model API has no system role, so the agent's body goes first as a user message
 * (left out when empty: models reject an empty message).
 */
export function buildLanguageModelMessages(agent: AgentDefinition, prompt: string): LanguageModelMessageData[] {
  const messages: LanguageModelMessageData[] = [];
  if (agent.body.trim()) messages.push({ role: 'user', content: agent.body });
  messages.push({ role: 'user', content: prompt });
  return messages;
}
