// `name`: Claude Code skips a file whose name is missing, not a string, or starts with `-`; other oddities load.
import { quoteYamlString, slugFromText, yamlScalar } from '../../../lint/fixes';
import type { RuleMeta } from '../../../lint/rule';
import { isScalarNode } from '../../../frontmatter/model';
import { newestClaudeCodeProfile } from '../profiles';
import { describeType, suggestedName, type ClaudeCodeContext, type ClaudeCodeRule } from '../claudeCodeContext';

export const missingName: RuleMeta = { code: 'agent/missing-name', severity: 'error', title: 'Missing `name`', explanation: 'Claude Code needs a non-empty string `name` and does not fall back to the file name: the file is skipped.', fixDescription: 'Adds `name:` derived from the file name.' };
export const nameNotString: RuleMeta = { code: 'agent/name-not-string', severity: 'error', title: '`name` is not a string', explanation: 'YAML reads this `name` as a number, boolean, null, list or map; Claude Code needs a string and skips the file.', fixDescription: 'Quotes the value.' };
export const nameLeadingDash: RuleMeta = { code: 'agent/name-leading-dash', severity: 'error', title: '`name` starts with `-`', explanation: 'Claude Code rejects names starting with `-` (they would read as command-line flags) and skips the file.', fixDescription: 'Removes the leading dashes.' };
export const nameColon: RuleMeta = { code: 'agent/name-colon', severity: 'warning', title: '`name` contains `:`', explanation: `Claude Code ${newestClaudeCodeProfile.version} loads it, but \`:\` separates plugin namespaces and newer versions reject such names.`, fixDescription: 'Replaces `:` with `-`.' };
export const nameWhitespace: RuleMeta = { code: 'agent/name-whitespace', severity: 'warning', title: '`name` has spaces or line breaks', explanation: 'Claude Code uses the name verbatim, spaces and trailing newlines included, so `claude --agent` and the Agent tool can hardly address it.', fixDescription: 'Turns it into a lower-case hyphenated name.' };
export const namePathSeparator: RuleMeta = { code: 'agent/name-path-separator', severity: 'warning', title: '`name` contains `/` or `\\`', explanation: 'Claude Code loads the name as it is, but tools that make files from agent names (New Agent, Rename and Duplicate here, exports elsewhere) would write outside the agents folder: `name: "../../.github/workflows/ci"` points at a CI workflow. Agent Studio refuses such file names; other tools may not.', fixDescription: 'Turns it into a lower-case hyphenated name.' };
export const nameShadowsBuiltIn: RuleMeta = { code: 'agent/name-shadows-built-in', severity: 'warning', title: '`name` replaces a built-in agent', explanation: 'A custom agent named like a built-in (`Explore`, `Plan`, `general-purpose`, ...) silently replaces it for the whole project.' };

export const nameRule: ClaudeCodeRule = {
  metas: [missingName, nameNotString, nameLeadingDash, nameColon, nameWhitespace, namePathSeparator, nameShadowsBuiltIn],
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
    const replaceName = (title: string, newName: string) => entry ? { title, isPreferred: true, edits: [ctx.edit(entry.valueStart, entry.valueEnd, yamlScalar(newName))] } : undefined;
    if (value.startsWith('-')) {
      const stripped = value.replace(/^-+/, '') || suggestedName(ctx);
      ctx.report(nameLeadingDash, 'Claude Code skips this file: a `name` must not start with `-`.', range, replaceName(`Rename to \`${stripped}\``, stripped));
      ctx.skipsFile = true;
      return;
    }
    if (value.includes(':')) {
      // `:a` must not become `-a`, which Claude Code skips.
      const renamed = value.replaceAll(':', '-').replace(/^-+/, '') || suggestedName(ctx);
      ctx.report(nameColon, `Names with \`:\` load in Claude Code ${ctx.profile.version}, but \`:\` marks plugin namespaces and newer versions reject them.`, range, replaceName(`Rename to \`${renamed}\``, renamed));
    }
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
