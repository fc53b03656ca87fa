// `npm run fuzz:bundled [-- --inputs N --seed S]`: `npm run fuzz` run from a production bundle (bench/bundles.ts), so
// its timings, and the 100 ms it holds every input to, are those of the shipped engine rather than of its sources.
import { spawnSync } from 'node:child_process';
import { buildFuzzBundle } from '../bench/bundles';

void buildFuzzBundle().then((bundle) => {
  const run = spawnSync(process.execPath, [bundle, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
});
