// The registry is the one table from paths to formats: package.json's activation events must name the same folders.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { agentFileFormats, agentFolderLocations, formatForPath, type AgentFormatId } from '../../../../src/engine/formats/registry';
import { syncedFiles } from '../../../../scripts/syncManifest';

const repository = path.resolve(__dirname, '..', '..', '..', '..');

describe('the format registry', () => {
  it('wakes the extension for exactly the agent folders the formats read', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repository, 'package.json'), 'utf8')) as { activationEvents: string[] };
    const declared = manifest.activationEvents.filter((event) => event.startsWith('workspaceContains:')).sort();
    const expected = agentFolderLocations().map(({ location }) => `workspaceContains:${location.segments.join('/')}/${location.recursive ? '**/' : ''}*.md`).sort();
    assert.deepEqual(declared, expected);
  });

  it('is what package.json and the key grammar say: both are written from it by `npm run sync-manifest`', () => {
    for (const { file, synced } of syncedFiles) {
      const text = fs.readFileSync(path.join(repository, file), 'utf8');
      assert.ok(synced(text) === text, `${file} is out of step with the format registry: run npm run sync-manifest`);
    }
  });

  it('is where the format id type comes from: no list of ids is written by hand', () => {
    const ids: AgentFormatId[] = agentFileFormats.map((format) => format.id);
    // @ts-expect-error an id no registered format has is not an AgentFormatId
    const unknown: AgentFormatId = 'gemini';
    assert.ok(!ids.includes(unknown));
    const sources = ['src/engine/types.ts', 'src/engine/formats/registry.ts'].map((file) => fs.readFileSync(path.join(repository, file), 'utf8')).join('\n');
    const declarations = [...sources.matchAll(/type AgentFormatId\s*=\s*([^;]*);/g)].map((match) => match[1]);
    assert.deepEqual(declarations, ['(typeof registeredFormats)[number][\'id\']']);
  });

  it('gives every format an id of its own and at least one folder', () => {
    assert.equal(new Set(agentFileFormats.map((format) => format.id)).size, agentFileFormats.length);
    for (const format of agentFileFormats) assert.ok(format.locations.length > 0, format.id);
  });

  it('reads a file by its name first, then by its folder, and Claude Code\'s otherwise', () => {
    assert.equal(formatForPath('/repo/.claude/agents/reviewer.agent.md').id, 'copilot');
    assert.equal(formatForPath('/repo/.claude/agents/Reviewer.CHATMODE.MD').id, 'copilot');
    assert.equal(formatForPath('/repo/.github/agents/reviewer.md').id, 'copilot');
    assert.equal(formatForPath('.github/agents/reviewer.md').id, 'copilot');
    assert.equal(formatForPath('C:\\repo\\.github\\agents\\reviewer.md').id, 'copilot');
    // Folder names are case-sensitive, as the tools read them.
    assert.equal(formatForPath('/repo/.GitHub/agents/reviewer.md').id, 'claude-code');
    assert.equal(formatForPath('/repo/.claude/agents/reviewer.md').id, 'claude-code');
    assert.equal(formatForPath('/anywhere/notes.md').id, 'claude-code');
  });
});
