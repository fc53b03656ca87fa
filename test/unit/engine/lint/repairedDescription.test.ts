// A description Claude Code loads only by quoting it itself: the warning says so in a user's words, at the word YAML
// trips on, and Fix All writes a `|` block that the real Claude Code reads as the same description.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { claudeAgentListing } from '../../../support/claudeCli';
import { fixAllEdits } from '../../../../src/engine/lint/fixAll';
import { lintAgentFile } from '../../../../src/engine/lint/lint';
import { applyTextEdits } from '../../../../src/engine/text/textEdits';

const seedPath = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'workspace', '.claude', 'agents', 'backend-specialist.md');
const lint = (text: string) => lintAgentFile(text, { path: '/p/.claude/agents/backend-specialist.md', format: 'claude-code' });

describe('a description that loads only thanks to Claude Code\'s own quoting', function () {
  this.timeout(90_000);
  const seed = fs.readFileSync(seedPath, 'utf8');

  it('is explained in plain words and underlined where YAML trips, not over the whole value', () => {
    const [warning] = lint(seed).diagnostics;
    assert.equal(warning.code, 'agent/yaml-repaired');
    const line = seed.split('\n')[warning.range.start.line];
    assert.equal(warning.range.start.line, warning.range.end.line);
    const underlined = line.slice(warning.range.start.character, warning.range.end.character);
    assert.match(underlined, /^\w+:$/, underlined);
    assert.ok(warning.message.startsWith(`\`${underlined}\` inside the unquoted \`description\` looks to YAML like the start of another key`), warning.message);
    assert.match(warning.message, /Windows \(CRLF\) line endings/);
    assert.doesNotMatch(warning.message, /compact mapping|repair pass|CRLF copy/);
  });

  it('is fixed by Fix All into a | block, which the real Claude Code reads as the same description', async () => {
    const before = lint(seed);
    const fixed = applyTextEdits(seed, fixAllEdits(before.diagnostics));
    assert.match(fixed, /^description: \|-?\n {2}\S/m);
    assert.doesNotMatch(fixed.split('\n').find((line) => line.startsWith('description:'))!, /"/);
    const after = lint(fixed);
    // Only what Fix All is for must be gone; the description's size in the listing (an info) does not change.
    assert.deepEqual(after.diagnostics.filter((diagnostic) => diagnostic.code !== 'agent/long-listing'), []);
    assert.equal(after.agent!.description, before.agent!.description);
    const entry = (listing: string) => listing.split('\n').find((line) => line.startsWith('- backend-specialist: '));
    const [listedBefore, listedAfter] = [await claudeAgentListing([{ relativePath: 'backend-specialist.md', content: seed }]), await claudeAgentListing([{ relativePath: 'backend-specialist.md', content: fixed }])];
    assert.ok(entry(listedBefore), listedBefore.slice(0, 500));
    assert.equal(entry(listedAfter), entry(listedBefore));
  });
});

describe('many lines that load only thanks to Claude Code\'s own quoting', () => {
  // Past a hundred such lines the quoting is one edit over them all (each line its own edit was 80,000 ranges worked
  // out for a megabyte); it must write what quoting each line on its own writes, and leave the lines between alone.
  // Distinct keys of letters only (the repair pass quotes no other), and every third line one that needs nothing.
  const letters = (index: number) => String.fromCharCode(97 + (index % 26), 97 + Math.floor(index / 26));
  const lines = Array.from({ length: 180 }, (_, index) => (index % 3 === 2 ? `ok${letters(index)}: plain` : `k${letters(index)}: a: b # ${index}`));
  const text = `---\nname: many\ndescription: d\n${lines.join('\n')}\n---\nBody\n`;

  it('is quoted in one edit that writes each repaired line as Claude Code does, and nothing else', () => {
    const [warning] = lint(text).diagnostics.filter((diagnostic) => diagnostic.code === 'agent/yaml-repaired');
    const quoting = warning.fixes!.find((fix) => fix.title === 'Quote the value as Claude Code does')!;
    assert.equal(quoting.edits.length, 1);
    const quoted = lines.map((line) => line.replace(/^(\w+): (.*)$/, (whole, key: string, value: string) => (value.includes(': ') ? `${key}: "${value}"` : whole)));
    assert.equal(applyTextEdits(text, quoting.edits), `---\nname: many\ndescription: d\n${quoted.join('\n')}\n---\nBody\n`);
    assert.deepEqual(lint(applyTextEdits(text, quoting.edits)).diagnostics.filter((diagnostic) => diagnostic.code === 'agent/yaml-repaired'), []);
  });

  it('is quoted the same way for GitHub Copilot, whose strict YAML cannot read the lines at all', () => {
    const copilot = lintAgentFile(text, { path: '/p/.github/agents/many.agent.md', format: 'copilot' });
    const [error] = copilot.diagnostics.filter((diagnostic) => diagnostic.code === 'copilot/yaml-syntax');
    assert.equal(error.fixes![0].edits.length, 1);
    const claudeCodeQuoting = lint(text).diagnostics.find((diagnostic) => diagnostic.code === 'agent/yaml-repaired')!.fixes!.find((fix) => fix.title === 'Quote the value as Claude Code does')!;
    assert.equal(applyTextEdits(text, error.fixes![0].edits), applyTextEdits(text, claudeCodeQuoting.edits));
  });
});
