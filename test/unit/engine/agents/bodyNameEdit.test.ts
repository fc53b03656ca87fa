import * as assert from 'node:assert/strict';
import { bodyNameEdit } from '../../../../src/engine/agents/agentEdits';
import { applyTextEdits } from '../../../../src/engine/text/textEdits';

const renamed = (text: string, from: string, to: string) => {
  const edit = bodyNameEdit(text, from, to);
  return edit && applyTextEdits(text, [edit]);
};

describe('the body\'s mention of a renamed agent', () => {
  it('renames whole-word mentions in the body\'s first line, and only there', () => {
    const text = '---\r\nname: release-notes\r\ndescription: d\r\n---\r\n\r\nYou are release-notes. release-notes-2 stays.\r\nAs release-notes, write notes.\r\n';
    assert.equal(renamed(text, 'release-notes', 'changelog-writer'),
      '---\r\nname: release-notes\r\ndescription: d\r\n---\r\n\r\nYou are changelog-writer. release-notes-2 stays.\r\nAs release-notes, write notes.\r\n');
  });

  it('offers nothing when the first line does not name the agent, or there is no body or front matter', () => {
    assert.equal(bodyNameEdit('---\nname: a\ndescription: d\n---\nYou review code.\nYou are a.\n', 'a', 'b'), undefined);
    assert.equal(bodyNameEdit('---\nname: a\ndescription: d\n---\n', 'a', 'b'), undefined);
    assert.equal(bodyNameEdit('You are a.\n', 'a', 'b'), undefined);
    assert.equal(renamed('---\nname: a.b\ndescription: d\n---\nYou are a.b, not axb.', 'a.b', 'c'), '---\nname: a.b\ndescription: d\n---\nYou are c, not axb.');
  });
});
