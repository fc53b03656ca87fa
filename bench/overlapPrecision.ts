// How often the overlap hints fire on real agent sets, and a sample of the warnings to judge by hand
// (docs/routing-tests.md, "Overlap hints"). Not a speed benchmark: it prints counts and warnings, no timings.
//
//   npx tsx bench/overlapPrecision.ts [--sample N] [--sweep] [--show all|examples|descriptions] [--threshold name=value]
//     [--fix-skipped] [name=folder ...]
//
// Without folders it reads the shared corpus (`$AGENT_STUDIO_SHARED/corpus/claude`, grouped as its MANIFEST says: each
// wshobson plugin, each VoltAgent category, each collection whole, and all 360 as one listing) and the seeds. A
// `name=folder` argument adds every `.md` under that folder as one listing (e.g. a checkout of another agent collection).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { verifiedFixAllEdits } from '../src/engine/lint/fixVerification';
import { lintAgentFile, verificationTarget } from '../src/engine/lint/lint';
import { applyTextEdits } from '../src/engine/text/textEdits';
import { exampleUserTurns } from '../src/engine/agents/agent';
import { findOverlaps, OVERLAP_THRESHOLDS, type OverlapAgent, type OverlapFindings, type OverlapThresholds } from '../src/engine/routing/overlap';
import { corpusFolder, seedsFolder } from './workspaces';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const sampleSize = Number(option('sample', '20'));
const show = option('show', 'all');
const extraSets = args.filter((arg, at) => /^[^-][^=]*=/.test(arg) && args[at - 1] !== '--threshold').map((arg) => ({ name: arg.slice(0, arg.indexOf('=')), folder: arg.slice(arg.indexOf('=') + 1) }));

function markdownFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? markdownFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  }).sort();
}

/** An agent as the catalog gives it to the hint: the loaded name and description, and its examples' user turns. */
function overlapAgent(file: string): OverlapAgent | undefined {
  const options = { path: `.claude/agents/${path.basename(file)}` };
  let text = fs.readFileSync(file, 'utf8');
  let result = lintAgentFile(text, options);
  // `--fix-skipped`: a file Claude Code skips is read as Fix All would leave it (more examples to judge; counted apart).
  if (!result.loads && args.includes('--fix-skipped')) {
    text = applyTextEdits(text, verifiedFixAllEdits(verificationTarget(text, options)));
    result = lintAgentFile(text, options);
    if (result.loads) fixedFiles.push(file);
  }
  if (!result.loads || !result.agent) return undefined;
  return { id: file, name: result.agent.name, description: result.agent.description, examples: exampleUserTurns(text) };
}

const fixedFiles: string[] = [];

interface Listing {
  name: string;
  agents: OverlapAgent[];
}

function corpusListings(): Listing[] {
  const manifest = fs.readFileSync(path.join(path.dirname(corpusFolder), 'claude.MANIFEST'), 'utf8').trim().split('\n').map((line) => line.split(' '));
  const groups = new Map<string, OverlapAgent[]>();
  const collections = new Map<string, OverlapAgent[]>();
  const all: OverlapAgent[] = [];
  for (const [collection, , source] of manifest) {
    const file = path.join(corpusFolder, `${collection}__${source.replace(/\//g, '_')}`);
    if (!fs.existsSync(file)) throw new Error(`${file} is in the MANIFEST but not in the corpus`);
    const agent = overlapAgent(file);
    if (!agent) continue;
    // wshobson: plugins/<plugin>/agents/x.md; VoltAgent: categories/<category>/x.md.
    const group = `${collection}:${source.split('/')[1]}`;
    groups.set(group, [...(groups.get(group) ?? []), agent]);
    collections.set(collection, [...(collections.get(collection) ?? []), agent]);
    all.push(agent);
  }
  return [
    ...[...groups].map(([name, agents]) => ({ name, agents })),
    ...[...collections].map(([name, agents]) => ({ name: `${name} (whole)`, agents })),
    { name: 'corpus (all 360)', agents: all },
  ];
}

function folderListing(name: string, folder: string): Listing {
  return { name, agents: markdownFiles(folder).map(overlapAgent).filter((agent): agent is OverlapAgent => agent !== undefined) };
}

const listings: Listing[] = [
  ...corpusListings(),
  folderListing('seeds', seedsFolder),
  folderListing('examples/ (this repo)', path.join(__dirname, '..', 'examples', '.claude', 'agents')),
  ...extraSets.map(({ name, folder }) => folderListing(name, folder)),
];

/** Per-plugin and per-category listings are what one installs together; the "whole" ones are the worst case. */
function summarize(findings: Map<Listing, OverlapFindings>): void {
  console.log('listing | agents | examples | example warnings | agents with a description warning | description pairs');
  for (const [listing, found] of findings) {
    const examples = listing.agents.reduce((total, agent) => total + agent.examples.length, 0);
    const pairs = found.descriptions.length / 2;
    const agentsWarned = new Set(found.descriptions.map((overlap) => overlap.agent.id)).size;
    if (listing.agents.length < 2) continue;
    console.log(`${listing.name} | ${listing.agents.length} | ${examples} | ${found.examples.length} | ${agentsWarned} | ${pairs}`);
  }
}

