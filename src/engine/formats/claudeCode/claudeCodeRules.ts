// The Claude Code sub-agent rules, in the order Claude Code 2.1.197 applies them (see docs/claude-code-loader.md):
// only `name` and `description` can make it skip a file; every other problem loads with the value dropped.
import { boundedString, shownEntry } from '../../text/boundedString';
import { detachedString } from '../../text/detachedString';
import { quoteYamlString, slugFromText, yamlScalar } from '../../lint/fixes';
import type { FrontmatterContext } from '../../lint/frontmatterContext';
import {
  CLAUDE_CODE_BUILT_IN_AGENTS, CLAUDE_CODE_HOOK_EVENTS, claudeCodeFormat, isKnownClaudeCodeTool,
  MODEL_ID_PATTERN, suggestClaudeCodeTool,
} from '../schema';
import { splitToolList, type ToolEntry } from '../../frontmatter/toolList';
import type { AgentSummary } from '../../types';
import { isPlainScalar, isScalarNode, type FrontmatterEntry } from '../../frontmatter/yamlFrontmatter';

/** Validates the fields; returns the agent when Claude Code would load it. */
export function applyClaudeCodeRules(ctx: FrontmatterContext): AgentSummary | null {
  const name = checkName(ctx);
  const description = checkDescription(ctx, name);
  checkTools(ctx, 'tools');
  checkTools(ctx, 'disallowedTools');
  const model = checkModel(ctx);
  const color = checkEnumerated(ctx, 'color');
  checkEnumerated(ctx, 'permissionMode');
  checkEnumerated(ctx, 'memory');
  checkEnumerated(ctx, 'isolation');
  checkBackground(ctx);
  checkEffort(ctx);
  checkMaxTurns(ctx);
  checkHooks(ctx);
  checkMcpServers(ctx);
  checkUnknownKeys(ctx);
  if (name === null || description === null) return null;
  const tools = toolsOf(ctx.value('tools'));
  // Assigned one by one: an object spread per file is a slow path in V8 (see BENCHMARKS.md).
  // Copies: the catalog keeps these for as long as the file exists, and a slice would keep the whole file's text.
  const agent: AgentSummary = { name: detachedString(name), description: detachedString(description.replaceAll('\\n', '\n')) };
  const nameEntry = ctx.entry('name');
  if (nameEntry) agent.nameRange = ctx.valueRange(nameEntry);
  if (model !== undefined) agent.model = detachedString(model);
  if (tools !== undefined) agent.tools = tools;
  if (color !== undefined) agent.color = detachedString(color);
  return agent;
}

function checkName(ctx: FrontmatterContext): string | null {
  const entry = ctx.entry('name');
  const value = ctx.value('name');
  if (value === undefined || value === null || value === '') {
    const suggested = suggestedName(ctx);
    const range = entry ? ctx.valueRange(entry) : ctx.openerRange;
    const edit = entry
      ? ctx.edit(entry.keyStart, entry.valueNode ? entry.valueEnd : entry.keyEnd + 1, `name: ${suggested}`)
      : ctx.insertionAtStart([`name: ${suggested}`]);
    ctx.report('agent/missing-name', 'Claude Code skips this file: it has no `name` (the file name is not used instead).', range, {
      title: `Add \`name: ${suggested}\``, isPreferred: true, edits: [edit],
    });
    return null;
  }
  if (typeof value !== 'string') {
    const source = entry && isScalarNode(entry.valueNode) ? ctx.yamlText.slice(entry.valueStart, entry.valueEnd) : undefined;
    ctx.report('agent/name-not-string', `Claude Code skips this file: \`name\` is read as ${describeType(value)}, not a string.`, entry ? ctx.valueRange(entry) : ctx.openerRange,
      entry && source !== undefined ? { title: 'Quote the name', isPreferred: true, edits: [ctx.edit(entry.valueStart, entry.valueEnd, quoteYamlString(source))] } : undefined);
    return null;
  }
  const range = entry ? ctx.valueRange(entry) : ctx.openerRange;
  const replaceName = (title: string, newName: string) => entry ? { title, isPreferred: true, edits: [ctx.edit(entry.valueStart, entry.valueEnd, yamlScalar(newName))] } : undefined;
  if (value.startsWith('-')) {
    const stripped = value.replace(/^-+/, '') || suggestedName(ctx);
    ctx.report('agent/name-leading-dash', 'Claude Code skips this file: a `name` must not start with `-`.', range, replaceName(`Rename to \`${stripped}\``, stripped));
    return null;
  }
  if (value.includes(':')) {
    const renamed = value.replaceAll(':', '-');
    ctx.report('agent/name-colon', 'Names with `:` load in Claude Code 2.1.197, but `:` marks plugin namespaces and newer versions reject them.', range, replaceName(`Rename to \`${renamed}\``, renamed));
  }
  if (/\s/.test(value)) {
    const slug = slugFromText(value) || suggestedName(ctx);
    ctx.report('agent/name-whitespace', `Claude Code uses this name verbatim, ${value.trim() === '' ? 'and it is only whitespace' : 'spaces and line breaks included'}; \`claude --agent\` can hardly address it.`, range, replaceName(`Rename to \`${slug}\``, slug));
  }
  if (CLAUDE_CODE_BUILT_IN_AGENTS.includes(value)) {
    ctx.report('agent/name-shadows-built-in', `This agent replaces Claude Code's built-in \`${value}\` agent for the whole project.`, range);
  }
  return value;
}

