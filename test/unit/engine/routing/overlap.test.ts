// The overlap hints' scoring: an example is judged against its own agent without itself, the example markup and the
// assistant turns do not count as claims, and the thresholds keep a weak or short match quiet.
import * as assert from 'node:assert/strict';
import { claimedText, findOverlaps, type OverlapAgent } from '../../../../src/engine/routing/overlap';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const agent = (name: string, description: string, examples: string[] = []): OverlapAgent =>
  ({ id: name, name, description, examples: examples.map((user) => ({ user, range })) });

describe('overlap hints', () => {
  const security = agent('security-reviewer', 'Reviews code for vulnerabilities such as SQL injection, leaked secrets and unsafe login handling.');
  const writer = (user: string) => agent('doc-writer', `Writes README files, guides and API reference documentation.\n<example>\nuser: "${user}"\nassistant: "I'll use the doc-writer agent."\n</example>`, [user]);

  it('flags an example whose request matches another agent, naming it', () => {
    const found = findOverlaps([security, writer('Check the login handler for SQL injection and leaked secrets')]);
    assert.equal(found.examples.length, 1);
    assert.equal(found.examples[0].rival.name, 'security-reviewer');
    assert.ok(found.examples[0].rivalScore >= 2 * found.examples[0].ownScore);
  });

  it('leaves an example alone when it fits its own agent, though its own text is left out of its agent', () => {
    const found = findOverlaps([security, agent('doc-writer', 'Writes README files, guides and API reference documentation.\n<example>\nuser: "Write the README guide for the billing API"\n</example>', ['Write the README guide for the billing API'])]);
    assert.deepEqual(found.examples, []);
  });

  it('needs three informative words: a short request says too little to judge', () => {
    assert.deepEqual(findOverlaps([security, writer('SQL injection?')]).examples, []);
  });

  it('counts context and user turns as claims, not assistant turns or commentary', () => {
    const text = claimedText('Lead.\\n<example>\\nContext: billing\\nuser: "invoices"\\nassistant: "I will use the tax agent"\\n<commentary>because taxes</commentary>\\n</example>');
    assert.match(text, /billing/);
    assert.match(text, /invoices/);
    assert.doesNotMatch(text, /tax/);
  });

  it('pairs two descriptions that claim the same requests, from both sides, and not two that differ', () => {
    const code = agent('code-reviewer', 'Reviews pull requests for bugs, style problems and missing tests. Use after writing or changing code.');
    const pr = agent('pr-reviewer', 'Reviews pull requests for bugs, style problems and missing tests; use it after changing code.');
    const found = findOverlaps([code, pr, security, writer('Write the README')]);
    assert.deepEqual(found.descriptions.map((overlap) => `${overlap.agent.name}~${overlap.other.name}`).sort(), ['code-reviewer~pr-reviewer', 'pr-reviewer~code-reviewer']);
  });

  it('says nothing about a single agent or an empty description', () => {
    assert.deepEqual(findOverlaps([security]), { examples: [], descriptions: [] });
    assert.deepEqual(findOverlaps([agent('a', ''), agent('b', '')]), { examples: [], descriptions: [] });
  });
});
