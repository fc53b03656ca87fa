// The `yaml` package as Claude Code's parser (Bun.YAML) reads front matter: YAML 1.2 core schema, duplicate keys
// allowed, merge keys, no alias limit. Loaded on first use; only front matter the fast scanner declines comes here.
import type * as YamlLibrary from 'yaml';
import type { Document, Node, Pair, ScalarTag } from 'yaml';
import type { FrontmatterEntry, ListItem, ParsedFrontmatter, RepairedLine, ValueNode, YamlProblem } from './model';

let loadedYaml: typeof YamlLibrary | undefined;

/**
 * The `yaml` package, evaluated on first use. The fast scanner reads nearly every front matter without it, and it is
 * half of the extension's bundle: it stays in the bundle's bytes, but its module code no longer runs before
 * `activate()` does.
 */
function yaml(): typeof YamlLibrary {
  return (loadedYaml ??= require('yaml') as typeof YamlLibrary);
}

/** Bun.YAML does not decode `!!binary`; it stays the base64 string. */
const binaryAsString: ScalarTag = { tag: 'tag:yaml.org,2002:binary', resolve: (source: string) => source };

const PARSE_OPTIONS = {
  version: '1.2' as const,
  schema: 'core' as const,
  uniqueKeys: false,
  merge: true,
  logLevel: 'silent' as const,
  customTags: [binaryAsString],
  // Messages are cut to their first line without the position (`firstLine`): the excerpt and line numbers `yaml`
  // would add to each of thousands of errors are never read.
  prettyErrors: false,
};
export interface ParsedAttempt {
  document: Document;
  values: Record<string, unknown>;
}

/**
 * Aliases times nodes a document may hold and still be converted. The `yaml` package resolves each alias by walking the
 * document (about 0.2 µs a node here), so this keeps conversion near 20 ms; the alias bomb of the tests (207 aliases in
 * 250 nodes) needs a quarter of it, and agent files seldom hold an alias at all.
 */
export const MAX_ALIAS_RESOLUTION_WORK = 100_000;

/** Parses and converts to plain values; an unresolved alias only fails at conversion, as it does in Bun.YAML. */
/**
 * `yaml` reports each problem as an Error, and V8 records a stack trace for every one: on a front matter of thousands
 * of broken lines that was a third of the parse (only the message and offsets are read here). No stacks while it parses.
 */
function parsedWithoutStacks(text: string): ReturnType<ReturnType<typeof yaml>['parseDocument']> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return yaml().parseDocument(text, PARSE_OPTIONS);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function attempt(text: string): ParsedAttempt | { problems: YamlProblem[] } | { tooManyAliases: true } {
  const document = parsedWithoutStacks(text);
  if (document.errors.length > 0) {
    return { problems: document.errors.map((error) => ({ message: firstLine(error.message), start: error.pos[0], end: error.pos[1] })) };
  }
  const { aliases, nodes } = countNodes(document.contents);
  if (aliases * nodes > MAX_ALIAS_RESOLUTION_WORK) return { tooManyAliases: true };
  try {
    const js = document.toJS({ maxAliasCount: -1 }) as unknown;
    return { document, values: js !== null && typeof js === 'object' && !Array.isArray(js) ? (js as Record<string, unknown>) : {} };
  } catch (error) {
    return { problems: [{ message: firstLine(error instanceof Error ? error.message : String(error)), start: 0, end: 0 }] };
  }
}

export function describe(parsedAttempt: ParsedAttempt, mapOffset: (offset: number) => number, repaired: boolean, repairedLines: RepairedLine[], strictErrors: YamlProblem[]): ParsedFrontmatter {
  const { document, values } = parsedAttempt;
  const contents = document.contents;
  const base = { repaired, repairedLines, strictErrors, failed: false };
  if (!yaml().isMap(contents)) return { ...base, values: {}, entries: [], notAMap: true, aliasCount: 0 };

  const entries: FrontmatterEntry[] = [];
  for (const pair of contents.items) {
    const keyNode = pair.key as Node | null;
    if (!yaml().isScalar(keyNode)) continue;
    const key = String(keyNode.value);
    const valueNode = (pair.value as Node | null) ?? null;
    const keyStart = mapOffset(keyNode.range?.[0] ?? 0);
    const keyEnd = mapOffset(keyNode.range?.[1] ?? keyStart);
    const valueStart = valueNode?.range ? mapOffset(valueNode.range[0]) : keyEnd;
    const valueEnd = valueNode?.range ? mapOffset(valueNode.range[1]) : keyEnd;
    entries.push({ key, keyStart, keyEnd, valueNode: shapeOf(valueNode, mapOffset, valueStart, valueEnd), valueStart, valueEnd, value: nodeValue(valueNode, document) });
  }
  return { ...base, values, entries, notAMap: false, aliasCount: countAliases(contents) };
}

function shapeOf(node: Node | null, mapOffset: (offset: number) => number, valueStart: number, valueEnd: number): ValueNode | null {
  if (node === null) return null;
  if (yaml().isScalar(node)) {
    if (node.type === yaml().Scalar.PLAIN) return { kind: 'plain' };
    return { kind: node.type === yaml().Scalar.BLOCK_LITERAL || node.type === yaml().Scalar.BLOCK_FOLDED ? 'block' : 'quoted' };
  }
  if (yaml().isSeq(node)) {
    const items = (node.items as Node[]).map((item): ListItem => ({
      start: item.range ? mapOffset(item.range[0]) : valueStart,
      end: item.range ? mapOffset(item.range[1]) : valueEnd,
      text: yaml().isScalar(item) && typeof item.value === 'string' ? item.value : null,
    }));
    return { kind: 'seq', size: items.length, items };
  }
  if (yaml().isMap(node)) return { kind: 'map', size: node.items.length };
  return { kind: 'alias' };
}

function nodeValue(node: Node | null, document: Document): unknown {
  if (node === null) return null;
  if (yaml().isScalar(node)) return node.value;
  try {
    return node.toJS(document, { maxAliasCount: -1 });
  } catch {
    return undefined;
  }
}

function countAliases(root: Node): number {
  return countNodes(root).aliases;
}

/** Aliases and all nodes (pairs, keys and values included) under a root, in one walk. */
function countNodes(root: unknown): { aliases: number; nodes: number } {
  let aliases = 0;
  let nodes = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || node === undefined) continue;
    nodes++;
    if (yaml().isAlias(node)) aliases++;
    else if (yaml().isMap(node) || yaml().isSeq(node)) for (const item of node.items) stack.push(item);
    else if (typeof node === 'object' && 'key' in node && 'value' in node) stack.push((node as Pair).key, (node as Pair).value);
  }
  return { aliases, nodes };
}
/** The `yaml` package's message without its source excerpt and its position (ours are ranges in the file). */
function firstLine(message: string): string {
  const newline = message.indexOf('\n');
  return (newline === -1 ? message : message.slice(0, newline)).replace(/ at line \d+, column \d+:?$/, '');
}

/** Whether a value is a valid YAML flow list (`[a, b]`), which the repair pass leaves unquoted. */
export function isFlowList(value: string): boolean {
  if (!value.startsWith('[') || !value.endsWith(']')) return false;
  const document = parsedWithoutStacks(value);
  return document.errors.length === 0 && yaml().isSeq(document.contents);
}
