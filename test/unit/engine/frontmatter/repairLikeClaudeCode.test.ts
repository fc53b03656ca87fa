// Claude Code's repair pass matches lines with /^([a-zA-Z_-]+):\s+(.+)$/; matchRepairableLine must capture exactly
// what that pattern does, without its quadratic backtracking.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { matchRepairableLine, offsetMapper, repairedLinesOf, repairLikeClaudeCode } from '../../../../src/engine/frontmatter/claudeCodeRepair';
import { isFlowList } from '../../../../src/engine/frontmatter/yamlDocument';

const CLAUDE_CODE_PATTERN = /^([a-zA-Z_-]+):\s+(.+)$/;

function byThePattern(line: string): { key: string; value: string } | undefined {
  const match = CLAUDE_CODE_PATTERN.exec(line);
  return match ? { key: match[1], value: match[2] } : undefined;
}

describe('matchRepairableLine', () => {
  it('captures what Claude Code\'s pattern captures, on 20,000 short lines of the characters that matter', () => {
    const character = fc.constantFrom('a', 'Z', '_', '-', ':', ' ', '\t', '\r', '\u2028', '\u00a0', '\ufeff', '#', '"', 'x', '1');
    fc.assert(fc.property(fc.array(character, { maxLength: 12 }).map((chars) => chars.join('')), (line) => {
      assert.deepEqual(matchRepairableLine(line), byThePattern(line));
      assert.deepEqual(matchRepairableLine(`key:${line}`), byThePattern(`key:${line}`));
    }), { numRuns: 20_000 });
  });

  // Its speed (the pattern takes minutes on this line) is measured by `npm run bench`, not by a timed test.
  it('answers for a 1 MiB CRLF line of spaces as the pattern does: no match', () => {
    const line = `key:${' '.repeat(1024 * 1024)}x\r`;
    assert.equal(matchRepairableLine(line), undefined);
  });
});

/** The repair pass written the plain way, line by line, as Claude Code writes it: what the fast one must equal. */
function repairedByLines(text: string): { text: string; lines: { line: number; start: number; end: number; replacement: string }[] } {
  const lines: { line: number; start: number; end: number; replacement: string }[] = [];
  let offset = 0;
  const output = text.split('\n').map((line, index) => {
    const start = offset;
    offset += line.length + 1;
    const match = byThePattern(line);
    let result = line;
    if (match) {
      const { key, value } = match;
      const quoted = (value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"));
      if (!quoted && !isFlowList(value) && /[{}[\]*&#!|>%@`]|: /.test(value)) result = `${key}: "${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
    }
    const untabbed = result.replace(/^\t+/, (tabs) => '  '.repeat(tabs.length));
    if (untabbed !== line) lines.push({ line: index, start, end: start + line.length, replacement: untabbed });
    return untabbed;
  });
  return { text: output.join('\n'), lines };
}

/** Offsets in the repaired text mapped by line and column, clamped to the original line's end. */
function mappedByLines(repaired: string, original: string, offset: number): number {
  const repairedLines = repaired.slice(0, offset).split('\n');
  const line = repairedLines.length - 1;
  const column = repairedLines[line].length;
  const originalLines = original.split('\n');
  const start = originalLines.slice(0, line).reduce((sum, text) => sum + text.length + 1, 0);
  return Math.min(start + column, start + originalLines[line].length);
}

describe('repairLikeClaudeCode', () => {
  const piece = fc.constantFrom('name: a: b', 'description: Use "x" when: y', 'tools: [Read, Grep]', 'k1: a: b', '\tkey: value', '\t\tx', 'plain: ok', 'q: "a: b"',
    'x: *a', '  indented: a: b', '# c: d', '', 'a:b: c', 'é: a: b', 'key:\ta: b', 'k: a\\b: "c"', 'k: [a: b',
    'k:\u00a0a: b', 'k: a: b\r', 'k: \u2028a: b', 'k:  ', 'k: \ufeff', 'k: "a: b', "k: 'a: b'", 'k: a:', 'k: `x`', 'k: "', 'k:');
  const text = fc.array(piece, { maxLength: 8 }).map((lines) => lines.join('\n'));

  it('rewrites exactly the lines the plain line-by-line pass rewrites, on 5,000 texts', () => {
    fc.assert(fc.property(text, fc.boolean(), (body, finalNewline) => {
      const yamlText = finalNewline ? `${body}\n` : body;
      const fast = repairLikeClaudeCode(yamlText);
      const plain = repairedByLines(yamlText);
      assert.equal(fast.text, plain.text);
      assert.deepEqual(fast.lines.map(({ line, start, end, replacement }) => ({ line, start, end, replacement })), plain.lines);
    }), { numRuns: 5000 });
  });

  it('keeps thousands of lines in its columns, each read back as the plain pass made it, from either end', () => {
    const yamlText = Array.from({ length: 3000 }, (_, index) => (index % 3 === 0 ? `k: a: ${index}` : index % 3 === 1 ? `\tx${index}` : `plain${index}: ok`)).join('\n');
    const columns = repairedLinesOf(yamlText);
    const plain = repairedByLines(yamlText);
    assert.equal(columns.length, plain.lines.length);
    for (let index = 0; index < columns.length; index++) {
      const { line, start, end, replacement } = columns.at(index)!;
      assert.deepEqual({ line, start, end, replacement }, plain.lines[index]);
      assert.equal(columns.at(index - columns.length)!.start, start);
    }
    assert.equal(columns.at(columns.length), undefined);
    assert.equal(columns.at(-columns.length - 1), undefined);
    assert.equal(columns.repairedText(), plain.text);
  });

  it('keeps every character of a long repaired text, a byte order mark at the start of any of its chunks too', () => {
    const lines = (count: number, tail: string) => Array.from({ length: count }, (_, index) => `k: a: ${'\ufeff'.repeat(index % 17)}b${tail}`).join('\n');
    const yamlText = `name: a: b\n${lines(3000, '')}\n${lines(400, '\ud800')}`;
    assert.equal(repairLikeClaudeCode(yamlText).text, repairedByLines(yamlText).text);
  });

  it('maps every offset of the repaired text as line and column would, in order and out of order', () => {
    fc.assert(fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), (yamlText, probes) => {
      const repair = repairLikeClaudeCode(yamlText);
      const inOrder = offsetMapper(repair.lines);
      for (let offset = 0; offset <= repair.text.length; offset++) assert.equal(inOrder(offset), mappedByLines(repair.text, yamlText, offset), `offset ${offset}`);
      const anyOrder = offsetMapper(repair.lines);
      for (const probe of probes) {
        const offset = probe % (repair.text.length + 1);
        assert.equal(anyOrder(offset), mappedByLines(repair.text, yamlText, offset), `offset ${offset}`);
      }
    }), { numRuns: 2000 });
  });
});
