// `description`: the one key a Copilot custom agent needs.
import type { RuleMeta } from '../../../lint/rule';
import type { CopilotContext, CopilotRule } from '../copilotContext';

export const copilotMissingDescription: RuleMeta = { code: 'copilot/missing-description', severity: 'error', title: 'Missing `description` (Copilot)', explanation: 'A Copilot custom agent needs a `description`.', fixDescription: 'Adds a `description:`.' };

export const descriptionRule: CopilotRule = {
  metas: [copilotMissingDescription],
  check(ctx: CopilotContext): void {
    const entry = ctx.entry('description');
    const description = ctx.value('description');
    if (typeof description === 'string' && description.trim() !== '') return;
    const text = 'description: Describe what this agent does';
    ctx.report(copilotMissingDescription, 'A Copilot custom agent needs a `description`.', entry ? ctx.valueRange(entry) : ctx.openerRange, {
      title: 'Add a description', isPreferred: true,
      edits: [entry ? ctx.edit(entry.keyStart, Math.max(entry.valueEnd, entry.keyEnd + 1), text) : ctx.insertionAtStart([text])],
    });
    ctx.skipsFile = true;
  },
};
