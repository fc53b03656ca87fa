// `npm run sync-manifest`: writes what package.json and the key grammar say about the formats from the format
// registry, so adding a format (or a key) is an edit in its folder and one run of this. `--check` only reports;
// test/unit/engine/formats/registry.test.ts fails while either file is out of step.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { agentFileFormats, agentFolderLocations } from '../src/engine/formats/registry';

const repository = path.resolve(__dirname, '..');

/** The files this script writes, relative to the repository, each with what it makes of the file's text. */
export const syncedFiles: { file: string; synced: (text: string) => string }[] = [
  { file: 'package.json', synced: syncedManifest },
  { file: 'syntaxes/agent-frontmatter-keys.injection.tmLanguage.json', synced: syncedKeysGrammar },
];

/** VS Code starts the extension when a workspace has a file in a folder some format reads, by its `workspaceContains:` glob. */
export function activationGlobs(): string[] {
  return agentFolderLocations().map(({ location }) => `workspaceContains:${location.segments.join('/')}/${location.recursive ? '**/' : ''}*.md`);
}

/** package.json with its `workspaceContains:` events replaced by the registry's, where the first of them stood. */
export function syncedManifest(text: string): string {
  const manifest = JSON.parse(text) as { activationEvents?: string[] };
  const events = manifest.activationEvents ?? [];
  const at = events.findIndex((event) => event.startsWith('workspaceContains:'));
  const others = events.filter((event) => !event.startsWith('workspaceContains:'));
  const insertAt = at === -1 ? 0 : events.slice(0, at).filter((event) => !event.startsWith('workspaceContains:')).length;
  manifest.activationEvents = [...others.slice(0, insertAt), ...activationGlobs(), ...others.slice(insertAt)];
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The keys every format knows, in registry order: the grammar colours them as keys. */
export function grammarKeys(): string[] {
  return [...new Set(agentFileFormats.flatMap((format) => format.fields.map((field) => field.key)))];
}

/** The key grammar with its alternation of keys replaced by the registry's. */
export function syncedKeysGrammar(text: string): string {
  const grammar = JSON.parse(text) as { patterns: { match: string }[] };
  const alternation = grammarKeys().map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const [pattern] = grammar.patterns;
  if (!/\(\?:[^)]*\)/.test(pattern.match)) throw new Error('the key grammar no longer has its `(?:key|key|...)` group');
  pattern.match = pattern.match.replace(/\(\?:[^)]*\)/, () => `(?:${alternation})`);
  return `${JSON.stringify(grammar, null, 2)}\n`;
}

function main(check: boolean): number {
  let outOfStep = 0;
  for (const { file, synced } of syncedFiles) {
    const full = path.join(repository, file);
    const text = fs.readFileSync(full, 'utf8');
    const wanted = synced(text);
    if (wanted === text) continue;
    outOfStep++;
    if (check) {
      console.error(`${file} is out of step with the format registry: run npm run sync-manifest`);
    } else {
      fs.writeFileSync(full, wanted);
      console.log(`${file}: updated from the format registry`);
    }
  }
  return check && outOfStep > 0 ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.includes('--check'));
