// Telling plain data apart: what YAML and JSON parsers hand back is `unknown` until checked.

/** A plain object (a YAML map, a JSON object): not null, not a list. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
