// Test material on disk: the real corpus repeated to any number of files, as a flat folder or as a workspace whose
// .claude/agents/ holds them in subfolders. Made once under the temp folder and reused while complete.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const corpusFolder = path.resolve(process.env.AGENT_STUDIO_SHARED ?? path.join(__dirname, '..', '..', 'shared'), 'corpus', 'claude');
export const seedsFolder = path.join(path.dirname(path.dirname(corpusFolder)), 'seeds');
const benchRoot = path.join(os.tmpdir(), 'agent-studio-bench');

export function corpusFiles(): string[] {
  return fs.readdirSync(corpusFolder).filter((name) => name.endsWith('.md')).sort().map((name) => path.join(corpusFolder, name));
}

/** `count` files cycling through the corpus, `perFolder` to a subfolder of `root` (all in `root` when they fit); returns their paths. */
function fill(root: string, count: number, perFolder: number): string[] {
  const marker = path.join(root, '.complete');
  const corpus = corpusFiles();
  const folderOf = (index: number) => (perFolder >= count ? root : path.join(root, `part-${Math.floor(index / perFolder)}`));
  const paths = Array.from({ length: count }, (_, index) => path.join(folderOf(index), `${index}-${path.basename(corpus[index % corpus.length])}`));
  if (fs.existsSync(marker)) return paths;
  fs.rmSync(root, { recursive: true, force: true });
  const texts = corpus.map((file) => fs.readFileSync(file));
  for (const [index, file] of paths.entries()) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, texts[index % texts.length]);
  }
  fs.writeFileSync(marker, '');
  return paths;
}

/** A flat-ish folder of agent files (for throughput). */
export function repeatedCorpus(count: number): string[] {
  return fill(path.join(benchRoot, `corpus-${count}`), count, count);
}

/** A project whose .claude/agents/ holds `count` agents in folders of `perFolder`, and an empty home folder. */
export function agentWorkspace(count: number, perFolder: number): { workspace: string; home: string; files: string[] } {
  const workspace = path.join(benchRoot, `workspace-${count}-${perFolder}`);
  const files = fill(path.join(workspace, '.claude', 'agents'), count, perFolder);
  const home = path.join(benchRoot, 'empty-home');
  fs.mkdirSync(home, { recursive: true });
  return { workspace, home, files };
}
