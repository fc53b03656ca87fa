// The extension bundle stays small and SDK-free: the providers' SDKs live in their own files, loaded when a run starts.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const repoRoot = path.resolve(__dirname, '..', '..');
const { builds } = require(path.join(repoRoot, 'esbuild.js')) as { builds: esbuild.BuildOptions[] };
const budgetBytes = 500 * 1024;
const sdkPattern = /node_modules[\\/](@anthropic-ai[\\/]sdk|openai)[\\/]/;

async function productionBuild(entry: string): Promise<esbuild.Metafile> {
  const options = builds.find((build) => JSON.stringify(build.entryPoints).includes(entry));
  assert.ok(options, `esbuild.js has no build for ${entry}`);
  const result = await esbuild.build({ ...options, absWorkingDir: repoRoot, minify: true, sourcemap: false, write: false, metafile: true, logLevel: 'silent' });
  return result.metafile;
}

describe('bundle budget', function () {
  this.timeout(60_000);

  it(`keeps dist/extension.js under ${budgetBytes / 1024} KB minified, with neither SDK inside`, async () => {
    const metafile = await productionBuild('src/extension.ts');
    const output = Object.entries(metafile.outputs).find(([file]) => file.endsWith('extension.js'))!;
    assert.ok(output[1].bytes < budgetBytes, `dist/extension.js is ${(output[1].bytes / 1024).toFixed(0)} KB`);
    assert.deepEqual(Object.keys(metafile.inputs).filter((input) => sdkPattern.test(input)), []);
  });

  it('leaves the yaml package out of dist/extension.js: it is dist/yaml.js, required on first use', async () => {
    const metafile = await productionBuild('src/extension.ts');
    assert.deepEqual(Object.keys(metafile.inputs).filter((input) => /node_modules[\\/]yaml[\\/]/.test(input)), []);
    const [, output] = Object.entries(metafile.outputs).find(([file]) => file.endsWith('extension.js'))!;
    const externals = new Set(output.imports.filter((imported) => imported.external && !imported.path.startsWith('node:')).map((imported) => imported.path));
    assert.deepEqual([...externals].sort(), ['./yaml.js', 'vscode']);
  });

  it('bundles each SDK-backed provider into its own file under dist/providers/', async () => {
    const metafile = await productionBuild('src/providers/anthropic/anthropic.ts');
    const outputs = Object.keys(metafile.outputs).map((file) => path.relative(repoRoot, path.resolve(repoRoot, file)).split(path.sep).join('/'));
    assert.deepEqual(outputs.sort(), ['dist/providers/anthropic.js', 'dist/providers/openaiCompatible.js']);
    const inputs = Object.keys(metafile.inputs);
    assert.ok(inputs.some((input) => /@anthropic-ai[\\/]sdk/.test(input)) && inputs.some((input) => /node_modules[\\/]openai[\\/]/.test(input)));
  });
});
