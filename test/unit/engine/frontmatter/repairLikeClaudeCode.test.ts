// Claude Code's repair pass matches lines with /^([a-zA-Z_-]+):\s+(.+)$/; matchRepairableLine must capture exactly
// what that pattern does, without its quadratic backtracking.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { matchRepairableLine } from '../../../../src/engine/frontmatter/claudeCodeRepair';

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
