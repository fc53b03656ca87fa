// `name`: Claude Code skips a file whose name is missing, not a string, or starts with `-`; newer versions also skip
// one that is too long or holds `:`. Other oddities load.
import { quoteYamlString, slugFromText, yamlScalar } from '../../../lint/fixes';
import type { RuleMeta } from '../../../lint/rule';
import { isScalarNode } from '../../../frontmatter/model';
import { claudeCodeProfiles, firstVersionWhere, lastVersionWithout } from '../profiles';
import type { Fix } from '../../../types';
import { describeType, skipFrom, suggestedName, type ClaudeCodeContext, type ClaudeCodeRule } from '../claudeCodeContext';

export const missingName: RuleMeta = { code: 'agent/missing-name', severity: 'error', title: 'Missing `name`', explanation: 'Claude Code needs a non-empty string `name` and does not fall back to the file name: the file is skipped.', fixDescription: 'Adds `name:` derived from the file name.' };
export const nameNotString: RuleMeta = { code: 'agent/name-not-string', severity: 'error', title: '`name` is not a string', explanation: 'YAML reads this `name` as a number, boolean, null, list or map; Claude Code needs a string and skips the file.', fixDescription: 'Quotes the value.' };
export const nameLeadingDash: RuleMeta = { code: 'agent/name-leading-dash', severity: 'error', title: '`name` starts with `-`', explanation: 'Claude Code rejects names starting with `-` (they would read as command-line flags) and skips the file.', fixDescription: 'Removes the leading dashes.' };
const colonSince = firstVersionWhere((profile) => profile.loader.nameRejectsColon);
const lengthSince = firstVersionWhere((profile) => profile.loader.maxNameLength !== undefined);
export const nameColon: RuleMeta = { code: 'agent/name-colon', severity: 'error', title: '`name` contains `:`', explanation: `\`:\` separates plugin namespaces: ${skipFrom(colonSince)} a file whose name holds it (after NFKC normalisation, so \`：\` counts too); Claude Code ${lastVersionWithout((profile) => profile.loader.nameRejectsColon) ?? "before that"} loads it, with a warning here.`, fixDescription: 'Replaces each `:` with `-`.' };
export const nameTooLong: RuleMeta = { code: 'agent/name-too-long', severity: 'error', title: '`name` is too long', explanation: `${skipFrom(lengthSince)} a file whose name is longer than 256 UTF-16 code units; older versions load it, with a warning here.`, fixDescription: 'Cuts the name to the longest length every version loads.' };
export const nameWhitespace: RuleMeta = { code: 'agent/name-whitespace', severity: 'warning', title: '`name` has spaces or line breaks', explanation: 'Claude Code uses the name verbatim, spaces and trailing newlines included, so `claude --agent` and the Agent tool can hardly address it.', fixDescription: 'Turns it into a lower-case hyphenated name.' };
export const namePathSeparator: RuleMeta = { code: 'agent/name-path-separator', severity: 'warning', title: '`name` contains `/` or `\\`', explanation: 'Claude Code loads the name as it is, but tools that make files from agent names (New Agent, Rename and Duplicate here, exports elsewhere) would write outside the agents folder: `name: "../../.github/workflows/ci"` points at a CI workflow. Agent Studio refuses such file names; other tools may not.', fixDescription: 'Turns it into a lower-case hyphenated name.' };
export const nameShadowsBuiltIn: RuleMeta = { code: 'agent/name-shadows-built-in', severity: 'warning', title: '`name` replaces a built-in agent', explanation: 'A custom agent named like a built-in (`Explore`, `Plan`, `general-purpose`, ...) silently replaces it for the whole project.' };

