// The team's read-only material (seeds, corpus) lives beside the repository in `../shared`, in CI too.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function sharedFolder(): string {
  const candidates = [process.env.AGENT_STUDIO_SHARED, path.resolve(__dirname, '..', '..', '..', 'shared')].filter((candidate): candidate is string => !!candidate);
  const found = candidates.find((candidate) => fs.existsSync(path.join(candidate, 'corpus')));
  if (!found) throw new Error(`The shared material (seeds, corpus) was not found at ${candidates.join(' or ')}; set AGENT_STUDIO_SHARED to its folder.`);
  return found;
}
