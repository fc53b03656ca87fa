// The front matter split finds exactly what Claude Code's pattern captures, without the pattern's quadratic
// backtracking: a differential test against the pattern itself on small inputs, and the reproducers of issue 14 at
// 1 MiB (before the one-pass split, each took minutes; mocha's timeout ends them, no test here times anything).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CLAUDE_CODE_FRONTMATTER_PATTERN, splitFrontmatter, type FrontmatterBlock } from '../../../../src/engine/frontmatter/frontmatter';
import { lintAgentFile, MAX_AGENT_FILE_BYTES } from '../../../../src/engine/lint/lint';

/** What the pattern itself captures, with the `d` flag for the group's real offset. */
function splitWithPattern(text: string): FrontmatterBlock | undefined {
  const match = new RegExp(CLAUDE_CODE_FRONTMATTER_PATTERN.source, 'd').exec(text);
  if (!match) return undefined;
  const [yamlStart, closeStart] = match.indices![1]!;
  return { yamlText: match[1], yamlStart, closeStart, bodyStart: match[0].length };
}

// Every character the pattern treats specially, and whitespace it matches that `trim` users might forget.
const piece = fc.constantFrom('-', '--', '---', '\n', '\r', '\r\n', ' ', '\t', '\v', '\f', '\u00a0', '\u2028', '\u2029', '\ufeff', '\u3000', 'a', 'name: x', '#', '...');
const splitInput = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));

describe('front matter split', () => {
  it('captures what Claude Code\'s pattern captures, on 20,000 small inputs', () => {
    fc.assert(fc.property(splitInput, (text) => {
      assert.deepEqual(splitFrontmatter(text), splitWithPattern(text), JSON.stringify(text));
    }), { numRuns: 20_000 });
  });

  it('answers for CR-only text as if every \\r were \\n, without copying it', () => {
    fc.assert(fc.property(splitInput, (text) => {
      const converted = splitWithPattern(text.replace(/\r/g, '\n'));
      const expected = converted && { ...converted, yamlText: text.slice(converted.yamlStart, converted.closeStart) };
      assert.deepEqual(splitFrontmatter(text, true), expected, JSON.stringify(text));
    }), { numRuns: 5_000 });
  });

  it('places an empty front matter after the opener\'s line break', () => {
    assert.deepEqual(splitFrontmatter('---\n---\nbody'), { yamlText: '', yamlStart: 4, closeStart: 4, bodyStart: 8 });
  });

  // Issue 14's reproducers, each a file of the largest size Claude Code reads.
  const oneMiB = MAX_AGENT_FILE_BYTES;
  const unclosed: Record<string, string> = {
    'LF blank lines': '---' + '\n'.repeat(oneMiB - 3),
    'CRLF blank lines': '---' + '\r\n'.repeat((oneMiB - 3) >> 1),
    'CR-only blank lines': '---' + '\r'.repeat(oneMiB - 3),
    'blank lines before the opener': '\n'.repeat(oneMiB >> 1) + '---' + '\n'.repeat((oneMiB >> 1) - 3),
  };
  for (const [family, text] of Object.entries(unclosed)) {
    it(`reports ${family} with no closer (1 MiB) as unclosed or misplaced, in one pass`, () => {
      const result = lintAgentFile(text, { path: '.claude/agents/q.md' });
      assert.equal(result.loads, false);
      assert.match(result.diagnostics[0].code, /^agent\/(unclosed-frontmatter|leading-blank-lines)$/);
    });
  }
});