/** A name from the file name, for fixes; only computed when a fix needs it. */
function suggestedName(ctx: FrontmatterContext): string {
  return slugFromText(ctx.path.split(/[\\/]/).pop()!.replace(/\.md$/i, '')) || 'my-agent';
}

function checkDescription(ctx: FrontmatterContext, name: string | null): string | null {
  const entry = ctx.entry('description');
  const value = ctx.value('description');
  if (entry && isPlainScalar(entry.valueNode)) checkCommentInPlainValue(ctx, entry);
  const isComment = value === null && commentAfterKey(ctx, entry);
  if ((value === undefined || value === null || value === '') && !isComment) {
    const firstLine = firstBodyLine(ctx) ?? `Use this agent when ${name ?? 'the task calls for it'}.`;
    const text = `description: ${yamlScalar(firstLine)}`;
    const eol = ctx.positions.eol;
    const edit = entry
      ? ctx.edit(entry.keyStart, entry.valueNode ? entry.valueEnd : entry.keyEnd + 1, text)
      : ctx.edit(ctx.yamlText.length, ctx.yamlText.length, `${ctx.yamlText === '' || ctx.yamlText.endsWith('\n') ? '' : eol}${text}${eol}`);
    ctx.report('agent/missing-description', `Claude Code skips this file: its \`description\` is ${entry ? 'empty' : 'missing'}, and it tells Claude when to use the agent.`, entry ? ctx.valueRange(entry) : ctx.openerRange, {
      title: 'Add a description', isPreferred: true, edits: [edit],
    });
    return null;
  }
  if (typeof value !== 'string') {
    const lineRest = withValueTag(ctx, ctx.lineRest(entry!));
    const quotable = (isComment || isScalarNode(entry!.valueNode)) && lineRest.value !== '';
    const reason = isComment ? 'starts with `#`, which makes the rest of the line a YAML comment, so it is empty' : `is read as ${describeType(value)}, not a string`;
    ctx.report('agent/description-not-string', `Claude Code skips this file: \`description\` ${reason}.`, isComment ? ctx.range(lineRest.start, lineRest.end) : ctx.valueRange(entry!),
      quotable ? { title: 'Quote the description', isPreferred: true, edits: [ctx.edit(lineRest.start, lineRest.end, quoteYamlString(lineRest.value))] } : undefined);
    return null;
  }
  if (value.trim() === '') {
    ctx.report('agent/description-blank', 'This description is blank: the agent loads, but Claude never has a reason to choose it.', entry ? ctx.valueRange(entry) : ctx.openerRange);
  }
  return value;
}

