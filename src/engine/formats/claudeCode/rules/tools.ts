// `tools` and `disallowedTools`: Claude Code silently drops entries it does not know, and reads other shapes as empty.
import type { RuleMeta } from '../../../lint/rule';
import { splitToolList, type ToolEntry } from '../../../frontmatter/toolList';
import { isScalarNode, type FrontmatterEntry } from '../../../frontmatter/model';
import { describeType, profileIndex, type ClaudeCodeContext, type ClaudeCodeRule } from '../claudeCodeContext';

export const unknownTool: RuleMeta = { code: 'agent/unknown-tool', severity: 'warning', title: 'Unknown tool', explanation: 'Claude Code keeps the agent but silently drops tool names it does not know; check spelling and case (`Read`, not `read`).', fixDescription: 'Changes it to the known tool it most likely means (another case, or a near spelling).' };
export const toolsInvalid: RuleMeta = { code: 'agent/tools-invalid', severity: 'warning', title: '`tools` is neither a string nor a list', explanation: 'A number, boolean or map in `tools` gives the agent no tools at all, silently.' };
export const toolsEmpty: RuleMeta = { code: 'agent/tools-empty', severity: 'info', title: 'Agent has no tools', explanation: 'An empty `tools` gives the agent no tools; omit the key to inherit every tool.' };
export const toolNotString: RuleMeta = { code: 'agent/tool-not-string', severity: 'warning', title: 'Tool entry is not a string', explanation: 'Claude Code drops list entries that are not strings.' };

export const toolsRule: ClaudeCodeRule = {
  metas: [unknownTool, toolsInvalid, toolsEmpty, toolNotString],
  check(ctx: ClaudeCodeContext): void {
    checkTools(ctx, 'tools');
    checkTools(ctx, 'disallowedTools');
  },
};

function checkTools(ctx: ClaudeCodeContext, key: 'tools' | 'disallowedTools'): void {
  const entry = ctx.entry(key);
  if (!entry) return;
  const value = ctx.value(key);
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    if (key === 'tools') ctx.report(toolsEmpty, 'This agent has no tools. Remove `tools` to let it inherit every tool.', ctx.keyRange(entry));
    return;
  }
  if (typeof value !== 'string' && !Array.isArray(value)) {
    ctx.report(toolsInvalid, `\`${key}\` is ${describeType(value)}; Claude Code reads it as an empty list${key === 'tools' ? ', so the agent has no tools' : ''}.`, ctx.valueRange(entry));
    return;
  }
  const toolNames = profileIndex(ctx.profile).toolNames;
  for (const tool of toolEntriesWithRanges(ctx, entry)) {
    if (tool.name === null) {
      ctx.report(toolNotString, 'Claude Code drops list entries that are not strings.', ctx.range(tool.start, tool.end));
      continue;
    }
    if (toolNames.isKnown(tool.name)) continue;
    const suggestion = toolNames.suggest(tool.name);
    ctx.report(unknownTool, `Unknown tool \`${tool.name}\`: Claude Code silently drops it${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`, ctx.range(tool.start, tool.end),
      suggestion ? { title: `Change to \`${suggestion}\``, isPreferred: true, edits: [ctx.edit(tool.start, tool.end, suggestion)] } : undefined);
  }
}

/** Tool entries with offsets in the YAML text; string values are split like Claude Code splits them. */
function toolEntriesWithRanges(ctx: ClaudeCodeContext, entry: FrontmatterEntry): ToolEntry[] {
  const node = entry.valueNode;
  if (node?.kind === 'seq') {
    const result: ToolEntry[] = [];
    for (const item of node.items!) {
      if (item.text !== null) {
        for (const tool of splitToolList(item.text)) result.push(locate(ctx, tool, item.start, item.end));
      } else {
        result.push({ name: null, start: item.start, end: item.end });
      }
    }
    return result;
  }
  if (isScalarNode(node) && typeof entry.value === 'string') {
    return splitToolList(entry.value).map((tool) => locate(ctx, tool, entry.valueStart, entry.valueEnd));
  }
  return [];
}

/** Finds a tool name inside its scalar's source; falls back to the whole scalar when escapes or folding hide it. */
function locate(ctx: ClaudeCodeContext, name: string, start: number, end: number): ToolEntry {
  const source = ctx.yamlText.slice(start, end);
  const index = source.indexOf(name);
  return index === -1 ? { name, start, end } : { name, start: start + index, end: start + index + name.length };
}
