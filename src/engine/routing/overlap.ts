// Offline overlap hints: which agents of one listing claim the same requests, by words alone (no model). Claude Code's
// main model picks a sub-agent from the listing's descriptions; an `<example>` whose user turn reads more like another
// agent's description than its own, or two descriptions that say the same things, are where it is likely to pick
// "wrong". Thresholds were measured on real agent sets (docs/routing-tests.md, bench/overlapPrecision.ts).
import { tokenize } from '../agents/agentSuggestions';
import type { Range } from '../types';

export interface OverlapExample {
  /** The `user:` turn: what a routing test would send. */
  user: string;
  range: Range;
}

export interface OverlapAgent {
  /** Stable key, e.g. the file path. */
  id: string;
  name: string;
  /** As Claude Code lists it (decoded, examples included). */
  description: string;
  examples: readonly OverlapExample[];
}

export interface OverlapThresholds {
  /** An example is flagged when another agent scores at least this many times its own agent's score... */
  exampleRatio: number;
  /** ...and at least this cosine similarity: a weak match of a few shared words says nothing. */
  exampleMinimumScore: number;
  /** The example must have at least this many distinct informative words to be judged at all. */
  exampleMinimumTerms: number;
  /** Two descriptions whose claims are at least this similar (cosine of their TF-IDF vectors) overlap. */
  descriptionSimilarity: number;
}

/** Chosen on the measured corpora for rare false alarms (docs/routing-tests.md, "Overlap hints"). */
export const OVERLAP_THRESHOLDS: OverlapThresholds = { exampleRatio: 2, exampleMinimumScore: 0.2, exampleMinimumTerms: 3, descriptionSimilarity: 0.6 };

export interface ExampleOverlap {
  agent: OverlapAgent;
  example: OverlapExample;
  /** The example's similarity to its own agent's description, that example left out. */
  ownScore: number;
  rival: OverlapAgent;
  rivalScore: number;
}

export interface DescriptionOverlap {
  agent: OverlapAgent;
  other: OverlapAgent;
  similarity: number;
}

export interface OverlapFindings {
  examples: ExampleOverlap[];
  /** One entry per agent and overlapping other (each pair twice, once from each side), most similar first. */
  descriptions: DescriptionOverlap[];
}

type Vector = Map<string, number>;

/**
 * Words of the example markup, and the boilerplate most corpus descriptions open with ("Expert X specializing in"):
 * they say nothing about what one agent is for.
 */
const UNINFORMATIVE_WORDS = new Set(['example', 'context', 'user', 'assistant', 'commentary', 'specializing', 'expert', 'specialist'].flatMap(tokenize));

const EXAMPLE_BLOCK = /<example>([\s\S]*?)<\/example>/gi;
/** Turn labels as the corpus writes them, at the start of a line (as src/engine/agents/examples.ts reads them). */
const TURN = /^[ \t]*(?:-[ \t]+)?(context|user|human|assistant)[ \t]*:/gim;

/**
 * What a description claims, as words: its prose and each example's context and user turns. The assistant turns and
 * commentary are left out: they mostly repeat "I'll use the X agent" and why, which every example says alike.
 */
export function claimedText(description: string): string {
  return description.replace(/\\n/g, '\n').replace(EXAMPLE_BLOCK, (_block, body: string) => ` ${claimedTurns(body)} `);
}

function claimedTurns(body: string): string {
  const withoutCommentary = body.replace(/<commentary>[\s\S]*?<\/commentary>/gi, ' ');
  const labels = [...withoutCommentary.matchAll(TURN)];
  if (labels.length === 0) return withoutCommentary;
  return labels
    .filter((label) => label[1].toLowerCase() !== 'assistant')
    .map((label) => {
      const next = labels.find((other) => other.index > label.index);
      return withoutCommentary.slice(label.index + label[0].length, next ? next.index : withoutCommentary.length);
    })
    .join(' ');
}

function terms(text: string): string[] {
  return tokenize(text).filter((term) => !UNINFORMATIVE_WORDS.has(term));
}

function counts(words: readonly string[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const word of words) result.set(word, (result.get(word) ?? 0) + 1);
  return result;
}

function norm(vector: Vector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}

/** TF-IDF over the listing, as the agent picker's suggestions weigh words, with the markup words left out. */
export class ListingIndex {
  readonly documents: Map<string, number>[];
  private readonly documentFrequency = new Map<string, number>();
  readonly vectors: Vector[];
  readonly norms: number[];
  /** term -> the agents whose claims hold it, and its weight in each (parallel lists). */
  private readonly postings = new Map<string, { agents: number[]; weights: number[] }>();
  /** Scratch for `dots`: one slot per agent, zero between calls. */
  private readonly accumulator: Float64Array;

