// Plugin agent verdicts: warnings that say how the file loads, errors only where the plugin loader drops something.
import * as assert from 'node:assert/strict';
import { lintPluginAgentFile } from '../../../../../src/engine/formats/claudeCode/plugins/pluginAgents';
import { missingManifestAgents, readPluginManifest } from '../../../../../src/engine/formats/claudeCode/plugins/pluginManifest';
import { pluginLoaderProfiles } from '../../../../../src/engine/formats/claudeCode/profiles/pluginLoader';
import { applyTextEdits } from '../../../../../src/engine/text/textEdits';

// The newest measured plugin loader, whatever the engine's active profile is.
const location = { path: '/repo/agents/reviewer.md', pluginName: 'tools', relativePath: 'reviewer.md', profile: pluginLoaderProfiles['2.1.332'] };
const codesOf = (text: string, profile = location.profile) => lintPluginAgentFile(text, { ...location, profile }).diagnostics.map((d) => `${d.severity} ${d.code}`);

describe('lintPluginAgentFile', () => {
  it('names a valid agent plugin:agent and reports nothing', () => {
    const result = lintPluginAgentFile('---\nname: reviewer\ndescription: Reviews code.\n---\nBody\n', location);
    assert.equal(result.loads, true);
    assert.equal(result.agent?.name, 'tools:reviewer');
    assert.deepEqual(result.diagnostics, []);
  });

  it('has no error where a project agent would be skipped: missing name, leading dash, colon, broken YAML', () => {
    for (const text of ['---\ndescription: d\n---\n', '---\nname: -x\ndescription: d\n---\n', '---\nname: a:b\ndescription: d\n---\n', "---\nname: x\ndescription: 'Don't'\n---\n", '# no front matter\n']) {
      const result = lintPluginAgentFile(text, location);
      assert.equal(result.loads, true, text);
      assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), [], text);
    }
  });

  it('reads a map with a `toString` key as a name without throwing (String() of it throws)', () => {
    const result = lintPluginAgentFile('---\nname:\n  toString: x\ndescription:\n  valueOf: y\n---\nBody\n', location);
    assert.equal(typeof result.agent?.name, 'string');
  });

  it('says under which name and description a file with unreadable front matter loads', () => {
    const [warning] = lintPluginAgentFile("---\nname: x\ndescription: 'Don't'\n---\n", location).diagnostics;
    assert.equal(warning.severity, 'warning');
    assert.match(warning.message, /loads it as `tools:reviewer`, described as "Agent from tools plugin"/);
    assert.doesNotMatch(warning.message, /skips/);
  });

  it('warns about hooks, mcpServers and permissionMode, and its fix removes them', () => {
    const text = '---\nname: reviewer\ndescription: d\npermissionMode: bypassPermissions\nhooks:\n  Stop:\n    - hooks:\n        - type: command\n          command: echo\nmcpServers:\n  - github\nmodel: sonnet\n---\nBody\n';
    const ignored = lintPluginAgentFile(text, location).diagnostics.filter((d) => d.code === 'plugin/ignored-key');
    assert.deepEqual(ignored.map((d) => d.message.match(/`(\w+)`/)![1]), ['permissionMode', 'hooks', 'mcpServers']);
    let fixed = text;
    for (const diagnostic of [...ignored].reverse()) fixed = applyTextEdits(fixed, diagnostic.fixes![0].edits);
    assert.equal(fixed, '---\nname: reviewer\ndescription: d\nmodel: sonnet\n---\nBody\n');
    assert.deepEqual(codesOf(fixed), []);
  });

  it('initialPrompt is ignored by 2.1.332 only', () => {
    const text = '---\nname: reviewer\ndescription: d\ninitialPrompt: hi\n---\n';
    assert.deepEqual(codesOf(text), ['warning plugin/ignored-key']);
    assert.deepEqual(codesOf(text, pluginLoaderProfiles['2.1.197']), []);
  });

  it('a byte-order mark hides the front matter from 2.1.197 only', () => {
    const text = '\ufeff---\nname: named\ndescription: d\n---\n';
    assert.equal(lintPluginAgentFile(text, { ...location, profile: pluginLoaderProfiles['2.1.332'] }).agent?.name, 'tools:named');
    const old = lintPluginAgentFile(text, { ...location, profile: pluginLoaderProfiles['2.1.197'] });
    assert.equal(old.agent?.name, 'tools:reviewer');
    assert.deepEqual(old.diagnostics.map((d) => `${d.severity} ${d.code}`), ['warning agent/bom']);
  });

  it('a name over 256 characters falls back to the file name in 2.1.332', () => {
    const result = lintPluginAgentFile(`---\nname: ${'a'.repeat(257)}\ndescription: d\n---\n`, location);
    assert.equal(result.agent?.name, 'tools:reviewer');
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['plugin/name-too-long']);
  });

  it('keeps model and tools of a file the project rules would skip', () => {
    const result = lintPluginAgentFile('---\nname: -lead\ndescription: d\nmodel: haiku\ntools: Read, Grep\n---\nBody\n', location);
    assert.equal(result.agent?.name, 'tools:-lead');
    assert.equal(result.agent?.model, 'haiku');
    assert.deepEqual(result.agent?.tools, ['Read', 'Grep']);
  });

  it('only a file over 1 MiB is an error', () => {
    const result = lintPluginAgentFile('', { ...location, byteLength: 1_048_577 });
    assert.equal(result.loads, false);
    assert.deepEqual(result.diagnostics.map((d) => `${d.severity} ${d.code}`), ['error agent/file-too-large']);
  });
});

describe('readPluginManifest', () => {
  it('accepts a plain manifest and keeps its agents paths', () => {
    const manifest = readPluginManifest('{"name": "tools", "agents": ["./a.md"], "category": "x"}');
    assert.equal(manifest.accepted, true);
    assert.equal(manifest.name, 'tools');
    assert.deepEqual(manifest.agentPaths, ['./a.md']);
  });

  it('rejects what Claude Code rejects: bad JSON, no name, a space in the name, a folder in agents, a numeric version', () => {
    for (const text of ['{"name": ', '{"version": "1"}', '{"name": "a b"}', '{"name": "a", "agents": "./agents"}', '{"name": "a", "version": 3}']) {
      const manifest = readPluginManifest(text);
      assert.equal(manifest.accepted, false, text);
      assert.ok(manifest.diagnostics.some((d) => d.severity === 'error'), text);
    }
  });

  it('warns about an agents path that names no file, where it is written', () => {
    const text = '{\n  "name": "a",\n  "agents": ["./gone.md", "./here.md"]\n}\n';
    const [warning, ...rest] = missingManifestAgents(text, ['./gone.md', './here.md'], (path) => path === 'here.md');
    assert.equal(rest.length, 0);
    assert.equal(warning.code, 'plugin/manifest-agent-missing');
    assert.deepEqual(warning.range.start, { line: 2, character: 13 });
  });
});
