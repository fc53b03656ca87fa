// `npm run package`: a production build, then agent-studio-<version>.vsix, checked to hold only what users need.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageVsix, repoRoot, run } from './codeServer';

const maxBytes = 1024 * 1024;
// Mirrors .vscodeignore's allow-list; vsce adds the [Content_Types].xml and extension.vsixmanifest itself.
const allowed = [/^dist\/(extension|yaml)\.js$/, /^dist\/providers\/\w+\.js$/, /^package(\.nls)?\.json$/, /^(syntaxes|snippets|media|images)\//, /^schemas\/[\w-]+\.schema\.json$/, /^(README|CHANGELOG)\.md$/i, /^docs\/diagnostics\.md$/, /^docs\/images\/[\w-]+\.webp$/, /^LICENSE(\.md|\.txt)?$/i];

export function packageExtension(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
  run(process.execPath, ['esbuild.js', '--production']);

  const files = vsixFiles();
  const unexpected = filesOutsideAllowList(files);
  if (unexpected.length > 0) throw new Error(`the VSIX would include files outside the allow-list:\n  ${unexpected.join('\n  ')}`);

  packageVsix(vsix);
  const size = fs.statSync(vsix).size;
  if (size > maxBytes) throw new Error(`${path.basename(vsix)} is ${(size / 1024).toFixed(0)} KB, over the 1 MB budget`);
  console.log(`${path.relative(process.cwd(), vsix)}: ${files.length} files, ${(size / 1024).toFixed(1)} KB`);
  for (const file of files) console.log(`  ${file}`);
  return vsix;
}

/** What `vsce` would put in the VSIX, as paths relative to the repository. */
export function vsixFiles(): string[] {
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  return run(vsce, ['ls', '--no-dependencies'], { quiet: true })
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Files a loosened .vscodeignore would let into the VSIX; the list above is the second key to that door. */
export function filesOutsideAllowList(files: readonly string[]): string[] {
  return files.filter((file) => !allowed.some((pattern) => pattern.test(file)));
}

if (require.main === module) {
  try {
    packageExtension();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
