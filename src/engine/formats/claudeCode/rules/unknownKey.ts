// Keys Claude Code does not read: ignored without a word, so a misspelt key silently does nothing.
import { unknownKey } from '../../../lint/sharedMetas';
import { claudeCodeKeyAliases } from '../fields';
import { profileIndex, type ClaudeCodeContext, type ClaudeCodeRule } from '../claudeCodeContext';

export const unknownKeyRule: ClaudeCodeRule = {
  metas: [unknownKey],
  check(ctx: ClaudeCodeContext): void {
    const knownKeys = profileIndex(ctx.profile).knownKeys;
    for (const entry of ctx.parsed.entries) {
      if (knownKeys.has(entry.key) || entry.key === '<<') continue;
      const suggestion = claudeCodeKeyAliases[entry.key] ?? [...knownKeys].find((known) => known.toLowerCase() === entry.key.toLowerCase());
      const canRename = suggestion !== undefined && !ctx.has(suggestion);
      ctx.report(unknownKey, `Claude Code ignores \`${entry.key}\`${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`, ctx.keyRange(entry),
        canRename ? { title: `Rename to \`${suggestion}\``, isPreferred: true, edits: [ctx.edit(entry.keyStart, entry.keyEnd, suggestion!)] } : undefined);
    }
  },
};
