// The VSIX holds what the manifest points at and nothing else: `npm start` and `npm run package` build it through the
// allow-list in scripts/package.ts, so a file added to .vscodeignore but not there (or the reverse) breaks them.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { filesOutsideAllowList, vsixFiles } from '../../scripts/package';

const repoRoot = path.resolve(__dirname, '..', '..');
const manifest = require(path.join(repoRoot, 'package.json')) as {
  icon?: string;
  contributes: {
    grammars?: { path: string }[];
    snippets?: { path: string }[];
    jsonValidation?: { url: string }[];
    viewsContainers?: Record<string, { icon?: string }[]>;
  };
};

/** Every file of the repository the manifest names; the bundle (`main`) is built, so it is checked by the bundle tests. */
function filesTheManifestNames(): string[] {
  const { contributes } = manifest;
  const named = [
    manifest.icon,
    ...(contributes.grammars ?? []).map((grammar) => grammar.path),
    ...(contributes.snippets ?? []).map((snippet) => snippet.path),
    ...(contributes.jsonValidation ?? []).map((validation) => validation.url).filter((url) => url.startsWith('./')),
    ...Object.values(contributes.viewsContainers ?? {}).flat().map((container) => container.icon),
  ];
  return [...new Set(named.filter((file): file is string => typeof file === 'string').map((file) => path.posix.normalize(file)))];
}

describe('packaging', function () {
  this.timeout(60_000);
  let files: string[];

  before(() => {
    files = vsixFiles();
  });

  it('lets into the VSIX only what the allow-list of scripts/package.ts names', () => {
    assert.deepEqual(filesOutsideAllowList(files), []);
  });

  it('puts every file the manifest names into the VSIX', () => {
    const named = filesTheManifestNames();
    assert.ok(named.some((file) => file.startsWith('schemas/')), 'the manifest names the plugin manifest schema');
    assert.deepEqual(named.filter((file) => !files.includes(file)), []);
  });

  it('finds a file the allow-list does not name', () => {
    assert.deepEqual(filesOutsideAllowList(['schemas/claude-plugin.schema.json', 'src/extension.ts', 'test/fixtures/x.md']), ['src/extension.ts', 'test/fixtures/x.md']);
  });
});
