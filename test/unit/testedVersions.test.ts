// The VS Codes the integration tests run in (scripts/vscode-versions.json) against what the manifest promises.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { newestVersion, oldestVersion, testedVersions } from '../../scripts/codeServer';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { vscode: string }; devDependencies: Record<string, string> };
const minor = (version: string) => version.replace(/^\^/, '').split('.').slice(0, 2).join('.');
const asNumber = (version: string) => version.replace(/^\^/, '').split('.').map(Number).reduce((sum, part) => sum * 1000 + part, 0);

describe('tested VS Code versions', () => {
  it('include the oldest release engines.vscode allows, so what we promise is what we test', () => {
    assert.match(manifest.engines.vscode, /^\^\d+\.\d+\.0$/, 'engines.vscode is a caret range from a minor release');
    // Patch releases of one minor change no API; code-server ships only the last patch of each.
    assert.equal(minor(oldestVersion.vscode), minor(manifest.engines.vscode));
  });

  it('compile against no newer API than the oldest VS Code has', () => {
    assert.ok(asNumber(manifest.devDependencies['@types/vscode']) <= asNumber(manifest.engines.vscode.replace(/^\^/, '')));
  });

  it('are listed newest first, each VS Code once', () => {
    const sorted = [...testedVersions].sort((a, b) => asNumber(b.vscode) - asNumber(a.vscode));
    assert.deepEqual(testedVersions.map((version) => version.vscode), sorted.map((version) => version.vscode));
    assert.equal(new Set(testedVersions.map((version) => version.vscode)).size, testedVersions.length);
    assert.notEqual(newestVersion, oldestVersion, 'two VS Codes: today\'s and the oldest supported');
  });
});
