// The shape of a format's field data: keys, their types and documentation, enumerated values, tools. Validation,
// completions, hovers, the docs and the grammar's key list all read this data; nothing else lists values.

export type FieldType = 'string' | 'string-or-list' | 'boolean' | 'integer' | 'map' | 'list' | 'any';

export interface FieldValue {
  value: string;
  documentation: string;
}

export interface FieldSchema {
  key: string;
  type: FieldType;
  required: boolean;
  /** One paragraph, shown in hovers and completions. */
  documentation: string;
  /** For enumerated keys: every value the tool accepts. */
  values?: FieldValue[];
  /** Values that complete but are not the only ones accepted (model ids). */
  valuesAreOpen?: boolean;
  /** For tool-list keys: entries are tool names. */
  isToolList?: boolean;
  /** For integer keys: the smallest value the tool keeps. */
  minimum?: number;
  /** Snippet inserted after `key: ` when completing the key. */
  insertText?: string;
}

export interface ToolSchema {
  name: string;
  documentation: string;
}

export function fieldOf(fields: readonly FieldSchema[], key: string): FieldSchema | undefined {
  return fields.find((field) => field.key === key);
}

/** The accepted values of an enumerated key, as written in the field data. */
export function valuesOf(fields: readonly FieldSchema[], key: string): string[] {
  return fieldOf(fields, key)?.values?.map((known) => known.value) ?? [];
}