/** A fixed pseudo-random sample (the same every run), so a judged sample can be re-read. */
function sample<T>(items: readonly T[], size: number): T[] {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, size);
}

const lead = (description: string) => description.replace(/\\n/g, ' ').replace(/\s+/g, ' ').slice(0, 220);

function printWarnings(findings: Map<Listing, OverlapFindings>): void {
  // The whole-corpus listing repeats the smaller ones' findings; judge each distinct warning once.
  const examples = new Map<string, { listing: string; text: string }>();
  const descriptions = new Map<string, { listing: string; text: string }>();
  for (const [listing, found] of findings) {
    for (const overlap of found.examples) {
      const key = `${overlap.agent.id}#${overlap.example.user}`;
      if (!examples.has(key)) examples.set(key, { listing: listing.name, text: `[${listing.name}] ${overlap.agent.name} example: "${overlap.example.user}"\n    own ${overlap.ownScore.toFixed(2)} vs ${overlap.rival.name} ${overlap.rivalScore.toFixed(2)}\n    own:   ${lead(overlap.agent.description)}\n    rival: ${lead(overlap.rival.description)}` });
    }
    for (const overlap of found.descriptions) {
      const key = [overlap.agent.id, overlap.other.id].sort().join(' ');
      if (!descriptions.has(key)) descriptions.set(key, { listing: listing.name, text: `[${listing.name}] ${overlap.agent.name} ~ ${overlap.other.name} (${overlap.similarity.toFixed(2)})\n    ${lead(overlap.agent.description)}\n    ${lead(overlap.other.description)}` });
    }
  }
  if (show !== 'descriptions') {
    console.log(`\nExample warnings: ${examples.size} distinct; a sample of ${Math.min(sampleSize, examples.size)}:`);
    sample([...examples.values()], sampleSize).forEach((warning, index) => console.log(`${index + 1}. ${warning.text}`));
  }
  if (show !== 'examples') {
    console.log(`\nDescription warnings: ${descriptions.size} distinct pairs; a sample of ${Math.min(sampleSize, descriptions.size)}:`);
    sample([...descriptions.values()], sampleSize).forEach((warning, index) => console.log(`${index + 1}. ${warning.text}`));
  }
}

/** How the counts move with each threshold, the others as chosen: where false alarms start to pile up. */
function sweep(): void {
  const variants: [string, Partial<OverlapThresholds>][] = [
    ...[1, 1.25, 1.5, 2].flatMap((ratio) => [0.1, 0.15, 0.2, 0.25].map((score): [string, Partial<OverlapThresholds>] => [`example ratio ${ratio}, min score ${score}`, { exampleRatio: ratio, exampleMinimumScore: score }])),
    ...[0.4, 0.5, 0.6, 0.7, 0.8].map((similarity): [string, Partial<OverlapThresholds>] => [`description similarity ${similarity}`, { descriptionSimilarity: similarity }]),
  ];
  const perGroup = listings.filter((listing) => !listing.name.includes('(whole)') && !listing.name.includes('all 360'));
  for (const [label, change] of variants) {
    const thresholds = { ...OVERLAP_THRESHOLDS, ...change };
    let exampleWarnings = 0;
    let pairs = 0;
    let agents = 0;
    for (const listing of perGroup) {
      const found = findOverlaps(listing.agents, thresholds);
      exampleWarnings += found.examples.length;
      pairs += found.descriptions.length / 2;
      agents += listing.agents.length;
    }
    const whole = findOverlaps(listings.find((listing) => listing.name === 'corpus (all 360)')!.agents, thresholds);
    console.log(`${label}: per-group listings (${agents} agents): ${exampleWarnings} example warnings, ${pairs} description pairs; all 360 as one listing: ${whole.examples.length} example warnings, ${whole.descriptions.length / 2} pairs`);
  }
}

/** `--threshold name=value` tries another value of one threshold (see OverlapThresholds). */
const chosen: OverlapThresholds = { ...OVERLAP_THRESHOLDS };
args.forEach((arg, at) => {
  if (arg !== '--threshold') return;
  const [name, value] = args[at + 1].split('=');
  if (!(name in chosen)) throw new Error(`no threshold ${name}: ${Object.keys(chosen).join(', ')}`);
  chosen[name as keyof OverlapThresholds] = Number(value);
});
const findings = new Map(listings.map((listing) => [listing, findOverlaps(listing.agents, chosen)] as const));
console.log(`Thresholds: ${JSON.stringify(chosen)}${fixedFiles.length ? `; ${fixedFiles.length} skipped files read after Fix All` : ''}\n`);
summarize(findings);
if (args.includes('--sweep')) sweep();
printWarnings(findings);
