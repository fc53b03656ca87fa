// Completions inside agent front matter, from the schema: keys not yet present, enumerated values, tool names.
import type { AgentFileFormat } from '../formats/agentFileFormat';
import type { FieldSchema } from '../formats/fieldSchema';
import { formatById } from '../formats/registry';
import { cursorAt, type FrontmatterCursor } from '../frontmatter/frontmatterCursor';
import type { Position, Range } from '../types';
import type { AgentFormatId } from '../formats/registry';

export interface CompletionItem {
  label: string;
  kind: 'key' | 'value' | 'tool' | 'snippet';
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
  /** What the typed text is matched against, when not the label (an item that replaces more than the typed word). */
  filterText?: string;
}

export function completeFrontmatter(text: string, position: Position, formatId: AgentFormatId): CompletionItem[] {
  const format = formatById(formatId);
  const cursor = cursorAt(text, position, format.fields);
  if (!cursor) return [];
  if (cursor.kind === 'key') return keyCompletions(cursor, format);
  if (cursor.kind === 'tool') return toolCompletions(cursor, format);
  return valueCompletions(cursor);
}

function keyCompletions(cursor: FrontmatterCursor, format: AgentFileFormat): CompletionItem[] {
  const present = new Set(cursor.presentKeys.filter((key) => key !== cursor.token));
  return format.fields
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

/** The format's known tools; a format that lists none (Copilot: tool sets vary by installation) completes none. */
function toolCompletions(cursor: FrontmatterCursor, format: AgentFileFormat): CompletionItem[] {
  const listed = new Set(cursor.listedTools.filter((tool) => tool !== cursor.token));
  return format.tools.filter((tool) => !listed.has(tool.name)).map((tool, index) => ({
    label: tool.name,
    kind: 'tool' as const,
    key: cursor.key,
    detail: `${format.toolName} tool`,
    documentation: tool.documentation,
    insertText: tool.name,
    isSnippet: false,
    range: cursor.tokenRange,
    sortText: String(index).padStart(3, '0'),
  }));
}
