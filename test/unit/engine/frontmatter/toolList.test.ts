// splitToolList reads a `tools` string as Claude Code does: split on commas and spaces outside `Tool(...)`, each name
// trimmed, empty ones dropped. Its one-name shortcut must give what the split gives.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitToolList } from '../../../../src/engine/frontmatter/toolList';

/** The split written the plain way, a character at a time. */
function splitPlainly(value: string): string[] {
  const names: string[] = [];
  let current = '';
  let insideParentheses = false;
  for (const char of value) {
    if (char === '(') insideParentheses = true;
    else if (char === ')') insideParentheses = false;
    if ((char === ',' || char === ' ') && !insideParentheses) {
      names.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  names.push(current);
  return names.map((name) => name.trim()).filter((name) => name !== '');
}

describe('splitToolList', () => {
  it('splits as the plain definition does, one name or many, on 5,000 values', () => {
    const piece = fc.constantFrom('Read', 'Bash(git diff)', 'mcp__x__y', ',', ' ', '\t', '\u00a0', '\u2028', '(', ')', 'a', 'é');
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join('')), (value) => {
      assert.deepEqual(splitToolList(value), splitPlainly(value));
    }), { numRuns: 5000 });
  });

  it('gives a name alone as a list of itself', () => {
    assert.deepEqual(splitToolList('Read'), ['Read']);
    assert.deepEqual(splitToolList('\tRead\u00a0'), ['Read']);
    assert.deepEqual(splitToolList(''), []);
  });
});