/** `description: Use it #when` is cut at ` #`; the comment token follows the value on the same line. */
function checkCommentInPlainValue(ctx: FrontmatterContext, entry: FrontmatterEntry): void {
  const rest = ctx.lineRest(entry);
  const afterValue = ctx.yamlText.slice(entry.valueEnd, rest.end);
  const valueSpansLines = ctx.yamlText.slice(entry.valueStart, entry.valueEnd).includes('\n');
  if (!/^\s+#/.test(afterValue) || valueSpansLines) return;
  const commentStart = entry.valueEnd + afterValue.indexOf('#');
  ctx.report('agent/description-comment', `Claude Code reads this description only up to \` #\`; "${rest.text.slice(commentStart - rest.start).slice(0, 40)}" is a YAML comment and is dropped.`, ctx.range(commentStart, rest.end), {
    title: 'Quote the whole description', isPreferred: true, edits: [ctx.edit(rest.start, rest.end, quoteYamlString(rest.text))],
  });
}

function commentAfterKey(ctx: FrontmatterContext, entry: FrontmatterEntry | undefined): boolean {
  return entry !== undefined && /^\s*#/.test(ctx.lineRest(entry).text);
}

function firstBodyLine(ctx: FrontmatterContext): string | undefined {
  const body = ctx.positions.text.slice(ctx.block.bodyStart);
  for (const line of body.split(/\r?\n|\r/)) {
    const text = line.replace(/^#+\s*/, '').trim();
    if (text !== '' && !text.startsWith('<')) return text.slice(0, 200);
  }
  return undefined;
}

function checkTools(ctx: FrontmatterContext, key: 'tools' | 'disallowedTools'): void {
  const entry = ctx.entry(key);
  if (!entry) return;
  const value = ctx.value(key);
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    if (key === 'tools') ctx.report('agent/tools-empty', 'This agent has no tools. Remove `tools` to let it inherit every tool.', ctx.keyRange(entry));
    return;
  }
  if (typeof value !== 'string' && !Array.isArray(value)) {
    ctx.report('agent/tools-invalid', `\`${key}\` is ${describeType(value)}; Claude Code reads it as an empty list${key === 'tools' ? ', so the agent has no tools' : ''}.`, ctx.valueRange(entry));
    return;
  }
  for (const tool of toolEntriesWithRanges(ctx, entry)) {
    if (tool.name === null) {
      ctx.report('agent/tool-not-string', 'Claude Code drops list entries that are not strings.', ctx.range(tool.start, tool.end));
      continue;
    }
    if (isKnownClaudeCodeTool(tool.name)) continue;
    const suggestion = suggestClaudeCodeTool(tool.name);
    ctx.report('agent/unknown-tool', `Unknown tool \`${tool.name}\`: Claude Code silently drops it${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`, ctx.range(tool.start, tool.end),
      suggestion ? { title: `Change to \`${suggestion}\``, isPreferred: true, edits: [ctx.edit(tool.start, tool.end, suggestion)] } : undefined);
  }
}

/** Tool entries with offsets in the YAML text; string values are split like Claude Code splits them. */
function toolEntriesWithRanges(ctx: FrontmatterContext, entry: FrontmatterEntry): ToolEntry[] {
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
function locate(ctx: FrontmatterContext, name: string, start: number, end: number): ToolEntry {
  const source = ctx.yamlText.slice(start, end);
  const index = source.indexOf(name);
  return index === -1 ? { name, start, end } : { name, start: start + index, end: start + index + name.length };
}

function toolsOf(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return splitToolList(value);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string').flatMap(splitToolList);
  return [];
}

function checkModel(ctx: FrontmatterContext): string | undefined {
  const entry = ctx.entry('model');
  const value = ctx.value('model');
  if (!entry || value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    ctx.report('agent/model-not-string', `\`model\` is ${describeType(value)}; Claude Code ignores it and uses the default model.`, ctx.valueRange(entry));
    return undefined;
  }
  const model = value.trim();
  if (model === '') return undefined;
  if (model.toLowerCase() === 'inherit') return 'inherit';
  const aliases = allowedValues('model');
  if (!aliases.includes(model) && !MODEL_ID_PATTERN.test(model)) {
    const caseMatch = aliases.find((alias) => alias === model.toLowerCase());
    ctx.report('agent/unknown-model', `Unknown model \`${model}\`: use ${aliases.map((alias) => `\`${alias}\``).join(', ')} or a full model id such as \`claude-sonnet-4-5\`.`, ctx.valueRange(entry),
      caseMatch ? { title: `Change to \`${caseMatch}\``, isPreferred: true, edits: [ctx.edit(entry.valueStart, entry.valueEnd, caseMatch)] } : undefined);
  }
  return model;
}

