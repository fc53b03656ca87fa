import { createHash } from 'node:crypto';

/** Identifies one version of an agent file, so a confirmation is asked again only after the file changed. */
export function agentVersionHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
