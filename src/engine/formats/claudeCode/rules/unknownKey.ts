// Keys Claude Code does not read: ignored without a word, so a misspelt key silently does nothing. A key that looks like a
// known one misspelt (or another tool's name for it) is a warning with the fix; recent Claude Code versions warn too.
import { unknownKey } from '../../../lint/sharedMetas';
import type { RuleMeta } from '../../../lint/rule';
import { closestName, folded } from '../../../text/closestName';
import { claudeCodeKeyAliases } from '../fields';
import { profileIndex, type ClaudeCodeContext, type ClaudeCodeRule } from '../claudeCodeContext';

export const misspeltKey: RuleMeta = {
  code: 'agent/misspelt-key', severity: 'warning', title: 'Key that looks misspelt',
  explanation: 'Claude Code ignores keys it does not know, so a misspelt key (`modle`, `tool`) or another tool\'s name for a key (`allowedTools`, `when_to_use`) silently does nothing: the agent runs without it.',
  fixDescription: 'Renames it to the key it was meant to be, when that key is not set already.',
};

/**
 * Recent Claude Code versions' own fixed guesses, by key with case and `-`/`_` folded away: another tool's name for a key, and
 * `mode`, which it leaves without a guess (it is not `model`, more likely `permissionMode`).
 */
const claudeCodeGuesses: ReadonlyMap<string, string | null> = new Map(Object.entries({ allowedtools: 'tools', whentouse: 'description', mode: null }));

/**
 * Maps, not records: a file of 80,000 unknown keys asks about each, and a property lookup by a key sliced from the text
 * searches the engine's table of names, where a map lookup reuses the hash the known-keys check already made.
 */
function guessFor(key: string, knownKeys: ReadonlySet<string>): string | undefined {
  const alias = claudeCodeKeyAliases.get(key);
  if (alias !== undefined) return alias;
  const fixed = claudeCodeGuesses.get(folded(key));
  return fixed === null ? undefined : fixed ?? closestName(key, knownKeys);
}

/** What a profile makes of a key: one it reads, or one it ignores with the key it was likely meant to be (or none). */
const READ = Symbol('read');
type KeyReading = typeof READ | string | undefined;

export const unknownKeyRule: ClaudeCodeRule = {
  metas: [unknownKey, misspeltKey],
  check(ctx: ClaudeCodeContext): void {
    const knownKeys = profileIndex(ctx.profile).knownKeys;
    const { keyNumbers } = ctx.keys;
    // Each key is looked up and guessed once, by its number in the key index, however often it is repeated. Keys are
    // numbered as they first appear, so a number past the readings so far is a key not seen yet.
    const readings: KeyReading[] = [];
    const entries = ctx.parsed.entries;
    for (let position = 0; position < entries.length; position++) {
      const entry = entries[position];
      const number = keyNumbers[position];
      if (number === readings.length) readings.push(knownKeys.has(entry.key) || entry.key === '<<' ? READ : guessFor(entry.key, knownKeys));
      const suggestion = readings[number];
      if (suggestion === READ) continue;
      if (ctx.countedIfLeftOut(suggestion === undefined ? unknownKey : misspeltKey, entry)) continue;
      if (suggestion === undefined) {
        ctx.report(unknownKey, `Claude Code ignores \`${entry.key}\`.`, ctx.keyRange(entry));
        continue;
      }
      if (ctx.has(suggestion)) {
        ctx.report(misspeltKey, `Claude Code ignores \`${entry.key}\`; did you mean \`${suggestion}\`? It is set already, so this line does nothing.`, ctx.keyRange(entry));
        continue;
      }
      ctx.report(misspeltKey, `Claude Code ignores \`${entry.key}\`; did you mean \`${suggestion}\`?`, ctx.keyRange(entry),
        { title: `Rename to \`${suggestion}\``, isPreferred: true, edits: [ctx.edit(entry.keyStart, entry.keyEnd, suggestion)] });
    }
  },
};