/** The schema's values for enumerated keys, listed once (the schema is constant). */
const ALLOWED_VALUES = new Map(claudeCodeFormat.fields.filter((field) => field.values).map((field) => [field.key, field.values!.map((known) => known.value)]));

function allowedValues(key: string): string[] {
  return ALLOWED_VALUES.get(key)!;
}

/** Keys whose values come from the schema's list; Claude Code drops other values and runs with its default. */
function checkEnumerated(ctx: FrontmatterContext, key: 'color' | 'permissionMode' | 'memory' | 'isolation'): string | undefined {
  const entry = ctx.entry(key);
  const value = ctx.value(key);
  if (!entry || value === undefined || value === null || value === '') return undefined;
  const allowed = allowedValues(key);
  if (typeof value === 'string' && allowed.includes(value)) {
    if (key === 'permissionMode' && value === 'bypassPermissions') {
      ctx.report('agent/bypass-permissions', 'This agent runs every tool without asking for permission.', ctx.valueRange(entry));
    }
    return value;
  }
  const caseMatch = typeof value === 'string' ? allowed.find((known) => known.toLowerCase() === value.toLowerCase()) : undefined;
  ctx.report('agent/invalid-value', `Claude Code drops ${shownEntry(key, value)}; use one of ${allowed.map((known) => `\`${known}\``).join(', ')}.`, ctx.valueRange(entry),
    caseMatch ? { title: `Change to \`${caseMatch}\``, isPreferred: true, edits: [ctx.edit(entry.valueStart, entry.valueEnd, caseMatch)] } : undefined);
  return undefined;
}

function checkBackground(ctx: FrontmatterContext): void {
  const entry = ctx.entry('background');
  const value = ctx.value('background');
  if (!entry || value === undefined || value === true || value === false || value === 'true' || value === 'false') return;
  ctx.report('agent/invalid-value', `Claude Code ignores ${shownEntry('background', value)}; use \`true\` or \`false\`.`, ctx.valueRange(entry));
}

