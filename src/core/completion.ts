// Completions inside agent front matter, from the schema: keys not yet present, enumerated values, tool names.
import { cursorAt, formatById, type FrontmatterCursor } from './frontmatterCursor';
import { CLAUDE_CODE_TOOLS, type FieldSchema } from './schema';
import type { AgentFormatId, Position, Range } from './types';

export interface CompletionItem {
  label: string;
  kind: 'key' | 'value' | 'tool';
  /** The key whose value or tool list is completed (unset for key items). */
  key?: string;
  /** One line shown beside the label. */
  detail: string;
  /** Markdown. */
  documentation: string;
  /** Snippet syntax when `isSnippet`. */
  insertText: string;
  isSnippet: boolean;
  /** The text the item replaces. */
  range: Range;
  /** Required keys first, then the schema's order. */
  sortText: string;
}

export function completeFrontmatter(text: string, position: Position, formatId: AgentFormatId): CompletionItem[] {
  const cursor = cursorAt(text, position, formatId);
  if (!cursor) return [];
  if (cursor.kind === 'key') return keyCompletions(cursor, formatId);
  if (cursor.kind === 'tool') return formatId === 'claude-code' ? toolCompletions(cursor) : [];
  return valueCompletions(cursor);
}

function keyCompletions(cursor: FrontmatterCursor, formatId: AgentFormatId): CompletionItem[] {
  const present = new Set(cursor.presentKeys.filter((key) => key !== cursor.token));
  return formatById(formatId).fields
    .filter((field) => !present.has(field.key))
    .map((field, index) => ({
      label: field.key,
      kind: 'key' as const,
      detail: `${field.type}${field.required ? ', required' : ''}`,
      documentation: field.documentation,
      insertText: cursor.hasColon ? field.key : `${field.key}: ${valueSnippet(field)}`,
      isSnippet: !cursor.hasColon,
      range: cursor.tokenRange,
      sortText: `${field.required ? 0 : 1}${String(index).padStart(3, '0')}`,
    }));
}

/** What follows `key: ` when a key is completed: the schema's snippet, or a choice of its values. */
function valueSnippet(field: FieldSchema): string {
  if (field.insertText) return field.insertText;
  if (field.values && !field.valuesAreOpen) return `\${1|${field.values.map((value) => value.value).join(',')}|}`;
  if (field.values) return `\${1:${field.values[0].value}}`;
  return '$0';
}

function valueCompletions(cursor: FrontmatterCursor): CompletionItem[] {
  return (cursor.field?.values ?? []).map((value, index) => ({
    label: value.value,
    kind: 'value' as const,
    key: cursor.key,
    detail: cursor.key,
    documentation: value.documentation,
    insertText: value.value,
    isSnippet: false,
    range: cursor.tokenRange,
    sortText: String(index).padStart(3, '0'),
  }));
}

function toolCompletions(cursor: FrontmatterCursor): CompletionItem[] {
  const listed = new Set(cursor.listedTools.filter((tool) => tool !== cursor.token));
  return CLAUDE_CODE_TOOLS.filter((tool) => !listed.has(tool.name)).map((tool, index) => ({
    label: tool.name,
    kind: 'tool' as const,
    key: cursor.key,
    detail: 'Claude Code tool',
    documentation: tool.documentation,
    insertText: tool.name,
    isSnippet: false,
    range: cursor.tokenRange,
    sortText: String(index).padStart(3, '0'),
  }));
}
