import * as assert from 'node:assert/strict';
import { hoverFrontmatter } from '../../../../src/engine/language/hover';

const text = '---\nname: reviewer\ntools: Read, Bash(git diff:*)\nmodel: opus\nunknown: x\n---\nbody tools\n';

describe('hoverFrontmatter', () => {
  it('documents a key', () => {
    const hover = hoverFrontmatter(text, { line: 2, character: 2 }, 'claude-code')!;
    assert.match(hover.markdown, /^\*\*tools\*\* \(string-or-list, optional\)/);
    assert.match(hover.markdown, /inherit every tool/);
    assert.deepEqual(hover.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } });
  });

  it('documents an enumerated value and a tool name, even a scoped one', () => {
    assert.match(hoverFrontmatter(text, { line: 3, character: 8 }, 'claude-code')!.markdown, /most capable/);
    assert.match(hoverFrontmatter(text, { line: 2, character: 8 }, 'claude-code')!.markdown, /^\*\*Read\*\*/);
    assert.match(hoverFrontmatter(text, { line: 2, character: 15 }, 'claude-code')!.markdown, /^\*\*Bash\*\*/);
  });

  it('says nothing for unknown keys, free values or the body', () => {
    assert.equal(hoverFrontmatter(text, { line: 4, character: 2 }, 'claude-code'), undefined);
    assert.equal(hoverFrontmatter(text, { line: 1, character: 8 }, 'claude-code'), undefined);
    assert.equal(hoverFrontmatter(text, { line: 6, character: 6 }, 'claude-code'), undefined);
  });
});
