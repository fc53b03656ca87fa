// Routing cases: a prompt and the agent Claude Code should hand it to (or none). They come from the agents' own
// `<example>` blocks and from one project file, `.claude/agent-routing.json`.
import { exampleUserTurns } from '../agents/agent';
import { TextPositions } from '../text/textPositions';
import type { Range } from '../types';
import { isRecord } from '../plainValues';

/** Project-relative path of the file of extra cases. */
export const ROUTING_CASES_FILE = '.claude/agent-routing.json';

export interface RoutingCase {
  /** Stable within a run and across edits that do not move the case: `path#example-2`, `path#case-0`. */
  id: string;
  /** The file the case is written in: an agent file, or the cases file. */
  file: string;
  /** The agent whose file holds the example; undefined for cases from the cases file. */
  agent?: string;
  prompt: string;
  /** The agent that should be chosen; null: Claude Code must not delegate. */
  expected: string | null;
  range: Range;
}

export interface CasesFileProblem {
  message: string;
  range: Range;
}

/** One case per `<example>` with a user turn; the owning agent is the expected answer. */
export function casesFromAgentFile(file: string, text: string, agentName: string): RoutingCase[] {
  return exampleUserTurns(text).map((example) => ({
    id: `${file}#example-${example.index}`,
    file,
    agent: agentName,
    prompt: example.user,
    expected: agentName,
    // From the `<example>` line: the test sits on the example, where its gutter icon shows.
    range: example.range,
  }));
}

/**
 * `{"cases": [{"prompt": "...", "expect": "agent-name" | "none"}]}`. A case that cannot be read is a problem with
 * its range, never an exception: a broken file must still show where it is broken.
 */
export function parseRoutingCasesFile(file: string, text: string): { cases: RoutingCase[]; problems: CasesFileProblem[] } {
  const positions = new TextPositions(text);
  const whole = positions.rangeOf(0, Math.min(text.length, 1));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { cases: [], problems: [{ message: `Not valid JSON: ${(error as Error).message}`, range: whole }] };
  }
  const list = isRecord(value) ? value.cases : undefined;
  if (!Array.isArray(list)) return { cases: [], problems: [{ message: 'Expected an object with a "cases" array.', range: whole }] };
  const starts = caseObjectOffsets(text);
  const cases: RoutingCase[] = [];
  const problems: CasesFileProblem[] = [];
  list.forEach((entry, index) => {
    const start = starts[index] ?? 0;
    const range = positions.rangeOf(start, start + 1);
    const prompt = isRecord(entry) ? entry.prompt : undefined;
    const expect = isRecord(entry) ? entry.expect : undefined;
    if (typeof prompt !== 'string' || !prompt.trim()) {
      problems.push({ message: `Case ${index + 1}: "prompt" must be a non-empty string.`, range });
      return;
    }
    if (typeof expect !== 'string' || !expect.trim()) {
      problems.push({ message: `Case ${index + 1}: "expect" must be an agent name, or "none" when Claude Code must not delegate.`, range });
      return;
    }
    cases.push({ id: `${file}#case-${index}`, file, prompt, expected: expect.trim() === 'none' ? null : expect.trim(), range });
  });
  return { cases, problems };
}

/** Offsets of the objects directly inside the top-level `cases` array, found with a scanner that knows JSON strings. */
function caseObjectOffsets(text: string): number[] {
  const offsets: number[] = [];
  const stack: { kind: '{' | '['; holdsCases: boolean }[] = [];
  let lastStringAtTop: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      const end = stringEnd(text, i);
      if (stack.length === 1) lastStringAtTop = text.slice(i + 1, end);
      i = end;
    } else if (char === '{' || char === '[') {
      const parent = stack[stack.length - 1];
      if (char === '{' && parent?.holdsCases) offsets.push(i);
      stack.push({ kind: char, holdsCases: char === '[' && stack.length === 1 && parent.kind === '{' && lastStringAtTop === 'cases' });
    } else if (char === '}' || char === ']') {
      stack.pop();
    }
  }
  return offsets;
}

function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}
