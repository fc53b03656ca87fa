// The overlap hints as diagnostics: what one listing's agents (the agents one Claude Code session sees) claim alike.
// Only the catalog knows every agent of a listing, so these are catalog diagnostics, computed once per listing and
// kept until a file of the catalog changes.
import { createDiagnostic, type RuleMeta } from '../lint/rule';
import { findOverlaps, OVERLAP_THRESHOLDS, type OverlapAgent } from '../routing/overlap';
import { exampleUserTurns, type ExampleUserTurn } from '../agents/agent';
import type { Diagnostic, Range } from '../types';

const { exampleRatio, descriptionSimilarity } = OVERLAP_THRESHOLDS;

export const exampleOverlap: RuleMeta = {
  code: 'agent/example-overlap',
  severity: 'warning',
  title: "Example reads like another agent's",
  explanation: "Claude Code's main model picks a sub-agent by reading every agent's description. This `<example>`'s user turn " +
    `matches another agent's description at least ${exampleRatio} times as well as the rest of its own (TF-IDF word matching over the agents ` +
    "Claude Code lists together, as the agent picker's suggestions use), so the model may well hand that request to the other agent. An " +
    'example earns its place when its request says what only this agent does; a routing test (`agent-studio test-routing`, or the Test ' +
    'Explorer) shows what the model really picks. Measured on real agent sets, about 9 in 10 of these warnings point at a real ambiguity ' +
    '(docs/routing-tests.md).',
};

export const descriptionOverlap: RuleMeta = {
  code: 'agent/description-overlap',
  severity: 'warning',
  title: 'Two agents claim the same requests',
  explanation: 'Two agents that Claude Code lists together have descriptions made mostly of the same distinctive words (TF-IDF cosine ' +
    `similarity of ${descriptionSimilarity} or more), so the main model has little to tell them apart by, and which one gets a request is a ` +
    'toss-up. Most often it is the same agent installed twice (two plugins that ship a copy each, or a user agent copied into a project ' +
    'under another name). Remove one, or make each description say what only it does.',
};

/** An agent of a listing as the catalog files it, and where to put a warning about it. */
export interface ListedOverlapAgent extends OverlapAgent {
  examples: readonly ExampleUserTurn[];
  nameRange?: Range;
}

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
const score = (value: number) => value.toFixed(2);

/** Every overlap diagnostic of one listing, by agent id (the file's path). */
export function overlapDiagnosticsOf(agents: readonly ListedOverlapAgent[]): Map<string, Diagnostic[]> {
  const byId = new Map<string, Diagnostic[]>();
  const add = (id: string, diagnostic: Diagnostic) => byId.set(id, [...(byId.get(id) ?? []), diagnostic]);
  const findings = findOverlaps(agents);
  for (const found of findings.examples) {
    add(found.agent.id, createDiagnostic(exampleOverlap,
      `This example's request reads more like \`${found.rival.name}\`'s description than this agent's (word match ${score(found.rivalScore)} against ${score(found.ownScore)}): Claude Code may hand it to \`${found.rival.name}\`.`,
      found.example.range));
  }
  const others = new Map<string, typeof findings.descriptions>();
  for (const found of findings.descriptions) others.set(found.agent.id, [...(others.get(found.agent.id) ?? []), found]);
  for (const [id, found] of others) {
    const agent = found[0].agent as ListedOverlapAgent;
    const [first, ...rest] = found;
    const more = rest.length > 0 ? ` and ${rest.length} more (${rest.slice(0, 3).map((other) => `\`${other.other.name}\``).join(', ')}${rest.length > 3 ? ', ...' : ''})` : '';
    add(id, createDiagnostic(descriptionOverlap,
      `This description claims much the same requests as \`${first.other.name}\`'s (similarity ${score(first.similarity)})${more}: Claude Code's model has little to tell them apart by.`,
      agent.nameRange ?? FILE_START));
  }
  return byId;
}

/**
 * Hints computed from the file on disk, moved onto the text being edited: an example's to the live example with the
 * same user turn (dropped when there is none), the name's to the live name.
 */
export function relocatedOverlaps(found: readonly Diagnostic[], onDisk: readonly ExampleUserTurn[], live: { text: string; nameRange?: Range }): Diagnostic[] {
  const liveExamples = live.text.includes('<example>') ? exampleUserTurns(live.text) : [];
  return found.flatMap((diagnostic): Diagnostic[] => {
    if (diagnostic.code !== exampleOverlap.code) return [live.nameRange ? { ...diagnostic, range: live.nameRange } : diagnostic];
    const user = onDisk.find((example) => sameRange(example.range, diagnostic.range))?.user;
    const moved = liveExamples.find((example) => example.user === user);
    return moved ? [{ ...diagnostic, range: moved.range }] : [];
  });
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
