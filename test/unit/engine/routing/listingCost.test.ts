// The listing line the engine predicts for an agent, checked against what the real CLI sends the model.
import * as assert from 'node:assert/strict';
import { runnableAgentFromText } from '../../../../src/engine/agents/runnableAgent';
import { listingCost, listingLine } from '../../../../src/engine/routing/listingCost';
import { claudeAgentListing, type AgentFileSpec } from '../../../support/claudeCli';

const files: AgentFileSpec[] = [
  { relativePath: 'plain.md', content: '---\nname: plain\ndescription: Reviews code for bugs.\n---\nBody\n' },
  { relativePath: 'block.md', content: '---\nname: block\ndescription: |\n  Writes docs.\n  <example>\n  user: "Document it"\n  </example>\ntools: Read, Grep\n---\nBody\n' },
  { relativePath: 'escaped.md', content: '---\nname: escaped\ndescription: Plans work.\\n\\n<example>\\nuser: "Plan it"\\n</example>\ndisallowedTools: Bash, Write\n---\nBody\n' },
  { relativePath: 'both.md', content: '---\nname: both\ndescription: "Quoted: with a colon"\ntools: [Read, Bash, Grep]\ndisallowedTools: Bash\n---\nBody\n' },
];

describe('listing cost', function () {
  this.timeout(60_000);

  it('predicts each agent\'s line of the listing exactly as Claude Code 2.1.197 sends it', async () => {
    const listing = (await claudeAgentListing(files)).split('\n');
    for (const file of files) {
      const result = runnableAgentFromText(String(file.content), { path: `/p/.claude/agents/${file.relativePath}` });
      assert.ok(result.runnable);
      const line = listingLine(result.agent);
      const actual = listing.find((candidate) => candidate.startsWith(`- ${result.agent.name}: `)) ?? '(missing)';
      // A `|` block's lines are separate lines of the listing: compare the whole entry.
      const start = listing.indexOf(actual);
      const entry = listing.slice(start, start + line.split('\n').length).join('\n');
      assert.equal(line, entry, file.relativePath);
    }
  });

  it('counts characters with the line break and estimates four characters per token', () => {
    assert.deepEqual(listingCost({ name: 'a', description: 'bc' }), { characters: '- a: bc (Tools: All tools)'.length + 1, estimatedTokens: 7 });
  });
});
