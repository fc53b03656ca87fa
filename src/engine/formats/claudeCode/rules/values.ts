// Keys whose accepted values are data (colour, permission mode, memory, isolation, effort levels) or a simple type
// (background, maxTurns): Claude Code drops any other value and runs with its default.
import { boundedString, shownEntry } from '../../../text/boundedString';
import type { RuleMeta } from '../../../lint/rule';
import { allowedValues, type ClaudeCodeContext, type ClaudeCodeRule } from '../claudeCodeContext';

export const invalidValue: RuleMeta = { code: 'agent/invalid-value', severity: 'warning', title: 'Value not accepted', explanation: 'Claude Code drops a value it does not accept for this key (a colour, permission mode, memory scope, isolation, effort, background or maxTurns) and the agent runs with the default.' };
export const bypassPermissions: RuleMeta = { code: 'agent/bypass-permissions', severity: 'info', title: 'Agent bypasses permission checks', explanation: '`permissionMode: bypassPermissions` lets this agent run any tool without asking.' };

export const valuesRule: ClaudeCodeRule = {
  metas: [invalidValue, bypassPermissions],
  check(ctx: ClaudeCodeContext): void {
    for (const key of ENUMERATED_KEYS) checkEnumerated(ctx, key);
    for (const field of ctx.profile.fields) {
      if (field.type === 'boolean') checkBoolean(ctx, field.key);
      else if (field.minimum !== undefined) checkMinimum(ctx, field.key, field.minimum);
    }
    checkEffort(ctx);
    checkMaxTurns(ctx);
  },
};

/** Keys whose values are exactly the field data's list. */
const ENUMERATED_KEYS = ['color', 'permissionMode', 'memory', 'isolation'];

/** The value Claude Code keeps for an enumerated key: one of the field data's values, or nothing. */
export function acceptedValue(ctx: ClaudeCodeContext, key: string): string | undefined {
  const value = ctx.value(key);
  return typeof value === 'string' && value !== '' && allowedValues(ctx, key).includes(value) ? value : undefined;
}

function checkEnumerated(ctx: ClaudeCodeContext, key: string): void {
  const entry = ctx.entry(key);
  const value = ctx.value(key);
  if (!entry || value === undefined || value === null || value === '') return;
  const allowed = allowedValues(ctx, key);
  if (typeof value === 'string' && allowed.includes(value)) {
    if (key === 'permissionMode' && value === 'bypassPermissions') {
      ctx.report(bypassPermissions, 'This agent runs every tool without asking for permission.', ctx.valueRange(entry));
    }
    return;
  }
  const caseMatch = typeof value === 'string' ? allowed.find((known) => known.toLowerCase() === value.toLowerCase()) : undefined;
  ctx.report(invalidValue, `Claude Code drops ${shownEntry(key, value)}; use one of ${allowed.map((known) => `\`${known}\``).join(', ')}.`, ctx.valueRange(entry),
    caseMatch ? { title: `Change to \`${caseMatch}\``, isPreferred: true, edits: [ctx.edit(entry.valueStart, entry.valueEnd, caseMatch)] } : undefined);
}

function checkBoolean(ctx: ClaudeCodeContext, key: string): void {
  const entry = ctx.entry(key);
  const value = ctx.value(key);
  if (!entry || value === undefined || value === true || value === false || value === 'true' || value === 'false') return;
  ctx.report(invalidValue, `Claude Code ignores ${shownEntry(key, value)}; use \`true\` or \`false\`.`, ctx.valueRange(entry));
}

/** An integer of at least `minimum`, written as a number or a numeric string (`autoCompactWindow`). */
function checkMinimum(ctx: ClaudeCodeContext, key: string, minimum: number): void {
  const entry = ctx.entry(key);
  const value = ctx.value(key);
  if (!entry || value === undefined || value === null) return;
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (Number.isInteger(number) && number >= minimum) return;
  ctx.report(invalidValue, `Claude Code drops ${shownEntry(key, value)}: it must be an integer of at least ${minimum}.`, ctx.valueRange(entry));
}

// Claude Code accepts an integer, one of the levels, `med`, or a string that starts with an integer.
function checkEffort(ctx: ClaudeCodeContext): void {
  const entry = ctx.entry('effort');
  const value = ctx.value('effort');
  if (!entry || value === undefined || value === null || value === '') return;
  if (typeof value === 'number' && Number.isInteger(value)) return;
  const levels = allowedValues(ctx, 'effort');
  const text = boundedString(value).toLowerCase();
  if (levels.includes(text) || text === 'med' || Number.isInteger(parseInt(text, 10))) return;
  ctx.report(invalidValue, `Claude Code drops ${shownEntry('effort', value)}; use ${levels.map((level) => `\`${level}\``).join(', ')} or an integer.`, ctx.valueRange(entry));
}

function checkMaxTurns(ctx: ClaudeCodeContext): void {
  const entry = ctx.entry('maxTurns');
  const value = ctx.value('maxTurns');
  if (!entry || value === undefined || value === null) return;
  const turns = typeof value === 'number' ? value : parseInt(boundedString(value), 10);
  if (Number.isInteger(turns) && turns > 0) return;
  ctx.report(invalidValue, `Claude Code drops ${shownEntry('maxTurns', value)}; it must be a positive integer.`, ctx.valueRange(entry));
}
