import * as assert from 'node:assert/strict';
import { chosenAgent, DelegationReader, type RoutingDecision } from '../../../../src/engine/routing/delegationStream';
import { caseResult, confusion, routingReportJunit } from '../../../../src/engine/routing/routingReport';
import type { RoutingCase } from '../../../../src/engine/routing/routingCases';

function read(lines: unknown[]): RoutingDecision | undefined {
  const reader = new DelegationReader();
  let decision: RoutingDecision | undefined;
  for (const line of lines) decision = reader.read(line) ?? decision;
  return decision;
}

const toolBlock = (name: string, json: string[], parent: string | null = null) => [
  { type: 'stream_event', parent_tool_use_id: parent, event: { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', name, input: {} } } },
  ...json.map((partial) => ({ type: 'stream_event', parent_tool_use_id: parent, event: { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: partial } } })),
  { type: 'stream_event', parent_tool_use_id: parent, event: { type: 'content_block_stop', index: 1 } },
];

describe('DelegationReader', () => {
  it('takes subagent_type from the streamed input of the first Agent or Task call', () => {
    assert.deepEqual(read(toolBlock('Agent', ['{"description":"x","subagent_type":"rev', 'iewer"}'])), { kind: 'delegated', agent: 'reviewer' });
    assert.deepEqual(read(toolBlock('Task', ['{"subagent_type":"writer"}'])), { kind: 'delegated', agent: 'writer' });
  });

  it('reads general-purpose for a call without subagent_type, and a fork as no choice', () => {
    assert.deepEqual(read(toolBlock('Agent', ['{"prompt":"p"}'])), { kind: 'delegated', agent: 'general-purpose' });
    const fork = read(toolBlock('Agent', ['{"subagent_type":"fork"}']))!;
    assert.deepEqual(fork, { kind: 'forked' });
    assert.equal(chosenAgent(fork), null);
  });

  it('ignores a sub-agent\'s lines, and reads the whole assistant message when partial messages are off', () => {
    const subAgent = toolBlock('Agent', ['{"subagent_type":"inner"}'], 'toolu_1');
    const assistant = { type: 'assistant', parent_tool_use_id: null, message: { content: [{ type: 'text', text: 'ok' }, { type: 'tool_use', name: 'Agent', input: { subagent_type: 'outer' } }] } };
    assert.deepEqual(read([...subAgent, assistant]), { kind: 'delegated', agent: 'outer' });
  });

  it('reports another tool, an answer, an error, a login failure and a prompt the model never saw', () => {
    assert.deepEqual(read(toolBlock('Bash', ['{"command":"ls"}'])), { kind: 'other-tool', tool: 'Bash' });
    assert.deepEqual(read([{ type: 'result', subtype: 'success', num_turns: 1, result: 'Hi' }]), { kind: 'answered' });
    assert.deepEqual(read([{ type: 'result', subtype: 'success', is_error: true, result: 'API Error: 529', api_error_status: 529 }]), { kind: 'failed', message: 'API Error: 529', status: 529 });
    assert.deepEqual(read([{ type: 'system', subtype: 'api_retry', error_status: 401, error: 'invalid x-api-key' }]), { kind: 'failed', message: 'invalid x-api-key', status: 401 });
    assert.equal(read([{ type: 'result', subtype: 'success', num_turns: 0, result: 'Unknown command: /evil' }])?.kind, 'failed');
  });

  it('keeps the first decision and survives junk lines', () => {
    const reader = new DelegationReader();
    for (const junk of [null, 3, 'x', [], { type: 'stream_event', event: { type: 'content_block_stop', index: 'a' } }]) assert.equal(reader.read(junk), undefined);
    reader.read({ type: 'system', subtype: 'init', claude_code_version: '2.1.197' });
    assert.equal(reader.version, '2.1.197');
    for (const line of toolBlock('Agent', ['{"subagent_type":"a"}'])) reader.read(line);
    assert.deepEqual(reader.read({ type: 'result', subtype: 'success', num_turns: 1 }), { kind: 'delegated', agent: 'a' });
  });
});

describe('routing report', () => {
  const routingCase = (expected: string | null, prompt = 'p'): RoutingCase => ({ id: prompt, file: '/p/a.md', prompt, expected, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } } });

  it('passes only when every run chose the expected agent; an errored run fails the case', () => {
    assert.deepEqual([caseResult(routingCase('a'), [{ chosen: 'a' }, { chosen: 'a' }]).passed, caseResult(routingCase('a'), [{ chosen: 'a' }, { chosen: null }]).passRate], [true, 0.5]);
    assert.equal(caseResult(routingCase(null), [{ error: 'rate limited' }]).passed, false);
    assert.equal(caseResult(routingCase(null), []).passed, false);
  });

  it('counts expected → chosen, and writes JUnit that escapes the prompt', () => {
    const results = [caseResult(routingCase('b'), [{ chosen: 'a' }, { chosen: 'b' }]), caseResult(routingCase(null), [{ chosen: null }]), caseResult(routingCase('a'), [{ error: 'x' }])];
    assert.deepEqual([...confusion(results)].map(([expected, row]) => [expected, [...row]]), [['a', [['error', 1]]], ['b', [['a', 1], ['b', 1]]], ['(none)', [['(none)', 1]]]]);
    const junit = routingReportJunit('2.1.197', [caseResult(routingCase('a', 'Fix <b> & "c"\u0001'), [{ chosen: null }])], (path) => path);
    assert.match(junit, /name="line 3: Fix &lt;b&gt; &amp; &quot;c&quot;"/);
    assert.match(junit, /<failure message="expected a, chosen answered itself \(pass rate 0%\)">/);
  });
});
