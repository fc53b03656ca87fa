// Keys Claude Code does not read: ignored without a word, so a misspelt key silently does nothing.
import { unknownKey } from '../../../lint/sharedMetas';
import { claudeCodeKeyAliases } from '../fields';
import { editDistance } from '../tools';
import { profileIndex, type ClaudeCodeContext, type ClaudeCodeRule } from '../claudeCodeContext';

export const unknownKeyRule: ClaudeCodeRule = {
  metas: [unknownKey],
  check(ctx: ClaudeCodeContext): void {
    const knownKeys = profileIndex(ctx.profile).knownKeys;
    for (const entry of ctx.parsed.entries) {
      if (knownKeys.has(entry.key) || entry.key === '<<') continue;
      const suggestion = suggestKey(entry.key, knownKeys);
      const canRename = suggestion !== undefined && !ctx.has(suggestion);
      ctx.report(unknownKey, `Claude Code ignores \`${entry.key}\`${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`, ctx.keyRange(entry),
        canRename ? { title: `Rename to \`${suggestion}\``, isPreferred: true, edits: [ctx.edit(entry.keyStart, entry.keyEnd, suggestion!)] } : undefined);
    }
  },
};

/** Spellings Claude Code itself maps to a key in its own warning (`mode` deliberately maps to nothing). */
const CLAUDE_CODE_SUGGESTIONS: Readonly<Record<string, string | null>> = { allowedtools: 'tools', whentouse: 'description', mode: null };

/**
 * The key a misspelt one means, as Claude Code suggests it: its fixed spellings, then a key equal without `-`/`_`
 * and case, then one at most two edits away; other tools' spellings (`allowed-tools`) first.
 */
export function suggestKey(key: string, knownKeys: ReadonlySet<string>): string | undefined {
  const alias = Object.prototype.hasOwnProperty.call(claudeCodeKeyAliases, key) ? claudeCodeKeyAliases[key] : undefined;
  if (alias) return alias;
  const normalized = key.toLowerCase().replace(/[-_]/g, '');
  if (Object.prototype.hasOwnProperty.call(CLAUDE_CODE_SUGGESTIONS, normalized)) return CLAUDE_CODE_SUGGESTIONS[normalized] ?? undefined;
  let best: { key: string; distance: number } | undefined;
  for (const known of knownKeys) {
    if (known.toLowerCase().replace(/[-_]/g, '') === normalized) return known;
    const distance = editDistance(key.toLowerCase(), known.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { key: known, distance };
  }
  return best?.key;
}