  constructor(readonly agents: readonly OverlapAgent[]) {
    this.documents = agents.map((agent) => counts(terms(`${agent.name.replace(/[-_:]/g, ' ')} ${claimedText(agent.description)}`)));
    for (const document of this.documents) for (const term of document.keys()) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    this.vectors = this.documents.map((document) => this.weigh(document));
    this.norms = this.vectors.map(norm);
    this.vectors.forEach((vector, index) => {
      for (const [term, weight] of vector) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = { agents: [], weights: [] }));
        list.agents.push(index);
        list.weights.push(weight);
      }
    });
    this.accumulator = new Float64Array(agents.length);
  }

  idf(term: string): number {
    return Math.log(1 + this.agents.length / (this.documentFrequency.get(term) ?? this.agents.length));
  }

  weigh(document: Map<string, number>): Vector {
    const vector: Vector = new Map();
    for (const [term, count] of document) if (count > 0) vector.set(term, (1 + Math.log(count)) * this.idf(term));
    return vector;
  }

  /**
   * Dot products of a vector with every agent that shares a term with it (a typed array and a list of the agents
   * touched: a whole listing's pairs are millions of additions).
   */
  dots(vector: Vector): Map<number, number> {
    const accumulator = this.accumulator;
    const touched: number[] = [];
    for (const [term, weight] of vector) {
      const list = this.postings.get(term);
      if (!list) continue;
      const { agents, weights } = list;
      for (let i = 0; i < agents.length; i++) {
        if (accumulator[agents[i]] === 0) touched.push(agents[i]);
        accumulator[agents[i]] += weight * weights[i];
      }
    }
    const dots = new Map<number, number>();
    for (const index of touched) {
      dots.set(index, accumulator[index]);
      accumulator[index] = 0;
    }
    return dots;
  }
}

/** Every example and description overlap among the agents of one listing (the agents one Claude Code session sees). */
export function findOverlaps(agents: readonly OverlapAgent[], thresholds: OverlapThresholds = OVERLAP_THRESHOLDS): OverlapFindings {
  const findings: OverlapFindings = { examples: [], descriptions: [] };
  if (agents.length < 2) return findings;
  const index = new ListingIndex(agents);
  agents.forEach((agent, agentIndex) => {
    for (const example of agent.examples) {
      const overlap = exampleOverlap(index, agentIndex, example, thresholds);
      if (overlap) findings.examples.push(overlap);
    }
    const dots = index.dots(index.vectors[agentIndex]);
    for (const [otherIndex, dot] of dots) {
      if (otherIndex === agentIndex) continue;
      const denominator = index.norms[agentIndex] * index.norms[otherIndex];
      const similarity = denominator > 0 ? dot / denominator : 0;
      if (similarity >= thresholds.descriptionSimilarity) findings.descriptions.push({ agent, other: agents[otherIndex], similarity });
    }
  });
  findings.descriptions.sort((a, b) => b.similarity - a.similarity);
  return findings;
}

/** Scores of one example against every agent: its own with the example left out, so it does not match itself. */
export function exampleScores(index: ListingIndex, agentIndex: number, example: OverlapExample): { own: number; rivals: { index: number; score: number }[]; terms: number } {
  const exampleCounts = counts(terms(example.user));
  const query = index.weigh(exampleCounts);
  const queryNorm = norm(query);
  if (queryNorm === 0) return { own: 0, rivals: [], terms: 0 };
  const ownDocument = new Map(index.documents[agentIndex]);
  for (const [term, count] of exampleCounts) ownDocument.set(term, Math.max(0, (ownDocument.get(term) ?? 0) - count));
  const ownVector = index.weigh(ownDocument);
  const ownNorm = norm(ownVector);
  let ownDot = 0;
  for (const [term, weight] of query) ownDot += weight * (ownVector.get(term) ?? 0);
  const own = ownNorm > 0 ? ownDot / (queryNorm * ownNorm) : 0;
  const rivals = [...index.dots(query)].filter(([other]) => other !== agentIndex)
    .map(([other, dot]) => ({ index: other, score: index.norms[other] > 0 ? dot / (queryNorm * index.norms[other]) : 0 }))
    .sort((a, b) => b.score - a.score);
  return { own, rivals, terms: exampleCounts.size };
}

function exampleOverlap(index: ListingIndex, agentIndex: number, example: OverlapExample, thresholds: OverlapThresholds): ExampleOverlap | undefined {
  const { own, rivals, terms: termCount } = exampleScores(index, agentIndex, example);
  const best = rivals[0];
  if (!best || termCount < thresholds.exampleMinimumTerms) return undefined;
  if (best.score < thresholds.exampleMinimumScore || best.score < own * thresholds.exampleRatio) return undefined;
  return { agent: index.agents[agentIndex], example, ownScore: own, rival: index.agents[best.index], rivalScore: best.score };
}

