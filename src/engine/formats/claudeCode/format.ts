// The Claude Code sub-agent format: `.claude/agents/` (recursive) in a project and in the home directory.
import type { AgentFileFormat } from '../agentFileFormat';
import { detachedString } from '../../text/detachedString';
import { splitToolList } from '../../frontmatter/toolList';
import type { AgentSummary } from '../../types';
import { toolNamesIn, type ClaudeCodeContext } from './claudeCodeContext';
import { claudeCodeProfiles, firstVersionWhere, newestClaudeCodeProfile, type ClaudeCodeProfile } from './profiles';
import { descriptionRule } from './rules/description';
import { hooksRule } from './rules/hooks';
import { mcpServersRule } from './rules/mcpServers';
import { loadedModel, modelRule } from './rules/model';
import { nameRule } from './rules/name';
import { toolsRule } from './rules/tools';
import { unknownKeyRule } from './rules/unknownKey';
import { listingCostRule } from './rules/listingCost';
import { acceptedValue, valuesRule } from './rules/values';
import { yamlRepaired, yamlSyntax } from './rules/yaml';

export const claudeCodeFormat: AgentFileFormat<ClaudeCodeProfile, 'claude-code'> = {
  id: 'claude-code',
  label: 'Claude Code sub-agent',
  documentationUrl: 'https://docs.anthropic.com/en/docs/claude-code/sub-agents',
  toolName: 'Claude Code',
  locations: [{ segments: ['.claude', 'agents'], recursive: true, inHomeDirectory: true }],
  fields: newestClaudeCodeProfile.fields,
  tools: newestClaudeCodeProfile.tools,
  profiles: claudeCodeProfiles,
  defaultProfile: newestClaudeCodeProfile,
  // In the order Claude Code applies them (docs/claude-code-loader.md): only `name` and `description` can make it skip
  // a file; every other problem loads with the value dropped.
  rules: [nameRule, descriptionRule, toolsRule, modelRule, valuesRule, hooksRule, mcpServersRule, unknownKeyRule, listingCostRule],
  agentOf: claudeCodeAgent,
  yamlSyntax: { meta: yamlSyntax, cannotRead: 'Claude Code cannot parse this front matter, even after its repair pass, and skips the file', crlfHint: true },
  yamlRepaired,
  oneBomSkipped: oneBomSkippedMessage(),
  nulInFrontmatter: nulInFrontmatterMessages(),
  missingFrontmatterMessage: 'Claude Code skips this file: it has no front matter (a `---` block with `name` and `description` at the very top).',
};

function oneBomSkippedMessage(): string | undefined {
  const since = firstVersionWhere((profile) => profile.loader.stripsOneBom);
  return since && `This file starts with a byte-order mark: Claude Code ${since} and later skip the mark, but older versions see no front matter and skip the file.`;
}

function nulInFrontmatterMessages(): { skips: string; loadsHere: string } {
  const since = firstVersionWhere((profile) => profile.loader.nulInFrontmatterIsError);
  const who = since ? `Claude Code ${since} and later` : 'Claude Code';
  return {
    skips: `${who} cannot parse front matter holding a NUL byte and skip${since ? '' : 's'} this file.`,
    loadsHere: `This front matter holds a NUL byte: this Claude Code reads it, but ${since ? `Claude Code ${since} and later skip the file` : 'most tools treat the file as binary'}.`,
  };
}

function claudeCodeAgent(ctx: ClaudeCodeContext): AgentSummary {
  const name = ctx.value('name') as string;
  const description = ctx.value('description') as string;
  // Assigned one by one: an object spread per file is a slow path in V8 (see BENCHMARKS.md).
  // Copies: the catalog keeps these for as long as the file exists, and a slice would keep the whole file's text.
  const agent: AgentSummary = { name: detachedString(name), description: detachedString(description.replaceAll('\\n', '\n')) };
  const nameEntry = ctx.entry('name');
  if (nameEntry) agent.nameRange = ctx.valueRange(nameEntry);
  const model = loadedModel(ctx);
  if (model !== undefined) agent.model = detachedString(model);
  const tools = toolsOf(ctx, ctx.value('tools'));
  if (tools !== undefined) agent.tools = tools;
  const color = acceptedValue(ctx, 'color');
  if (color !== undefined) agent.color = detachedString(color);
  return agent;
}

function toolsOf(ctx: ClaudeCodeContext, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  // Names are slices of the file's text, and the catalog keeps the summary: each is detached, into a list of its own
  // (the split of a string is shared with the tools rule).
  if (typeof value === 'string') return toolNamesIn(ctx, value).map(detachedString);
  if (!Array.isArray(value)) return [];
  // One list filled in place: a filter and a flatMap over a list of 80,000 tools made two copies and an array per item.
  const tools: string[] = [];
  for (const item of value) {
    if (typeof item === 'string') for (const tool of splitToolList(item)) tools.push(detachedString(tool));
  }
  return tools;
}
