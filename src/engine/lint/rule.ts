// A rule is a unit: the metadata of the codes it reports (docs/diagnostics.md and the code list are collected from
// these), beside the check that reports them. Every diagnostic is built here, by `createDiagnostic`.
import type { Diagnostic, Fix, Range, Severity } from '../types';

export interface RuleMeta {
  /** Stable code such as `agent/yaml-syntax`; never changes meaning once shipped. */
  readonly code: string;
  /** `error` only when the tool skips the file. */
  readonly severity: Severity;
  /** Short title for docs and quick-fix menus. */
  readonly title: string;
  /** Why it matters: what the tool does with such a file. */
  readonly explanation: string;
  /** What the mechanical fix does, when there is one. */
  readonly fixDescription?: string;
}

/**
 * One check over a parsed front matter, with the metas of every code it reports: usually one, or a small family that
 * one check decides between (a `name` is missing, or not a string, or starts with `-`).
 */
export interface Rule<Context> {
  readonly metas: readonly RuleMeta[];
  check(ctx: Context): void;
}

/** Fixes in the order offered, the preferred one first; `undefined` entries (no fix possible) are left out. */
export type FixesArgument = Fix | readonly (Fix | undefined)[] | undefined;

export function createDiagnostic(meta: RuleMeta, message: string, range: Range, fixes?: FixesArgument): Diagnostic {
  const diagnostic: Diagnostic = { code: meta.code, severity: meta.severity, message, range };
  const list = fixes === undefined ? [] : Array.isArray(fixes) ? (fixes as readonly (Fix | undefined)[]).filter((fix): fix is Fix => fix !== undefined) : [fixes as Fix];
  if (list.length > 0) diagnostic.fixes = list;
  return diagnostic;
}