// Claude Code accepts an integer, one of the levels, `med`, or a string that starts with an integer.
function checkEffort(ctx: FrontmatterContext): void {
  const entry = ctx.entry('effort');
  const value = ctx.value('effort');
  if (!entry || value === undefined || value === null || value === '') return;
  if (typeof value === 'number' && Number.isInteger(value)) return;
  const levels = allowedValues('effort');
  const text = boundedString(value).toLowerCase();
  if (levels.includes(text) || text === 'med' || Number.isInteger(parseInt(text, 10))) return;
  ctx.report('agent/invalid-value', `Claude Code drops ${shownEntry('effort', value)}; use ${levels.map((level) => `\`${level}\``).join(', ')} or an integer.`, ctx.valueRange(entry));
}

function checkMaxTurns(ctx: FrontmatterContext): void {
  const entry = ctx.entry('maxTurns');
  const value = ctx.value('maxTurns');
  if (!entry || value === undefined || value === null) return;
  const turns = typeof value === 'number' ? value : parseInt(boundedString(value), 10);
  if (Number.isInteger(turns) && turns > 0) return;
  ctx.report('agent/invalid-value', `Claude Code drops ${shownEntry('maxTurns', value)}; it must be a positive integer.`, ctx.valueRange(entry));
}

function checkHooks(ctx: FrontmatterContext): void {
  const entry = ctx.entry('hooks');
  const value = ctx.value('hooks');
  if (!entry || !value) return;
  const problem = hooksProblem(value);
  if (!problem) return;
  const lineStart = ctx.lineStartAt(entry.keyStart);
  const nextLine = ctx.yamlText.indexOf('\n', entry.valueEnd > entry.keyEnd ? entry.valueEnd - 1 : entry.keyEnd);
  const removeEnd = nextLine === -1 ? ctx.yamlText.length : nextLine + 1;
  ctx.report('agent/invalid-hooks', `Claude Code silently drops these hooks: ${problem}.`, ctx.valueRange(entry),
    entry.valueNode?.kind === 'map' && entry.valueNode.size! > 0 ? undefined : { title: 'Remove the invalid `hooks`', isPreferred: true, edits: [ctx.edit(lineStart, removeEnd, '')] });
}

function hooksProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `\`hooks\` must be a map from event to matchers, not ${describeType(value)}`;
  for (const [event, matchers] of Object.entries(value)) {
    if (!CLAUDE_CODE_HOOK_EVENTS.includes(event)) return `\`${event}\` is not a hook event`;
    if (!Array.isArray(matchers)) return `\`${event}\` must hold a list of matchers`;
    for (const matcher of matchers) {
      if (typeof matcher !== 'object' || matcher === null || !Array.isArray((matcher as { hooks?: unknown }).hooks)) return `each \`${event}\` matcher needs a \`hooks\` list`;
    }
  }
  return undefined;
}

function checkMcpServers(ctx: FrontmatterContext): void {
  const entry = ctx.entry('mcpServers');
  const value = ctx.value('mcpServers');
  if (!entry || value === undefined || value === null) return;
  const valid = Array.isArray(value) && value.every((item) => typeof item === 'string' || (typeof item === 'object' && item !== null && !Array.isArray(item) && Object.keys(item).length === 1));
  if (!valid) ctx.report('agent/invalid-mcp-servers', '`mcpServers` must be a list of server names or one-key `{name: config}` maps; Claude Code drops the rest.', ctx.valueRange(entry));
}

const KNOWN_KEYS = new Set(claudeCodeFormat.fields.map((field) => field.key));
const KEY_ALIASES: Record<string, string> = { 'allowed-tools': 'tools', allowedTools: 'tools', 'disallowed-tools': 'disallowedTools', 'permission-mode': 'permissionMode', 'max-turns': 'maxTurns', 'initial-prompt': 'initialPrompt', 'mcp-servers': 'mcpServers' };

function checkUnknownKeys(ctx: FrontmatterContext): void {
  for (const entry of ctx.parsed.entries) {
    if (KNOWN_KEYS.has(entry.key) || entry.key === '<<') continue;
    const suggestion = KEY_ALIASES[entry.key] ?? [...KNOWN_KEYS].find((known) => known.toLowerCase() === entry.key.toLowerCase());
    const canRename = suggestion !== undefined && !ctx.has(suggestion);
    ctx.report('agent/unknown-key', `Claude Code ignores \`${entry.key}\`${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`, ctx.keyRange(entry),
      canRename ? { title: `Rename to \`${suggestion}\``, isPreferred: true, edits: [ctx.edit(entry.keyStart, entry.keyEnd, suggestion!)] } : undefined);
  }
}

/**
 * The rest of the value's line, widened to take in a tag before it (`!!int 42`: the value starts at `42`), and the
 * text to quote: without the tag, which would otherwise turn the quoted text back into a number.
 */
function withValueTag(ctx: FrontmatterContext, rest: { start: number; end: number; text: string }): { start: number; end: number; value: string } {
  const lineStart = ctx.yamlText.lastIndexOf('\n', rest.start - 1) + 1;
  const tag = /(!\S*)\s+$/.exec(ctx.yamlText.slice(lineStart, rest.start));
  const start = tag ? rest.start - tag[0].length : rest.start;
  return { start, end: rest.end, value: rest.text.trim() };
}

function describeType(value: unknown): string {
  if (value === null) return 'null (empty)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return typeof value;
}
