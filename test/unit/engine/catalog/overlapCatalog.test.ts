// The overlap hints as the catalog reports them: among the agents one Claude Code session lists together, on the
// example's lines, moved along with a file being edited, and recomputed for the other files a change affects.
import * as assert from 'node:assert/strict';
import { AgentCatalog } from '../../../../src/engine/catalog/catalog';
import type { AgentFolder } from '../../../../src/engine/formats/agentFiles';

const projectA: AgentFolder = { path: '/a/.claude/agents', scope: 'project', format: 'claude-code', project: '/a', recursive: true };
const projectB: AgentFolder = { path: '/b/.claude/agents', scope: 'project', format: 'claude-code', project: '/b', recursive: true };
const user: AgentFolder = { path: '/home/.claude/agents', scope: 'user', format: 'claude-code', recursive: true };

const security = '---\nname: security-reviewer\ndescription: Reviews code for vulnerabilities such as SQL injection, leaked secrets and unsafe login handling.\n---\n';
const writer = (prefix = '') => `---\nname: doc-writer\ndescription: |\n${prefix}  Writes README files, guides and API reference documentation.\n  <example>\n  user: "Check the login handler for SQL injection and leaked secrets"\n  </example>\n---\n`;
const codes = (catalog: AgentCatalog, path: string) => catalog.diagnostics(path).map((diagnostic) => diagnostic.code).filter((code) => code.endsWith('-overlap'));

describe('overlap hints in the catalog', () => {
  it('compares a project agent with its project and the user agents, never with another project', () => {
    const catalog = new AgentCatalog([projectA, projectB, user]);
    catalog.update('/a/.claude/agents/doc-writer.md', writer());
    catalog.update('/b/.claude/agents/security-reviewer.md', security);
    assert.deepEqual(codes(catalog, '/a/.claude/agents/doc-writer.md'), []);
    catalog.update('/home/.claude/agents/security-reviewer.md', security);
    assert.deepEqual(codes(catalog, '/a/.claude/agents/doc-writer.md'), ['agent/example-overlap']);
    const [diagnostic] = catalog.diagnostics('/a/.claude/agents/doc-writer.md').filter((found) => found.code === 'agent/example-overlap');
    assert.equal(diagnostic.range.start.line, 4);
    assert.match(diagnostic.message, /`security-reviewer`/);
  });

  it('moves the hint with the example while the file is edited, and drops it when the example is gone', () => {
    const catalog = new AgentCatalog([projectA]);
    catalog.update('/a/.claude/agents/doc-writer.md', writer());
    catalog.update('/a/.claude/agents/security-reviewer.md', security);
    const moved = catalog.overlapDiagnostics('/a/.claude/agents/doc-writer.md', { text: writer('  Two new lines.\n  More.\n') });
    assert.deepEqual(moved.map((diagnostic) => diagnostic.range.start.line), [6]);
    assert.deepEqual(catalog.overlapDiagnostics('/a/.claude/agents/doc-writer.md', { text: '---\nname: doc-writer\ndescription: Writes docs.\n---\n' }), []);
  });

  it('tells which other files a change gave or took a hint', () => {
    const catalog = new AgentCatalog([projectA]);
    catalog.update('/a/.claude/agents/doc-writer.md', writer());
    assert.deepEqual(catalog.overlapChanges(), []);
    catalog.update('/a/.claude/agents/security-reviewer.md', security);
    assert.deepEqual(catalog.overlapChanges(), ['/a/.claude/agents/doc-writer.md']);
    assert.deepEqual(catalog.overlapChanges(), []);
    catalog.remove('/a/.claude/agents/security-reviewer.md');
    assert.deepEqual(catalog.overlapChanges(), ['/a/.claude/agents/doc-writer.md']);
  });

  it('leaves out a shadowed definition and Copilot agents', () => {
    const copilot: AgentFolder = { path: '/a/.github/agents', scope: 'project', format: 'copilot', project: '/a', recursive: false };
    const catalog = new AgentCatalog([projectA, user, copilot]);
    catalog.update('/a/.claude/agents/doc-writer.md', writer());
    catalog.update('/home/.claude/agents/doc-writer.md', '---\nname: doc-writer\ndescription: Reviews code for vulnerabilities such as SQL injection, leaked secrets and unsafe login handling.\n---\n');
    catalog.update('/a/.github/agents/security-reviewer.agent.md', security);
    assert.deepEqual(codes(catalog, '/a/.claude/agents/doc-writer.md'), []);
    assert.deepEqual(codes(catalog, '/a/.github/agents/security-reviewer.agent.md'), []);
  });
});
