// How a `guarded` Claude Code loader reads `hooks` and looks for permission-guarding hooks outside it (measured with
// the real CLI, docs/claude-code-loader.md): a pure reading of the parsed values, used by the hooks rule under every
// profile (older ones warn that newer versions skip the file).
import { isRecord } from '../../../plainValues';

export interface HookFinding {
  /** `skip`: the loader skips the file; `drop`: it drops this part of `hooks` and loads. */
  effect: 'skip' | 'drop';
  /** The top-level key the finding is under (`hooks`, or a key holding a stray guard hook). */
  key: string;
  reason: string;
}

export interface HookEvents {
  hookEvents: readonly string[];
  guardHookEvents: readonly string[];
}

/** Keys the guard scan does not look into. */
const UNSCANNED_KEYS = new Set(['hooks', 'metadata', 'mcpServers', 'lspServers']);
/** Maps this many levels below a top-level key are the deepest scanned (`a.b.c.d.PreToolUse` is found). */
const SCAN_DEPTH = 4;
/** Hook entry types the settings schema accepts. */
const HOOK_TYPES = new Set(['command', 'prompt', 'agent', 'http']);

/** The front matter's top-level keys in order, and the value Claude Code reads for each (own properties only). */
export interface TopLevelFields {
  eachField(visit: (key: string, value: unknown) => void): void;
  value(key: string): unknown;
}

export function guardedHookFindings(fields: TopLevelFields, events: HookEvents): HookFinding[] {
  const findings: HookFinding[] = [];
  const sets = eventSets(events);
  const isGuard = (key: string) => sets.guards.has(key);
  const isEvent = (key: string) => sets.all.has(key);
  const holdsGuard = (value: unknown, depth: number, matchersCount: boolean) => holdsGuardAt(value, depth, matchersCount, sets);

  // By key, not `Object.entries`: that copied every key and value into a pair, 80,000 of them in a hostile file (and
  // from the entries where the scanner read them, so the values object need not be made). Only a map or a list can
  // hold a guard, so a scalar's key is looked up once, as a guard event's name.
  fields.eachField((key, value) => {
    if (UNSCANNED_KEYS.has(key)) return;
    if (isGuard(key) && !isEmpty(value)) {
      findings.push({ effect: 'skip', key, reason: `\`${key}\` is declared at the top level, outside \`hooks\`` });
    } else if (typeof value === 'object' && value !== null && holdsGuard(value, 1, !isEvent(key))) {
      findings.push({ effect: 'skip', key, reason: `\`${key}\` holds a ${events.guardHookEvents.join('/')} hook or a hook matcher, outside \`hooks\`` });
    }
  });

  const hooks = fields.value('hooks');
  if (!hooks) return findings;
  // The event names once: a dictionary-mode map of thousands of keys sorts them for every `Object.keys`.
  const eventNames = isRecord(hooks) ? Object.keys(hooks) : [];
  if (isRecord(hooks) && isMatcherShaped(hooks, sets.all, eventNames)) {
    findings.push({ effect: 'skip', key: 'hooks', reason: '`hooks` must map event names to matcher lists; this is a single matcher' });
    return findings;
  }
  if (Array.isArray(hooks) && hooks.some((item) => isRecord(item) && isMatcherShaped(item, sets.all))) {
    findings.push({ effect: 'skip', key: 'hooks', reason: '`hooks` must map event names to matcher lists; this is a list of matchers' });
    return findings;
  }
  if (!isRecord(hooks)) {
    findings.push({ effect: 'skip', key: 'hooks', reason: `\`hooks\` must map event names to matcher lists, not ${Array.isArray(hooks) ? 'a list' : typeof hooks === 'string' ? 'a string' : `\`${String(hooks)}\``}` });
    return findings;
  }
  // Keys, not entries: a hostile `hooks` map has tens of thousands of events, and a pair array for each was half the scan.
  for (const event of eventNames) {
    const matchers = hooks[event];
    const guard = isGuard(event);
    if (!isEvent(event)) {
      const skips = holdsGuard(matchers, 1, false);
      findings.push({ effect: skips ? 'skip' : 'drop', key: 'hooks', reason: skips ? `\`${event}\` is not a hook event and holds a guarding hook` : `\`${event}\` is not a hook event` });
    } else if (!Array.isArray(matchers)) {
      if (matchers === null || matchers === undefined) continue;
      findings.push({ effect: guard ? 'skip' : 'drop', key: 'hooks', reason: `\`${event}\` must hold a list of matchers` });
    } else if (!matchers.every(isValidMatcher)) {
      findings.push({ effect: guard ? 'skip' : 'drop', key: 'hooks', reason: `\`${event}\` holds an invalid matcher or hook entry (each needs a \`hooks\` list of entries with a known \`type\`)` });
    }
  }
  return findings;
}

/**
 * Whether a value holds a guard hook (a guard event key with a value) or, where `matchersCount`, a matcher-shaped map,
 * at most `SCAN_DEPTH` levels down. Plain loops over keys: it visits every node of a `hooks` map of 100,000 nodes.
 */
function holdsGuardAt(value: unknown, depth: number, matchersCount: boolean, sets: EventSets): boolean {
  if (depth > SCAN_DEPTH || typeof value !== 'object' || value === null) return false;
  // Only maps and lists are called on: scalars, most of the nodes, cannot hold a guard.
  const deeper = depth < SCAN_DEPTH;
  if (Array.isArray(value)) {
    if (deeper) for (const item of value) if (typeof item === 'object' && item !== null && holdsGuardAt(item, depth + 1, matchersCount, sets)) return true;
    return false;
  }
  const map = value as Record<string, unknown>;
  const keys = Object.keys(map);
  if (matchersCount && isMatcherShaped(map, sets.all, keys)) return true;
  for (const key of keys) {
    const inner = map[key];
    if (sets.guards.has(key) && !isEmpty(inner)) return true;
    if (deeper && typeof inner === 'object' && inner !== null && holdsGuardAt(inner, depth + 1, matchersCount && !sets.all.has(key), sets)) return true;
  }
  return false;
}

interface EventSets {
  guards: ReadonlySet<string>;
  all: ReadonlySet<string>;
}

/** The events as sets, once per profile: the scan asks about every key of the front matter, 80,000 in a hostile file. */
const eventSetsOf = new WeakMap<HookEvents, EventSets>();
function eventSets(events: HookEvents): EventSets {
  let sets = eventSetsOf.get(events);
  if (!sets) eventSetsOf.set(events, (sets = { guards: new Set(events.guardHookEvents), all: new Set(events.hookEvents) }));
  return sets;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

/** A map that looks like one matcher (`{matcher, hooks: [...]}`) rather than a map of events. */
function isMatcherShaped(map: Record<string, unknown>, events: ReadonlySet<string>, keys: readonly string[] = Object.keys(map)): boolean {
  const has = (key: string) => Object.prototype.hasOwnProperty.call(map, key);
  if (!has('matcher') && keys.some((key) => events.has(key))) return false;
  const hooks = has('hooks') ? map.hooks : undefined;
  if (Array.isArray(hooks) && hooks.length > 0) return true;
  if (has('matcher') && isRecord(hooks)) return true;
  return isRecord(hooks) && typeof hooks.type === 'string';
}

function isValidMatcher(matcher: unknown): boolean {
  if (!isRecord(matcher)) return false;
  if (matcher.matcher !== undefined && typeof matcher.matcher !== 'string') return false;
  return Array.isArray(matcher.hooks) && matcher.hooks.every((entry) => isRecord(entry) && typeof entry.type === 'string' && HOOK_TYPES.has(entry.type));
}
