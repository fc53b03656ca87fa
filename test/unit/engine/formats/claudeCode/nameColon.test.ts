// A `name` holding `:` (or a character that normalises to one) is renamed with each such character made `-`; only `:`
// and characters beyond ASCII are normalised, which must rename exactly as normalising every character would.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintAgentFile } from '../../../../../src/engine/lint/lint';

function renamedPlainly(name: string): string {
  return Array.from(name, (character) => (character.normalize('NFKC').includes(':') ? '-' : character)).join('').replace(/^-+/, '');
}

function offeredRename(name: string): string | undefined {
  const text = `---\nname: "${name}"\ndescription: Reviews code.\n---\nBody\n`;
  const diagnostic = lintAgentFile(text, { path: '/p/.claude/agents/a.md' }).diagnostics.find((candidate) => candidate.code === 'agent/name-colon');
  return diagnostic?.fixes?.[0]?.title;
}

describe('a `name` with a colon', () => {
  it('is renamed as normalising every character would, on 2,000 names of colons, their look-alikes and other text', () => {
    const character = fc.constantFrom('a', 'b', '-', ':', '\uff1a', '\ufe55', '\ufe13', '\u2236', 'é', 'e\u0301', '😀', '\u00a0', 'ｂ', 'x');
    let offered = 0;
    fc.assert(fc.property(fc.array(character, { minLength: 1, maxLength: 8 }).map((characters) => characters.join('')), (name) => {
      fc.pre(name.normalize('NFKC').includes(':') && renamedPlainly(name) !== '');
      // A rename the fix check refuses (one holding `---`, say) is not offered at all; any other is this one.
      const title = offeredRename(name);
      if (title === undefined) return;
      offered++;
      assert.equal(title, `Rename to \`${renamedPlainly(name)}\``);
    }), { numRuns: 2000 });
    assert.ok(offered > 1000, `${offered} renames offered`);
  });
});
