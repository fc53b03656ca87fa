// Results of routing cases: pass rates, and the three ways the command line prints them (text, JSON, JUnit XML).
import type { RoutingCase } from './routingCases';

/** One run of one case: the agent chosen (null: Claude Code kept the request), or why the run gave no answer. */
export type RunOutcome = { chosen: string | null; note?: string } | { error: string };

export interface CaseResult {
  routingCase: RoutingCase;
  outcomes: RunOutcome[];
  /** Runs that chose the expected agent (or none, for a `none` case), over all runs. */
  passRate: number;
  /** Every run chose what was expected; a run that failed to answer fails the case. */
  passed: boolean;
}

export function caseResult(routingCase: RoutingCase, outcomes: RunOutcome[]): CaseResult {
  const hits = outcomes.filter((outcome) => 'chosen' in outcome && outcome.chosen === routingCase.expected).length;
  const passRate = outcomes.length === 0 ? 0 : hits / outcomes.length;
  return { routingCase, outcomes, passRate, passed: outcomes.length > 0 && hits === outcomes.length };
}

/** How an outcome reads to a person: `security-reviewer`, `answered itself`, or the error. */
export function describeOutcome(outcome: RunOutcome): string {
  if ('error' in outcome) return `error: ${outcome.error}`;
  if (outcome.chosen !== null) return outcome.chosen;
  return outcome.note ? `answered itself (${outcome.note})` : 'answered itself';
}

export interface RoutingReportJson {
  claudeCodeVersion: string;
  tests: {
    file: string;
    agent: string | null;
    /** One-based, as editors and compilers print lines. */
    line: number;
    prompt: string;
    expected: string | null;
    chosen: (string | null)[];
    passRate: number;
    passed: boolean;
    /** Only when a run ended without an answer (rate limit, network, ...). */
    errors?: string[];
  }[];
}

export function routingReportJson(claudeCodeVersion: string, results: CaseResult[], displayPath: (path: string) => string): RoutingReportJson {
  return {
    claudeCodeVersion,
    tests: results.map(({ routingCase, outcomes, passRate, passed }) => {
      const errors = outcomes.flatMap((outcome) => ('error' in outcome ? [outcome.error] : []));
      return {
        file: displayPath(routingCase.file),
        agent: routingCase.agent ?? null,
        line: routingCase.range.start.line + 1,
        prompt: routingCase.prompt,
        expected: routingCase.expected,
        chosen: outcomes.flatMap((outcome) => ('chosen' in outcome ? [outcome.chosen] : [])),
        passRate,
        passed,
        ...(errors.length > 0 ? { errors } : {}),
      };
    }),
  };
}

const NONE = '(none)';

/**
 * One line per case, then the confusion summary: for each expected agent, what was chosen how often.
 * `file:line PASS|FAIL 2/3 expected → chosen` reads like a compiler's output, so editors can jump to it.
 */
export function routingReportText(claudeCodeVersion: string, results: CaseResult[], displayPath: (path: string) => string): string {
  const lines: string[] = [];
  for (const { routingCase, outcomes, passed } of results) {
    const hits = outcomes.filter((outcome) => 'chosen' in outcome && outcome.chosen === routingCase.expected).length;
    const where = `${displayPath(routingCase.file)}:${routingCase.range.start.line + 1}`;
    const chosen = outcomes.map(describeOutcome).join(', ');
    lines.push(`${where} ${passed ? 'PASS' : 'FAIL'} ${hits}/${outcomes.length} expected ${routingCase.expected ?? NONE}, chosen ${chosen || 'nothing'}: ${oneLine(routingCase.prompt, 80)}`);
  }
  lines.push('', `Confusion (Claude Code ${claudeCodeVersion}): expected → chosen (runs)`);
  for (const [expected, chosenCounts] of confusion(results)) {
    const counts = [...chosenCounts].sort((a, b) => b[1] - a[1]).map(([chosen, count]) => `${chosen} ×${count}`).join(', ');
    lines.push(`  ${expected} → ${counts}`);
  }
  const passedCount = results.filter((result) => result.passed).length;
  lines.push('', `${results.length} case${results.length === 1 ? '' : 's'}: ${passedCount} passed, ${results.length - passedCount} failed.`);
  return lines.join('\n') + '\n';
}

/** expected → (chosen → runs), expected agents in alphabetical order, `(none)` last. */
export function confusion(results: CaseResult[]): Map<string, Map<string, number>> {
  const table = new Map<string, Map<string, number>>();
  for (const { routingCase, outcomes } of results) {
    const expected = routingCase.expected ?? NONE;
    const row = table.get(expected) ?? new Map<string, number>();
    for (const outcome of outcomes) {
      const chosen = 'error' in outcome ? 'error' : (outcome.chosen ?? NONE);
      row.set(chosen, (row.get(chosen) ?? 0) + 1);
    }
    table.set(expected, row);
  }
  return new Map([...table].sort(([a], [b]) => (a === NONE ? 1 : b === NONE ? -1 : a.localeCompare(b))));
}

/** JUnit XML as CI systems read it: one suite per file, one test case per routing case. */
export function routingReportJunit(claudeCodeVersion: string, results: CaseResult[], displayPath: (path: string) => string): string {
  const byFile = new Map<string, CaseResult[]>();
  for (const result of results) {
    const file = displayPath(result.routingCase.file);
    byFile.set(file, [...(byFile.get(file) ?? []), result]);
  }
  const failures = results.filter((result) => !result.passed).length;
  const out = [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="agent-studio test-routing (Claude Code ${xml(claudeCodeVersion)})" tests="${results.length}" failures="${failures}">`];
  for (const [file, fileResults] of byFile) {
    const fileFailures = fileResults.filter((result) => !result.passed).length;
    out.push(`  <testsuite name="${xml(file)}" tests="${fileResults.length}" failures="${fileFailures}">`);
    for (const { routingCase, outcomes, passRate, passed } of fileResults) {
      const name = `line ${routingCase.range.start.line + 1}: ${oneLine(routingCase.prompt, 120)}`;
      out.push(`    <testcase classname="${xml(file)}" name="${xml(name)}" file="${xml(file)}" line="${routingCase.range.start.line + 1}">`);
      if (!passed) {
        const message = `expected ${routingCase.expected ?? NONE}, chosen ${outcomes.map(describeOutcome).join(', ')} (pass rate ${Math.round(passRate * 100)}%)`;
        out.push(`      <failure message="${xml(message)}">${xml(routingCase.prompt)}</failure>`);
      }
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function xml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped; the rest are escaped.
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
