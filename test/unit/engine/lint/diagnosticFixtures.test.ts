// One small fixture per diagnostic code, with the code's range marked in it (test/fixtures/diagnostics/README.md), and
// a check that every code the engine can report has one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AgentCatalog } from '../../../../src/engine/catalog/catalog';
import { allDiagnosticCodes } from '../../../../src/engine/lint/diagnosticCodes';
import { lintAgentFile, unreadableResult } from '../../../../src/engine/lint/lint';
import { TextPositions } from '../../../../src/engine/text/textPositions';
import type { Diagnostic, Range } from '../../../../src/engine/types';
import { agentFolders } from '../../../../src/node/discovery';
import { lintInFolder } from '../../../../src/engine/catalog/folderLint';
import { lintPluginAgentFile } from '../../../../src/engine/formats/claudeCode/plugins/pluginAgents';
import { missingManifestAgents, readPluginManifest, unlistedAgentsFolderFiles } from '../../../../src/engine/formats/claudeCode/plugins/pluginManifest';
import { pluginLoaderProfiles } from '../../../../src/engine/formats/claudeCode/profiles/pluginLoader';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'diagnostics');
/** What a fixture cannot hold: a file over the size limit is reported from its size alone. */
const lintOptions: Record<string, { byteLength?: number }> = { 'agent/file-too-large': { byteLength: 2_000_000 } };

interface Marked {
  text: string;
  range?: Range;
}

/** The text without its `«` `»` markers, and the range they enclosed. */
function unmark(marked: string): Marked {
  const start = marked.indexOf('«');
  if (start === -1) return { text: marked };
  const end = marked.indexOf('»', start);
  const text = marked.slice(0, start) + marked.slice(start + 1, end) + marked.slice(end + 1);
  const positions = new TextPositions(text);
  return { text, range: positions.rangeOf(start, end - 1) };
}

function fixtureCodes(): Map<string, string> {
  const byCode = new Map<string, string>();
  for (const prefix of fs.readdirSync(fixtures, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const entry of fs.readdirSync(path.join(fixtures, prefix.name))) {
      byCode.set(`${prefix.name}/${entry.replace(/(\.agent)?\.md$|\.json$/, '')}`, path.join(fixtures, prefix.name, entry));
    }
  }
  return byCode;
}

function markdownFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? markdownFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  });
}

/** The diagnostics of the marked file: linted alone, or filed in a catalog of the fixture folder's project and home. */
function diagnosticsOf(code: string, fixture: string): { diagnostics: Diagnostic[]; range?: Range } {
  if (code.startsWith('plugin/')) return pluginDiagnosticsOf(code, fixture);
  if (!fs.statSync(fixture).isDirectory()) {
    const { text, range } = unmark(fs.readFileSync(fixture, 'utf8'));
    const folder = code.startsWith('copilot/') ? '.github/agents' : '.claude/agents';
    // Reported by the node layer for a file it cannot read, which no fixture's text can be.
    if (code === 'agent/unreadable') return { diagnostics: unreadableResult(`${folder}/${path.basename(fixture)}`, 'it is a named pipe, not a regular file').diagnostics, range };
    return { diagnostics: lintAgentFile(text, { path: `${folder}/${path.basename(fixture)}`, ...lintOptions[code] }).diagnostics, range };
  }
  const catalog = new AgentCatalog(agentFolders([path.join(fixture, 'project')], path.join(fixture, 'home')));
  let marked: { path: string; range?: Range } | undefined;
  for (const file of markdownFiles(fixture)) {
    const { text, range } = unmark(fs.readFileSync(file, 'utf8'));
    catalog.update(file, text);
    if (range) marked = { path: file, range };
  }
  assert.ok(marked, `${code}: no file of the fixture is marked`);
  return { diagnostics: catalog.diagnostics(marked.path), range: marked.range };
}

/**
 * A plugin code's fixture: a `.json` is a plugin.json (every path it lists missing, `agents/unlisted.md` present); a `.md` is an agent of the plugin
 * `fixture`, linted by the newest measured plugin loader, in a plugin Claude Code rejects for `plugin/plugin-not-loaded`.
 */
function pluginDiagnosticsOf(code: string, fixture: string): { diagnostics: Diagnostic[]; range?: Range } {
  const { text, range } = unmark(fs.readFileSync(fixture, 'utf8'));
  if (fixture.endsWith('.json')) {
    const manifest = readPluginManifest(text);
    // The plugin's agents/ folder holds one file, `unlisted.md`, that no manifest fixture lists.
    return { diagnostics: [...manifest.diagnostics, ...missingManifestAgents(text, manifest.agentPaths ?? [], () => false),
      ...unlistedAgentsFolderFiles(text, manifest.agentPaths ?? [], ['unlisted.md'])], range };
  }
  const location = { path: `fixture/agents/${path.basename(fixture)}`, pluginName: 'fixture', relativePath: path.basename(fixture) };
  if (code === 'plugin/plugin-not-loaded') {
    const folder = { path: 'fixture/agents', scope: 'plugin' as const, format: 'claude-code' as const, recursive: true, plugin: { name: 'fixture', root: 'fixture', loads: false } };
    return { diagnostics: lintInFolder(text, location.path, folder).diagnostics, range };
  }
  return { diagnostics: lintPluginAgentFile(text, { ...location, profile: pluginLoaderProfiles['2.1.332'] }).diagnostics, range };
}

describe('a fixture per diagnostic code', () => {
  const codes = fixtureCodes();

  it('exists for every code the engine can report, and for no other', () => {
    assert.deepEqual([...codes.keys()].sort(), allDiagnosticCodes.map((meta) => meta.code).sort());
  });

  for (const [code, fixture] of codes) {
    it(`reports ${code} where its fixture marks it`, () => {
      const { diagnostics, range } = diagnosticsOf(code, fixture);
      assert.ok(range, `${code}: the fixture has no «» marker`);
      assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.code === code).map((diagnostic) => diagnostic.range), [range]);
    });
  }
});
