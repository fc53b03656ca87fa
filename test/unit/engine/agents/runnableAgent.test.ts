import * as assert from 'node:assert/strict';
import { agentRisks } from '../../../../src/engine/agents/agentRisks';
import { agentVersionHash } from '../../../../src/node/agentVersionHash';
import { runnableAgentFromText } from '../../../../src/engine/agents/runnableAgent';

const path = '/project/.claude/agents/reviewer.md';

describe('runnableAgentFromText', () => {
  it('reads name, description, model, tools, disallowedTools, the trimmed body and the raw front matter', () => {
    const text = '---\nname: reviewer\ndescription: Reviews code\nmodel: opus\ntools: Read, Grep\ndisallowedTools: [Bash, "Write Edit"]\nmaxTurns: 3\n---\n\nYou review code.\n\n';
    const result = runnableAgentFromText(text, { path });
    assert.ok(result.runnable);
    assert.deepEqual(result.agent, {
      name: 'reviewer', description: 'Reviews code', model: 'opus', tools: ['Read', 'Grep'], disallowedTools: ['Bash', 'Write', 'Edit'],
      body: 'You review code.', path,
      frontmatter: { name: 'reviewer', description: 'Reviews code', model: 'opus', tools: 'Read, Grep', disallowedTools: ['Bash', 'Write Edit'], maxTurns: 3 },
    });
  });

  it('runs what Claude Code loads, including a front matter it repairs', () => {
    const result = runnableAgentFromText('---\nname: r\ndescription: Use this: for reviews\n---\nBody', { path });
    assert.ok(result.runnable);
    assert.equal(result.agent.description, 'Use this: for reviews');
  });

  it('points at the first error of a file the tool would skip', () => {
    const result = runnableAgentFromText('---\nname: reviewer\n---\nBody', { path });
    assert.ok(!result.runnable);
    assert.equal(result.firstError?.code, 'agent/missing-description');
    const none = runnableAgentFromText('Just text', { path });
    assert.ok(!none.runnable);
    assert.equal(none.firstError?.code, 'agent/missing-frontmatter');
  });

  it('reads Copilot agents with their file name as the default name', () => {
    const result = runnableAgentFromText('---\ndescription: Plans work\ntools: [search]\n---\nPlan.', { path: '/p/.github/agents/planner.agent.md' });
    assert.ok(result.runnable);
    assert.equal(result.agent.name, 'planner');
    assert.deepEqual(result.agent.tools, ['search']);
  });
});

describe('agentRisks', () => {
  it('lists hook commands with their event and matcher', () => {
    const risks = agentRisks({ hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: './check.sh' }] }], Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }] } });
    assert.deepEqual(risks, [
      { kind: 'hook', event: 'PreToolUse', matcher: 'Bash', command: './check.sh' },
      { kind: 'hook', event: 'Stop', command: 'say done' },
    ]);
  });

  it('names a hook whose shape it cannot read', () => {
    assert.deepEqual(agentRisks({ hooks: { Stop: 'rm -rf /' } }), [{ kind: 'hook', event: 'Stop' }]);
  });

  it('lists MCP servers by name, with their command or URL when given inline', () => {
    const risks = agentRisks({ mcpServers: ['github', { local: { command: 'npx', args: ['-y', 'server'] } }, { remote: { type: 'http', url: 'https://mcp.example' } }, 42] });
    assert.deepEqual(risks, [
      { kind: 'mcp-server', name: 'github' },
      { kind: 'mcp-server', name: 'local', command: 'npx -y server' },
      { kind: 'mcp-server', name: 'remote', command: 'https://mcp.example' },
    ]);
  });

  it('flags bypassPermissions and nothing for ordinary agents', () => {
    assert.deepEqual(agentRisks({ permissionMode: 'bypassPermissions' }), [{ kind: 'bypass-permissions' }]);
    assert.deepEqual(agentRisks({ permissionMode: 'plan', tools: 'Bash', hooks: null, mcpServers: 'github' }), []);
  });

  it('hashes each version of a file differently', () => {
    assert.equal(agentVersionHash('a'), agentVersionHash('a'));
    assert.notEqual(agentVersionHash('a'), agentVersionHash('a '));
    assert.match(agentVersionHash(''), /^[0-9a-f]{64}$/);
  });
});
