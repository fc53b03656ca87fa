// An agent's description is sent in every Claude Code session's agent listing, whether the agent is used or not; a
// long one costs every session. The threshold is about twice the longest of 95% of the shared corpus's 364 agents.
import type { RuleMeta } from '../../../lint/rule';
import { groupedNumber } from '../../../text/groupedNumber';
import { listingCost, LISTING_COST_NOTICE_CHARACTERS } from '../../../routing/listingCost';
import { loadedName, type ClaudeCodeContext, type ClaudeCodeRule } from '../claudeCodeContext';

export const longListing: RuleMeta = {
  code: 'agent/long-listing',
  severity: 'info',
  title: 'Long agent listing',
  explanation: `Claude Code sends every agent's name and description to the model in each session (the agent listing), whether the agent is used or not. This description makes the agent's line longer than ${groupedNumber(LISTING_COST_NOTICE_CHARACTERS)} characters: most agents need under 500 (the median in the shared corpus is under 300). Examples earn their place only when routing tests show they change which agent Claude picks.`,
};

export const listingCostRule: ClaudeCodeRule = {
  metas: [longListing],
  check(ctx: ClaudeCodeContext): void {
    const entry = ctx.entry('description');
    const description = ctx.value('description');
    const name = loadedName(ctx);
    if (!entry || typeof description !== 'string' || name === null || ctx.skipsFile) return;
    const cost = listingCost({ name, description });
    if (cost.characters <= LISTING_COST_NOTICE_CHARACTERS) return;
    ctx.report(longListing, `This description puts ${groupedNumber(cost.characters)} characters (about ${groupedNumber(cost.estimatedTokens)} tokens) into the agent listing Claude Code sends in every session, used or not.`, ctx.keyRange(entry));
  },
};
