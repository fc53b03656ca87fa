// What an agent costs in every Claude Code session: its line of the agent listing ("Available agent types for the
// Agent tool:"), which Claude Code sends as a message of every main conversation, whether the agent is used or not
// (docs/routing-tests.md).

/** A rough rule for English text and Claude's tokenizers; an estimate, not a count. */
export const CHARACTERS_PER_TOKEN = 4;

/**
 * Above this many characters an agent's listing line gets an info diagnostic (`agent/long-listing`): about twice the
 * 95th percentile (472) of the shared corpus's agents, which 4 of its 364 exceed.
 */
export const LISTING_COST_NOTICE_CHARACTERS = 1000;

export interface ListedAgent {
  name: string;
  description: string;
  tools?: readonly string[];
  disallowedTools?: readonly string[];
}

/** The agent's listing line as the CLI writes it: `- name: description (Tools: ...)`. */
export function listingLine(agent: ListedAgent): string {
  return `- ${agent.name}: ${agent.description} (Tools: ${toolsText(agent)})`;
}

function toolsText(agent: ListedAgent): string {
  if (agent.tools !== undefined && agent.tools.length > 0 && !agent.tools.includes('*')) {
    const allowed = agent.disallowedTools?.length ? agent.tools.filter((tool) => !agent.disallowedTools!.includes(tool)) : agent.tools;
    return allowed.length > 0 ? allowed.join(', ') : 'None';
  }
  return agent.disallowedTools?.length ? `All tools except ${agent.disallowedTools.join(', ')}` : 'All tools';
}

export interface ListingCost {
  characters: number;
  estimatedTokens: number;
}

export function listingCost(agent: ListedAgent): ListingCost {
  const characters = listingLine(agent).length + 1; // its line break
  return { characters, estimatedTokens: Math.ceil(characters / CHARACTERS_PER_TOKEN) };
}
