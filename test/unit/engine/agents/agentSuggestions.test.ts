import * as assert from 'node:assert/strict';
import { rankAgents, recordRecentUse, scoreAgents, stem, tokenize } from '../../../../src/engine/agents/agentSuggestions';

const agents = [
  { id: '/a/code-reviewer.md', name: 'code-reviewer', description: 'Reviews a change for bugs, unclear names and missing tests. Use after writing or modifying code.' },
  { id: '/a/test-writer.md', name: 'test-writer', description: 'Writes focused unit tests for a function or module. Use when code lacks tests.' },
  { id: '/a/security-reviewer.md', name: 'security-reviewer', description: 'Reviews code that handles input, authentication or secrets for vulnerabilities such as injection.' },
  { id: '/a/sql-tuner.md', name: 'sql-tuner', description: 'Optimizes slow database queries, indexes and schemas for PostgreSQL.' },
];

const names = (prompt: string, recent: string[] = []) => rankAgents(prompt, agents, { recent }).map((ranked) => ranked.agent.name);
const suggested = (prompt: string) => rankAgents(prompt, agents).filter((ranked) => ranked.suggested).map((ranked) => ranked.agent.name);

describe('agent suggestions', () => {
  it('reduces words to stems so word forms meet', () => {
    assert.equal(stem('reviews'), stem('review'));
    assert.equal(stem('reviewing'), stem('review'));
    assert.equal(stem('queries'), 'query');
    assert.equal(stem('tests'), 'test');
    assert.deepEqual(tokenize('Please REVIEW the login-handler, and its tests!'), ['review', 'login', 'handl', 'test']);
  });

  it('puts the agent whose description matches the prompt first and marks it suggested', () => {
    assert.equal(names('Why is this database query so slow? Maybe an index is missing.')[0], 'sql-tuner');
    assert.deepEqual(suggested('Why is this database query so slow? Maybe an index is missing.'), ['sql-tuner']);
    assert.equal(names('Write unit tests for this parser module')[0], 'test-writer');
    assert.equal(names('Is this authentication handler vulnerable to injection?')[0], 'security-reviewer');
  });

  it('weighs rare words above words every agent shares', () => {
    // "reviews" is in two descriptions, "vulnerabilities" in one: the security reviewer wins.
    const scores = scoreAgents('review for vulnerabilities', agents);
    assert.ok(scores[2] > scores[0], `${scores}`);
  });

  it('suggests nothing for a prompt that shares no word with any agent, and keeps a stable order by name', () => {
    assert.deepEqual(suggested('bonjour tout le monde'), []);
    assert.deepEqual(names('bonjour tout le monde'), ['code-reviewer', 'security-reviewer', 'sql-tuner', 'test-writer']);
    assert.deepEqual(suggested(''), []);
  });

  it('lists recently used agents first, most recent on top, and still marks suggestions among the rest', () => {
    const ranked = rankAgents('slow database query', agents, { recent: ['/a/test-writer.md', '/a/code-reviewer.md'] });
    assert.deepEqual(ranked.map((entry) => entry.agent.name).slice(0, 3), ['test-writer', 'code-reviewer', 'sql-tuner']);
    assert.deepEqual(ranked.map((entry) => entry.recentIndex), [0, 1, undefined, undefined]);
    assert.ok(ranked[2].suggested);
  });

  it('marks at most maxSuggestions agents', () => {
    const many = Array.from({ length: 10 }, (_, index) => ({ id: String(index), name: `agent-${index}`, description: 'reviews pull requests' }));
    assert.equal(rankAgents('review my pull request', many).filter((entry) => entry.suggested).length, 3);
    assert.equal(rankAgents('review my pull request', many, { maxSuggestions: 1 }).filter((entry) => entry.suggested).length, 1);
  });

  it('handles no agents, and names with separators', () => {
    assert.deepEqual(rankAgents('anything', []), []);
    assert.ok(scoreAgents('kubernetes deployment', [{ id: 'k', name: 'kubernetes-deployer', description: 'Ships things.' }])[0] > 0);
  });

  it('keeps the recently-used list unique, newest first and bounded', () => {
    assert.deepEqual(recordRecentUse(['b', 'a', 'c'], 'a'), ['a', 'b', 'c']);
    assert.deepEqual(recordRecentUse([], 'a'), ['a']);
    assert.deepEqual(recordRecentUse(['a', 'b', 'c'], 'd', 3), ['d', 'a', 'b']);
  });
});
