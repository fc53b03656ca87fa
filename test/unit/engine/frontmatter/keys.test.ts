// The line readers' key, read by character, must be the one the pattern every other reader uses finds.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { KEY_SOURCE, topLevelKeyOf } from '../../../../src/engine/frontmatter/keys';
import { isWhitespace } from '../../../../src/engine/text/whitespace';

const TOP_LEVEL_KEY = new RegExp(`^(${KEY_SOURCE}):(\\s|$)`);

describe('topLevelKeyOf', () => {
  it('finds the key the pattern finds, on 20,000 short lines of the characters that matter', () => {
    const character = fc.constantFrom('a', 'Z', '_', '-', '1', ':', ' ', '\t', '\r', '\u00a0', '\u2028', '\ufeff', '#', 'é', '"');
    fc.assert(fc.property(fc.array(character, { maxLength: 10 }).map((chars) => chars.join('')), (line) => {
      assert.equal(topLevelKeyOf(line), TOP_LEVEL_KEY.exec(line)?.[1]);
    }), { numRuns: 20_000 });
  });
});

describe('isWhitespace', () => {
  it('is what `\\s` matches, for every UTF-16 code unit', () => {
    for (let code = 0; code <= 0xffff; code++) assert.equal(isWhitespace(code), /\s/.test(String.fromCharCode(code)), `U+${code.toString(16)}`);
  });
});
