// `tools` and `disallowedTools`: Claude Code silently drops entries it does not know, and reads other shapes as empty.
import type { RuleMeta } from '../../../lint/rule';
import { splitToolList, type ToolEntry } from '../../../frontmatter/toolList';
import { isScalarNode, type FrontmatterEntry } from '../../../frontmatter/model';
import { describeType, profileIndex, toolNamesIn, type ClaudeCodeContext, type ClaudeCodeRule } from '../claudeCodeContext';

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
    // Past the diagnostics a file lists, an unknown tool is only counted: no guess at what it meant.
    if (ctx.countedIfLeftOut(unknownTool, tool)) continue;
    const suggestion = toolNames.suggest(tool.name);
    ctx.report(unknownTool, `Unknown tool \`${tool.name}\`: Claude Code silently drops it${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`, ctx.range(tool.start, tool.end),
      // Only a range that holds the name itself can be replaced by the suggestion.
      suggestion && tool.exact ? { title: `Change to \`${suggestion}\``, isPreferred: true, edits: [ctx.edit(tool.start, tool.end, suggestion)] } : undefined);
  }
}

/** A tool entry located in the source; `exact` when its range holds the name itself, not its whole scalar. */
type LocatedTool = ToolEntry & { exact: boolean };

/** Tool entries with offsets in the YAML text; string values are split like Claude Code splits them. */
function toolEntriesWithRanges(ctx: ClaudeCodeContext, entry: FrontmatterEntry): LocatedTool[] {
  const node = entry.valueNode;
  if (node?.kind === 'seq') {
    const result: LocatedTool[] = [];
    for (const item of node.items!) {
      if (item.text === null) {
        result.push({ name: null, start: item.start, end: item.end, exact: true });
        continue;
      }
      const names = splitToolList(item.text);
      // Most items are one name: located without a list around it.
      if (names.length === 1) result.push(locatedAlone(ctx, names[0], item.start, item.end));
      else for (const tool of locateAll(ctx, names, item.start, item.end)) result.push(tool);
    }
    return result;
  }
  if (isScalarNode(node) && typeof entry.value === 'string') return locateAll(ctx, toolNamesIn(ctx, entry.value), entry.valueStart, entry.valueEnd);
  return [];
}

/**
 * Whether a character may stand next to a tool name in its scalar's source: separators, quotes, brackets and what
 * `\s` matches. By code, not a pattern tested on a one-character string: a `tools` line of 80,000 names asks twice per name.
 */
function isToolBoundary(code: number): boolean {
  switch (code) {
    case 0x2c: case 0x22: case 0x27: case 0x5b: case 0x5d: // , " ' [ ]
    case 0x20: case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d:
    case 0xa0: case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000: case 0xfeff:
      return true;
    default:
      return code >= 0x2000 && code <= 0x200a;
  }
}

/**
 * Finds each tool name inside its scalar's source, in order, as a whole word: `indexOf` alone found `it` inside
 * `Write`. Falls back to the whole scalar when escapes or folding hide a name.
 */
function locateAll(ctx: ClaudeCodeContext, names: readonly string[], start: number, end: number): LocatedTool[] {
  return names.length === 1 ? [locatedAlone(ctx, names[0], start, end)] : searchedFor(ctx, names, start, end);
}

/** The one name of a scalar: the common case, a list item that is one bare name, found without copying its source. */
function locatedAlone(ctx: ClaudeCodeContext, name: string, start: number, end: number): LocatedTool {
  if (end - start === name.length && ctx.yamlText.startsWith(name, start)) return { name, start, end, exact: true };
  return searchedFor(ctx, [name], start, end)[0];
}

/** Each name found in the scalar's source after the one before it, or the whole scalar for a name not found. */
function searchedFor(ctx: ClaudeCodeContext, names: readonly string[], start: number, end: number): LocatedTool[] {
  const source = ctx.yamlText.slice(start, end);
  let from = 0;
  return names.map((name) => {
    for (let index = source.indexOf(name, from); index !== -1; index = source.indexOf(name, index + 1)) {
      const before = index === 0 ? 0x20 : source.charCodeAt(index - 1);
      const after = index + name.length === source.length ? 0x20 : source.charCodeAt(index + name.length);
      if (!isToolBoundary(before) || !isToolBoundary(after)) continue;
      from = index + name.length;
      return { name, start: start + index, end: start + index + name.length, exact: true };
    }
    return { name, start, end, exact: false };
  });
}
