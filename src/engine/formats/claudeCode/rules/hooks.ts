// `hooks`: older versions drop hooks that do not match the settings.json hooks schema; newer ones check the shape, and
// skip the whole file when a permission-guarding hook (PreToolUse, ...) is invalid or sits outside `hooks`.
import type { RuleMeta } from '../../../lint/rule';
import { describeType, skipFrom, type ClaudeCodeContext, type ClaudeCodeRule } from '../claudeCodeContext';
import { claudeCodeProfiles, firstVersionWhere, type ClaudeCodeProfile } from '../profiles';
import { guardedHookFindings, type HookFinding } from './hooksShape';

const guardedSince = firstVersionWhere((profile) => profile.loader.hooks === 'guarded');
/** The profile whose rules older profiles' warnings foretell. */
const firstGuardedProfile = claudeCodeProfiles.find((profile) => profile.loader.hooks === 'guarded');

export const invalidHooks: RuleMeta = { code: 'agent/invalid-hooks', severity: 'warning', title: 'Invalid `hooks`', explanation: 'Claude Code validates `hooks` against the settings.json hooks schema and silently drops what does not match (older versions drop them all; `hooks: []` is the common case).', fixDescription: 'Removes the invalid `hooks` entry.' };
export const hooksSkipFile: RuleMeta = { code: 'agent/hooks-skip-file', severity: 'error', title: '`hooks` make Claude Code skip the file', explanation: `${skipFrom(guardedSince)} a file whose \`hooks\` are not a map from event to matcher lists, or whose PreToolUse, PermissionRequest or PreSkillShellCommand hooks are invalid or declared outside \`hooks\`: a guarding hook that cannot load may be what protects the permissions beside it. Older versions load the file (a warning here).`, fixDescription: 'Removes the `hooks` entry or the stray key.' };

export const hooksRule: ClaudeCodeRule = {
  metas: [invalidHooks, hooksSkipFile],
  check(ctx: ClaudeCodeContext): void {
    if (ctx.profile.loader.hooks === 'guarded') checkGuarded(ctx, ctx.profile);
    else checkDropped(ctx);
  },
};

function checkGuarded(ctx: ClaudeCodeContext, profile: ClaudeCodeProfile): void {
  for (const finding of guardedHookFindings(ctx, profile)) {
    if (finding.effect === 'skip') {
      report(ctx, hooksSkipFile, `${skipFrom(guardedSince)} this file: ${finding.reason}.`, finding);
      ctx.skipsFile = true;
    } else {
      report(ctx, invalidHooks, `Claude Code drops this part of \`hooks\`: ${finding.reason}.`, finding);
    }
  }
}

/** The older reading: any problem drops all hooks; where a newer version would skip the file, the warning says so. */
function checkDropped(ctx: ClaudeCodeContext): void {
  const entry = ctx.entry('hooks');
  const value = ctx.value('hooks');
  const problem = entry && value ? hooksProblem(value, ctx.profile.hookEvents) : undefined;
  const newerSkips = firstGuardedProfile ? guardedHookFindings(ctx, firstGuardedProfile).filter((finding) => finding.effect === 'skip') : [];
  if (problem && !newerSkips.some((finding) => finding.key === 'hooks')) {
    report(ctx, invalidHooks, `Claude Code silently drops these hooks: ${problem}.`, { effect: 'drop', key: 'hooks', reason: problem });
  }
  for (const finding of newerSkips) {
    const now = finding.key === 'hooks' ? `Claude Code ${ctx.profile.version} drops these hooks` : `Claude Code ${ctx.profile.version} ignores \`${finding.key}\``;
    report(ctx, { ...hooksSkipFile, severity: 'warning' }, `${now}, but ${skipFrom(guardedSince)} the file: ${finding.reason}.`, finding);
  }
}

/** Reported on the key's value, with a fix that removes the key's lines when they are simple to remove. */
function report(ctx: ClaudeCodeContext, meta: RuleMeta, message: string, finding: HookFinding): void {
  const entry = ctx.entry(finding.key);
  if (ctx.countedIfLeftOut(meta, () => (entry ? ctx.valueRange(entry) : ctx.openerRange))) return;
  if (!entry) {
    ctx.report(meta, message, ctx.openerRange);
    return;
  }
  const lineStart = ctx.lineStartAt(entry.keyStart);
  const nextLine = ctx.yamlText.indexOf('\n', entry.valueEnd > entry.keyEnd ? entry.valueEnd - 1 : entry.keyEnd);
  const removeEnd = nextLine === -1 ? ctx.yamlText.length : nextLine + 1;
  const removable = finding.effect === 'skip' || !(entry.valueNode?.kind === 'map' && entry.valueNode.size! > 0);
  ctx.report(meta, message, ctx.valueRange(entry),
    removable ? { title: `Remove \`${finding.key}\``, isPreferred: finding.effect === 'drop', edits: [ctx.edit(lineStart, removeEnd, '')] } : undefined);
}

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
