// Which agents fit a prompt: TF-IDF over each agent's name and description, and the order a picker lists them in.

export interface SuggestionCandidate {
  /** Stable key, e.g. the file path. */
  id: string;
  name: string;
  description: string;
}

export interface RankedAgent<T extends SuggestionCandidate = SuggestionCandidate> {
  agent: T;
  score: number;
  suggested: boolean;
  /** Position in the recently-used list (0 = last used), or undefined. */
  recentIndex?: number;
}

export interface RankOptions {
  /** Ids, most recently used first. */
  recent?: readonly string[];
  /** At most this many agents are marked as suggested. Default 3. */
  maxSuggestions?: number;
  /** Agents scoring below this share of the best score are not suggested. Default 0.5. */
  relativeThreshold?: number;
}

/** Words that say nothing about what an agent is for. */
const STOP_WORDS = new Set(
  ('a an and are as at be but by can do does for from has have how i if in into is it its me my of on or our please so that the their them then there these this ' +
    'to use used using was we what when where which who why will with you your agent agents proactively should must after before any all also code')
    .split(' '),
);

/** Lower-case word stems of a text; `<example>` blocks in descriptions count like any text. */
export function tokenize(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((word) => word.length > 1 && !STOP_WORDS.has(word)).map(stem);
}

/** A light suffix stripper: enough for "reviews"/"reviewing"/"reviewer" to meet "review". */
export function stem(word: string): string {
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ers', 'er', 'ies', 'es', 'ed', 's']) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix)) {
      return suffix === 'ies' ? `${word.slice(0, -3)}y` : word.slice(0, -suffix.length);
    }
  }
  return word;
}

/**
 * Cosine similarity between the prompt and each agent's name + description, both weighted by how rare a word is among
 * the agents (a word every agent has, such as "review" in a folder of reviewers, tells them apart least).
 */
export function scoreAgents(prompt: string, agents: readonly SuggestionCandidate[]): number[] {
  const documents = agents.map((agent) => termCounts(tokenize(`${agent.name.replace(/[-_]/g, ' ')} ${agent.description}`)));
  const documentFrequency = new Map<string, number>();
  for (const counts of documents) for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const idf = (term: string) => Math.log(1 + agents.length / (documentFrequency.get(term) ?? agents.length));
  const weigh = (counts: Map<string, number>) => new Map([...counts].map(([term, count]) => [term, (1 + Math.log(count)) * idf(term)]));
  const query = weigh(termCounts(tokenize(prompt)));
  const queryNorm = norm(query);
  return documents.map((counts) => {
    const vector = weigh(counts);
    const denominator = queryNorm * norm(vector);
    if (denominator === 0) return 0;
    let dot = 0;
    for (const [term, weight] of query) dot += weight * (vector.get(term) ?? 0);
    return dot / denominator;
  });
}

/** Recently used agents first (most recent on top), then the rest by score and name; the best matches marked as suggested. */
export function rankAgents<T extends SuggestionCandidate>(prompt: string, agents: readonly T[], options: RankOptions = {}): RankedAgent<T>[] {
  const scores = scoreAgents(prompt, agents);
  const best = Math.max(0, ...scores);
  const threshold = best * (options.relativeThreshold ?? 0.5);
  const suggestedIds = new Set(
    agents
      .map((agent, index) => ({ id: agent.id, score: scores[index] }))
      .filter((entry) => entry.score > 0 && entry.score >= threshold)
      .sort((a, b) => b.score - a.score)
      .slice(0, options.maxSuggestions ?? 3)
      .map((entry) => entry.id),
  );
  const recent = options.recent ?? [];
  const ranked = agents.map((agent, index): RankedAgent<T> => {
    const recentIndex = recent.indexOf(agent.id);
    return { agent, score: scores[index], suggested: suggestedIds.has(agent.id), ...(recentIndex >= 0 ? { recentIndex } : {}) };
  });
  return ranked.sort((a, b) => {
    if (a.recentIndex !== undefined || b.recentIndex !== undefined) return (a.recentIndex ?? Infinity) - (b.recentIndex ?? Infinity);
    return b.score - a.score || a.agent.name.localeCompare(b.agent.name);
  });
}

/** The recently-used list after running `id`: it moves to the front; the list keeps at most `limit` ids. */
export function recordRecentUse(recent: readonly string[], id: string, limit = 20): string[] {
  return [id, ...recent.filter((other) => other !== id)].slice(0, limit);
}

function termCounts(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

function norm(vector: Map<string, number>): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}
