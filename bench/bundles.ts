// The code the benchmarks run: production bundles made from esbuild.js's own build options (as `npm run package` builds
// what users get), written to bench/out/ so a benchmark never touches dist/.
import * as path from 'node:path';
import * as esbuild from 'esbuild';

export const repoRoot = path.resolve(__dirname, '..');
export const outDir = path.join(repoRoot, 'bench', 'out');

const { builds } = require(path.join(repoRoot, 'esbuild.js')) as { builds: esbuild.BuildOptions[] };

function buildFor(entry: string): esbuild.BuildOptions {
  const options = builds.find((build) => JSON.stringify(build.entryPoints).includes(entry));
  if (!options) throw new Error(`esbuild.js has no build for ${entry}`);
  return options;
}

export interface Bundles {
  cli: string;
  extension: string;
  extensionBytes: number;
  engineBench: string;
}

export async function buildBundles(): Promise<Bundles> {
  const production = { absWorkingDir: repoRoot, minify: true, sourcemap: false, logLevel: 'warning' as const };
  const cli = path.join(outDir, 'cli.js');
  const extension = path.join(outDir, 'extension.js');
  const engineBench = path.join(outDir, 'engineBench.js');
  const [, extensionBuild] = await Promise.all([
    esbuild.build({ ...buildFor('src/cli/main.ts'), ...production, outfile: cli }),
    esbuild.build({ ...buildFor('src/extension.ts'), ...production, outfile: extension, metafile: true }),
    // The engine benchmarks, bundled with the same options as the CLI so they measure the code users run.
    esbuild.build({ ...buildFor('src/cli/main.ts'), ...production, banner: {}, entryPoints: [path.join(repoRoot, 'bench', 'engineBench.ts')], outfile: engineBench }),
  ]);
  const extensionBytes = Object.entries(extensionBuild.metafile!.outputs).find(([file]) => file.endsWith('extension.js'))![1].bytes;
  return { cli, extension, extensionBytes, engineBench };
}

/**
 * The fuzz script (scripts/fuzz.ts) bundled with the command line's production options, engine and all, so that the
 * times it reports are those of the code users run: run from sources through `tsx`, reading another module's export is
 * a getter call, which made some of the engine's loops a tenth slower.
 */
export async function buildFuzzBundle(): Promise<string> {
  const fuzz = path.join(outDir, 'fuzz.js');
  await esbuild.build({ ...buildFor('src/cli/main.ts'), absWorkingDir: repoRoot, minify: true, sourcemap: false, logLevel: 'warning', banner: {}, entryPoints: [path.join(repoRoot, 'scripts', 'fuzz.ts')], outfile: fuzz });
  return fuzz;
}
