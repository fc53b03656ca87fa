// One checked file as the command line reports it, and what every output format shares: the reporter it streams files
// to, and the totals of the closing summary.
import type { Diagnostic } from '../engine/types';
import type { LintResult } from '../engine/lint/lintResult';

export interface LintedFile {
  path: string;
  result: LintResult;
  diagnostics: Diagnostic[];
  /** The plugin whose agent (or manifest) this is. */
  plugin?: string;
}

/**
 * Where results go as they are found: one file at a time, so no output is ever built as one string (a walk of a whole
 * machine once died of `Invalid string length` at 2.7 GB).
 */
export interface LintReporter {
  file(file: LintedFile): void;
  end(): void;
}

export interface LintTotals {
  files: number;
  errors: number;
  warnings: number;
  /** Agent files the tool would skip, for an error (Claude Code skips them without a word); a README is no agent. */
  skipped: number;
}

export function emptyTotals(): LintTotals {
  return { files: 0, errors: 0, warnings: 0, skipped: 0 };
}

export function addToTotals(totals: LintTotals, file: LintedFile): void {
  totals.files++;
  if (isSkippedAgent(file)) totals.skipped++;
  for (const diagnostic of file.diagnostics) {
    if (diagnostic.severity === 'error') totals.errors++;
    else if (diagnostic.severity === 'warning') totals.warnings++;
  }
}

export function isSkippedAgent(file: LintedFile): boolean {
  return !file.result.loads && file.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/** `3 agent files checked: 1 error, 2 warnings, 1 agent skipped.` */
export function summaryLine(totals: LintTotals): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${count(totals.files, 'agent file', 'agent files')} checked: ${count(totals.errors, 'error', 'errors')}, ${count(totals.warnings, 'warning', 'warnings')}, ${count(totals.skipped, 'agent skipped', 'agents skipped')}.`;
}

/** Wraps a reporter so that its totals are kept and `onEnd` gets them after it ends. */
export function withTotals(reporter: LintReporter, onEnd: (totals: LintTotals) => void): LintReporter {
  const totals = emptyTotals();
  return {
    file(file) {
      addToTotals(totals, file);
      reporter.file(file);
    },
    end() {
      reporter.end();
      onEnd(totals);
    },
  };
}