export const nameRule: ClaudeCodeRule = {
  metas: [missingName, nameNotString, nameLeadingDash, nameTooLong, nameColon, nameWhitespace, namePathSeparator, nameShadowsBuiltIn],
  check(ctx: ClaudeCodeContext): void {
    const entry = ctx.entry('name');
    const value = ctx.value('name');
    if (value === undefined || value === null || value === '') {
      const suggested = suggestedName(ctx);
      const range = entry ? ctx.valueRange(entry) : ctx.openerRange;
      const edit = entry
        ? ctx.edit(entry.keyStart, entry.valueNode ? entry.valueEnd : entry.keyEnd + 1, `name: ${suggested}`)
        : ctx.insertionAtStart([`name: ${suggested}`]);
      ctx.report(missingName, 'Claude Code skips this file: it has no `name` (the file name is not used instead).', range, {
        title: `Add \`name: ${suggested}\``, isPreferred: true, edits: [edit],
      });
      ctx.skipsFile = true;
      return;
    }
    if (typeof value !== 'string') {
      const source = entry && isScalarNode(entry.valueNode) ? ctx.yamlText.slice(entry.valueStart, entry.valueEnd) : undefined;
      ctx.report(nameNotString, `Claude Code skips this file: \`name\` is read as ${describeType(value)}, not a string.`, entry ? ctx.valueRange(entry) : ctx.openerRange,
        entry && source !== undefined ? { title: 'Quote the name', isPreferred: true, edits: [ctx.edit(entry.valueStart, entry.valueEnd, quoteYamlString(source))] } : undefined);
      ctx.skipsFile = true;
      return;
    }
    const range = entry ? ctx.valueRange(entry) : ctx.openerRange;
    const replaceName = (title: string, newName: string) => {
      if (!entry) return undefined;
      // After Claude Code's repair pass the entry's offsets are in the repaired text: the fix rewrites the source line.
      const line = ctx.parsed.repaired ? [...ctx.yamlText.matchAll(/^name[ \t]*:.*$/gm)].pop() : undefined;
      const edit = line ? ctx.edit(line.index!, line.index! + line[0].length, `name: ${yamlScalar(newName)}`) : ctx.edit(entry.valueStart, entry.valueEnd, yamlScalar(newName));
      return { title, isPreferred: true, edits: [edit] };
    };
    if (value.startsWith('-')) {
      const stripped = value.replace(/^-+/, '') || suggestedName(ctx);
      ctx.report(nameLeadingDash, 'Claude Code skips this file: a `name` must not start with `-`.', range, replaceName(`Rename to \`${stripped}\``, stripped));
      ctx.skipsFile = true;
      return;
    }
    if (checkLength(ctx, value, replaceName) || checkColon(ctx, value, replaceName)) return;
    if (/\s/.test(value)) {
      const slug = slugFromText(value) || suggestedName(ctx);
      ctx.report(nameWhitespace, `Claude Code uses this name verbatim, ${value.trim() === '' ? 'and it is only whitespace' : 'spaces and line breaks included'}; \`claude --agent\` can hardly address it.`, range, replaceName(`Rename to \`${slug}\``, slug));
    }
    if (/[\\/]/.test(value)) {
      const slug = slugFromText(value) || suggestedName(ctx);
      ctx.report(namePathSeparator, 'This name holds a path separator: a tool that names a file after the agent would write outside the agents folder.', range, replaceName(`Rename to \`${slug}\``, slug));
    }
    if (ctx.profile.builtInAgents.includes(value)) {
      ctx.report(nameShadowsBuiltIn, `This agent replaces Claude Code's built-in \`${value}\` agent for the whole project.`, range);
    }
  },
};

type ReplaceName = (title: string, newName: string) => Fix | undefined;

/** True when the file is skipped for it. */
function checkLength(ctx: ClaudeCodeContext, value: string, replaceName: ReplaceName): boolean {
  const limit = ctx.profile.loader.maxNameLength ?? shortestNameLimit;
  if (limit === undefined || value.length <= limit) return false;
  const cut = value.slice(0, limit).replace(/[\ud800-\udbff]$/, '');
  const fix = replaceName(`Cut the name to ${limit} characters`, cut);
  const skips = ctx.profile.loader.maxNameLength !== undefined;
  const range = nameRange(ctx);
  if (skips) {
    ctx.report(nameTooLong, `${skipFrom(lengthSince)} this file: its \`name\` is ${value.length} characters long, more than ${limit}.`, range, fix);
    ctx.skipsFile = true;
  } else {
    ctx.report(asWarning(nameTooLong), `This \`name\` is ${value.length} characters long: Claude Code ${ctx.profile.version} loads it, but Claude Code ${lengthSince} and later skip files whose name is longer than ${limit}.`, range, fix);
  }
  return skips;
}

/** Each code point that may normalise to one holding `:`: the colon, and every code point beyond ASCII. */
const COLON_OR_BEYOND_ASCII = /:|[^\x00-\x7f]/gu;

function checkColon(ctx: ClaudeCodeContext, value: string, replaceName: ReplaceName): boolean {
  if (!value.normalize('NFKC').includes(':')) return false;
  // Each character that normalises to one holding `:` (`:`, `：`, `﹕`, `︓`) becomes `-`: loads in every version.
  // `:a` must not become `-a`, which Claude Code skips for its leading dash.
  // ASCII characters are their own NFKC form, so only `:` and characters beyond ASCII are normalised: one call per
  // character was most of the lint of a `name` of 50 KB, tried once per profile for each fix.
  const renamed = value.replace(COLON_OR_BEYOND_ASCII, (character) => (character.normalize('NFKC').includes(':') ? '-' : character)).replace(/^-+/, '') || suggestedName(ctx);
  const fix = replaceName(`Rename to \`${renamed}\``, renamed);
  const skips = ctx.profile.loader.nameRejectsColon;
  if (skips) {
    ctx.report(nameColon, `${skipFrom(colonSince)} this file: a \`name\` must not contain \`:\`, which is reserved for plugin namespaces.`, nameRange(ctx), fix);
    ctx.skipsFile = true;
  } else {
    ctx.report(asWarning(nameColon), `Names with \`:\` load in Claude Code ${ctx.profile.version}, but \`:\` marks plugin namespaces and Claude Code ${colonSince ?? 'newer versions'} and later skip such files.`, nameRange(ctx), fix);
  }
  return skips;
}

function nameRange(ctx: ClaudeCodeContext) {
  const entry = ctx.entry('name');
  return entry ? ctx.valueRange(entry) : ctx.openerRange;
}

/** The limit some profile enforces, warned about under profiles that do not. */
const shortestNameLimit = claudeCodeProfiles.map((profile) => profile.loader.maxNameLength).find((limit) => limit !== undefined);

/** The same code, as a warning: under a profile that loads the file, it cannot be an error. */
function asWarning(meta: RuleMeta): RuleMeta {
  return { ...meta, severity: 'warning' };
}
