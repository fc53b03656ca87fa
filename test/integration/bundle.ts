// Bundles the integration tests (mocha included, `vscode` external) into one file the extension host loads.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const repoRoot = path.resolve(__dirname, '..', '..');
const testsDir = path.join(repoRoot, 'test', 'integration');
export const suiteBundlePath = path.join(repoRoot, 'dist', 'test', 'integration', 'suite.js');

export function findIntegrationTestFiles(dir = testsDir): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Each test file becomes a lazy `require`, so mocha's globals exist before the file's top level runs. */
const testFilesPlugin: esbuild.Plugin = {
  name: 'integration-test-files',
  setup(build) {
    build.onResolve({ filter: /^agent-studio:integration-test-files$/ }, (args) => ({ path: args.path, namespace: 'test-files' }));
    build.onLoad({ filter: /.*/, namespace: 'test-files' }, () => {
      const files = findIntegrationTestFiles();
      const entries = files.map((file) => {
        const relative = path.relative(repoRoot, file).split(path.sep).join('/');
        return `  [${JSON.stringify(relative)}, () => require(${JSON.stringify(file)})],`;
      });
      return { contents: `export default [\n${entries.join('\n')}\n];`, resolveDir: testsDir, loader: 'js', watchFiles: files };
    });
  },
};

export async function bundleIntegrationTests(): Promise<string> {
  await esbuild.build({
    entryPoints: [path.join(testsDir, 'index.ts')],
    outfile: suiteBundlePath,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // mocha's parallel mode resolves worker files at run time; the suite runs serially and never loads them.
    logOverride: { 'require-resolve-not-external': 'silent' },
    plugins: [testFilesPlugin],
  });
  return suiteBundlePath;
}

if (require.main === module) {
  bundleIntegrationTests().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
