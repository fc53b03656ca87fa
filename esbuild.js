// Bundles the extension and the command line. `--production` minifies; `--watch` rebuilds on change.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

// The `yaml` package is a file of its own beside the extension bundle, `require`d on first use
// (src/engine/frontmatter/yamlDocument.ts): the fast scanner reads nearly every front matter without it, and its 110 KB would be
// almost half of what VS Code compiles before `activate()` runs. The command line keeps it inside its one file.
const yamlBesideTheBundle = {
  name: 'yaml-beside-the-bundle',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.js', external: true }));
  },
};

const builds = [
  // `vscode` is provided by the extension host.
  { ...shared, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [yamlBesideTheBundle] },
  { ...shared, entryPoints: { yaml: require.resolve('yaml') }, outdir: 'dist' },
  { ...shared, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // Each SDK-backed provider is its own file, with its SDK inside; the extension `require`s it by a computed path when a
  // run needs it (src/vscode/runs/providerSelection.ts), so activation never loads an SDK. esbuild cannot split CJS.
  {
    ...shared,
    entryPoints: { anthropic: 'src/providers/anthropic/anthropic.ts', openaiCompatible: 'src/providers/openaiCompatible/openaiCompatible.ts' },
    outdir: 'dist/providers',
  },
];

module.exports = { builds };

async function main() {
  if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
    return;
  }
  await Promise.all(builds.map((options) => esbuild.build(options)));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
