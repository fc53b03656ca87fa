// `hooks`: validated against the settings.json hooks schema; Claude Code drops all of them when they do not match.
import type { RuleMeta } from '../../../lint/rule';
import { describeType, type ClaudeCodeContext, type ClaudeCodeRule } from '../claudeCodeContext';

export const invalidHooks: RuleMeta = { code: 'agent/invalid-hooks', severity: 'warning', title: 'Invalid `hooks`', explanation: 'Claude Code validates `hooks` against the settings.json hooks schema and silently drops them all if they do not match (`hooks: []` is the common case).', fixDescription: 'Removes the invalid `hooks` entry.' };

export const hooksRule: ClaudeCodeRule = {
  metas: [invalidHooks],
  check(ctx: ClaudeCodeContext): void {
    if (!ctx.profile.loader.hooksMustBeEventMap) return;
    const entry = ctx.entry('hooks');
    const value = ctx.value('hooks');
    if (!entry || !value) return;
    const problem = hooksProblem(value, ctx.profile.hookEvents);
    if (!problem) return;
    const lineStart = ctx.lineStartAt(entry.keyStart);
    const nextLine = ctx.yamlText.indexOf('\n', entry.valueEnd > entry.keyEnd ? entry.valueEnd - 1 : entry.keyEnd);
    const removeEnd = nextLine === -1 ? ctx.yamlText.length : nextLine + 1;
    ctx.report(invalidHooks, `Claude Code silently drops these hooks: ${problem}.`, ctx.valueRange(entry),
      entry.valueNode?.kind === 'map' && entry.valueNode.size! > 0 ? undefined : { title: 'Remove the invalid `hooks`', isPreferred: true, edits: [ctx.edit(lineStart, removeEnd, '')] });
  },
};

function hooksProblem(value: unknown, hookEvents: readonly string[]): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `\`hooks\` must be a map from event to matchers, not ${describeType(value)}`;
  for (const [event, matchers] of Object.entries(value)) {
    if (!hookEvents.includes(event)) return `\`${event}\` is not a hook event`;
    if (!Array.isArray(matchers)) return `\`${event}\` must hold a list of matchers`;
    for (const matcher of matchers) {
      if (typeof matcher !== 'object' || matcher === null || !Array.isArray((matcher as { hooks?: unknown }).hooks)) return `each \`${event}\` matcher needs a \`hooks\` list`;
    }
  }
  return undefined;
}
