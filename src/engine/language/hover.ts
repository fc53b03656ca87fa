// Hovers inside agent front matter: the schema's documentation for keys, enumerated values and tool names.
import { MCP_TOOL_PATTERN } from '../formats/claudeCode/tools';
import type { FieldSchema } from '../formats/fieldSchema';
import { formatById } from '../formats/registry';
import { cursorAt } from '../frontmatter/frontmatterCursor';
import type { Position, Range } from '../types';
import type { AgentFormatId } from '../formats/registry';

export interface HoverInfo {
  /** Markdown. */
  markdown: string;
  range: Range;
}

export function hoverFrontmatter(text: string, position: Position, formatId: AgentFormatId): HoverInfo | undefined {
  const format = formatById(formatId);
  const cursor = cursorAt(text, position, format.fields);
  if (!cursor || !cursor.field || cursor.token === '') return undefined;
  const range = cursor.tokenRange;
  if (cursor.kind === 'key') return { markdown: describeField(cursor.field), range };
  if (cursor.kind === 'value') {
    const value = cursor.field.values?.find((known) => known.value === cursor.token);
    return value ? { markdown: `\`${cursor.key}: ${value.value}\`\n\n${value.documentation}`, range } : undefined;
  }
  // A format that lists no tools (Copilot) has nothing to say about a tool name.
  if (format.tools.length === 0) return undefined;
  const tool = format.tools.find((known) => known.name === cursor.token);
  if (tool) return { markdown: `**${tool.name}** (${format.toolName} tool)\n\n${tool.documentation}`, range };
  if (MCP_TOOL_PATTERN.test(cursor.token)) return { markdown: `\`${cursor.token}\`: a tool (or all tools) of an MCP server.`, range };
  return undefined;
}

export function describeField(field: FieldSchema): string {
  const lines = [`**${field.key}** (${field.type}, ${field.required ? 'required' : 'optional'})`, '', field.documentation];
  if (field.values) {
    const values = field.values.map((value) => `\`${value.value}\``).join(', ');
    lines.push('', `Values: ${values}${field.valuesAreOpen ? ', or another' : ''}.`);
  }
  return lines.join('\n');
}
