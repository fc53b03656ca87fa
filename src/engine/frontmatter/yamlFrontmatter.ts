// Parsing front matter YAML the way Claude Code 2.1.197 does (Bun.YAML: YAML 1.2 core schema, duplicate keys allowed,
// merge keys, no alias limit, and one repair pass on failure), while keeping every key's and value's source range.
// Simple front matter (nearly all of it) takes a fast path that never builds a YAML document.
import type * as YamlLibrary from 'yaml';
import type { Document, Node, Pair, ScalarTag } from 'yaml';
import { scanSimpleFrontmatter, type ScannedFrontmatter } from './simpleFrontmatterScanner';

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
};

/** What the rules need to know of a value's YAML node (the `yaml` package's nodes are not kept: the fast path has none). */
export interface ValueNode {
  kind: 'plain' | 'quoted' | 'block' | 'seq' | 'map' | 'alias';
  /** Items of a `seq`, entries of a `map`. */
  size?: number;
  /** A `seq`'s items. */
  items?: ListItem[];
}

/** One item of a list value, with offsets into the YAML text; `text` is its value when that is a string. */
export interface ListItem {
  start: number;
  end: number;
  text: string | null;
}

/** One top-level `key: value` of the front matter, with offsets into the YAML text. */
export interface FrontmatterEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** The value's node; `key:` with nothing after it has an empty plain scalar (value `null`). */
  valueNode: ValueNode | null;
  valueStart: number;
  valueEnd: number;
  value: unknown;
}

export interface YamlProblem {
  message: string;
  start: number;
  end: number;
}

export interface ParsedFrontmatter {
  /** The values Claude Code sees; `{}` when parsing failed or the YAML is not a map. */
  values: Record<string, unknown>;
  entries: FrontmatterEntry[];
  /** True when strict parsing failed but Claude Code's repair pass succeeded. */
  repaired: boolean;
  /** Lines (zero-based, within the YAML text) that the repair pass rewrote. */
  repairedLines: RepairedLine[];
  /** The strict parser's errors (also set when the repair rescued the file); at least the first, the one reported. */
  strictErrors: YamlProblem[];
  /** True when neither strict parsing nor the repair pass produced a document. */
  failed: boolean;
  /** The parsed document is not a map (a list, a scalar, empty). */
  notAMap: boolean;
  aliasCount: number;
  /**
   * Set when `[`/`{` nest deeper than `MAX_FLOW_NESTING`: the text was not given to the `yaml` package, whose time and
   * memory grow steeply with depth (5,000 unclosed `[` exhaust the process). `failed` is then true.
   */
  flowNestingTooDeep?: boolean;
}

/** Real front matter nests two or three levels; a hundred is already hostile, and `yaml` is quick up to there. */
export const MAX_FLOW_NESTING = 100;

/**
 * Whether `[`/`{` ever nest deeper than `MAX_FLOW_NESTING`, counted over the whole text whatever quotes it holds: a
 * cheap upper bound, exceeded only by text no person writes.
 */
export function flowNestingTooDeep(text: string): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 91 || code === 123) {
      if (++depth > MAX_FLOW_NESTING) return true;
    } else if ((code === 93 || code === 125) && depth > 0) {
      depth--;
    }
  }
  return false;
}

const TOO_DEEP: ParsedFrontmatter = Object.freeze({
  values: {}, entries: [], repaired: false, repairedLines: [], strictErrors: [], failed: true, notAMap: false, aliasCount: 0, flowNestingTooDeep: true,
}) as ParsedFrontmatter;

export interface RepairedLine {
  line: number;
  start: number;
  end: number;
  replacement: string;
}

/** yaml's message for `key: a: b`, the most common invalid front matter (Claude Code's own generator writes it). */
const COMPACT_MAPPING_MESSAGE = 'Nested mappings are not allowed in compact mappings';

/**
 * Parses front matter as Claude Code does: the fast scanner when the text is simple enough, else the `yaml` package.
 * When the only trouble is `key: a: b` lines that the repair pass fixes, the scanner reads the repaired text and the
 * strict parser's first error is known without running it; `strictErrors` then holds that one error.
 */
export function parseFrontmatterYaml(yamlText: string): ParsedFrontmatter {
  const scanned = scanSimpleFrontmatter(yamlText);
  if (scanned && 'entries' in scanned) {
    return { values: scanned.values, entries: scanned.entries, repaired: false, repairedLines: [], strictErrors: [], failed: false, notAMap: false, aliasCount: 0 };
  }
  if (scanned && !flowNestingTooDeep(yamlText)) {
    const repair = repairLikeClaudeCode(yamlText);
    const rescanned = scanSimpleFrontmatter(repair.text);
    if (rescanned && 'entries' in rescanned) {
      const at = scanned.compactMappingAt;
      return repairedResult(rescanned, yamlText, repair, [{ message: COMPACT_MAPPING_MESSAGE, start: at, end: at + 1 }]);
    }
  }
  return parseWithYaml(yamlText, true);
}

function repairedResult(scanned: ScannedFrontmatter, yamlText: string, repair: { text: string; lines: RepairedLine[] }, strictErrors: YamlProblem[]): ParsedFrontmatter {
  const mapOffset = offsetMapper(repair.text, yamlText);
  const entries = scanned.entries.map((entry) => withOriginalValue(mapEntry(entry, mapOffset), yamlText, repair.lines));
  return { values: scanned.values, entries, repaired: true, repairedLines: repair.lines, strictErrors, failed: false, notAMap: false, aliasCount: 0 };
}

/**
 * On a line the repair pass quoted, the value as written: from after `key: ` to the end of the line. Offsets mapped
 * from the quoted text are one character off and ran into the line break, so fixes on such lines ate it
 * (`name: a: b` + `description: d` became `name: a- bdescription: d`).
 */
function withOriginalValue(entry: FrontmatterEntry, yamlText: string, repairedLines: readonly RepairedLine[]): FrontmatterEntry {
  const line = repairedLines.find((candidate) => candidate.start <= entry.keyStart && entry.keyStart <= candidate.end);
  if (!line) return entry;
  const match = matchRepairableLine(yamlText.slice(line.start, line.end));
  if (!match || !line.replacement.startsWith(`${match.key}: "`)) return entry;
  return { ...entry, valueStart: line.end - match.value.length, valueEnd: line.end };
}

/** The same with the `yaml` package alone: the reference the fast scanner is tested against. */
export function parseFrontmatterYamlFully(yamlText: string): ParsedFrontmatter {
  return parseWithYaml(yamlText, false);
}

function parseWithYaml(yamlText: string, useScanner: boolean): ParsedFrontmatter {
  if (flowNestingTooDeep(yamlText)) return TOO_DEEP;
  const strict = attempt(yamlText);
  if (!('problems' in strict)) return describe(strict, (offset) => offset, false, [], []);

  const repair = repairLikeClaudeCode(yamlText);
  if (repair.text !== yamlText) {
    const scanned = useScanner ? scanSimpleFrontmatter(repair.text) : undefined;
    if (scanned && 'entries' in scanned) return repairedResult(scanned, yamlText, repair, strict.problems);
    // Ranges refer to the repaired text; lines are unchanged, so they map back line by line.
    const repaired = attempt(repair.text);
    if (!('problems' in repaired)) {
      const described = describe(repaired, offsetMapper(repair.text, yamlText), true, repair.lines, strict.problems);
      return { ...described, entries: described.entries.map((entry) => withOriginalValue(entry, yamlText, repair.lines)) };
    }
  }
  return { values: {}, entries: [], repaired: false, repairedLines: [], strictErrors: strict.problems, failed: true, notAMap: false, aliasCount: 0 };
}

interface ParsedAttempt {
  document: Document;
  values: Record<string, unknown>;
}

/** Parses and converts to plain values; an unresolved alias only fails at conversion, as it does in Bun.YAML. */
function attempt(text: string): ParsedAttempt | { problems: YamlProblem[] } {
  const document = yaml().parseDocument(text, PARSE_OPTIONS);
  if (document.errors.length > 0) {
    return { problems: document.errors.map((error) => ({ message: firstLine(error.message), start: error.pos[0], end: error.pos[1] })) };
  }
  try {
    const js = document.toJS({ maxAliasCount: -1 }) as unknown;
    return { document, values: js !== null && typeof js === 'object' && !Array.isArray(js) ? (js as Record<string, unknown>) : {} };
  } catch (error) {
    return { problems: [{ message: firstLine(error instanceof Error ? error.message : String(error)), start: 0, end: 0 }] };
  }
}

function describe(parsedAttempt: ParsedAttempt, mapOffset: (offset: number) => number, repaired: boolean, repairedLines: RepairedLine[], strictErrors: YamlProblem[]): ParsedFrontmatter {
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

function mapEntry(entry: FrontmatterEntry, mapOffset: (offset: number) => number): FrontmatterEntry {
  const node = entry.valueNode;
  const items = node?.items?.map((item) => ({ ...item, start: mapOffset(item.start), end: mapOffset(item.end) }));
  return {
    ...entry,
    keyStart: mapOffset(entry.keyStart), keyEnd: mapOffset(entry.keyEnd), valueStart: mapOffset(entry.valueStart), valueEnd: mapOffset(entry.valueEnd),
    valueNode: node && items ? { ...node, items } : node,
  };
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
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (yaml().isAlias(node)) count++;
    else if (yaml().isMap(node) || yaml().isSeq(node)) for (const item of node.items) stack.push(item);
    else if (node && typeof node === 'object' && 'key' in node && 'value' in node) stack.push((node as Pair).key, (node as Pair).value);
  }
  return count;
}

/** Maps an offset in the repaired text to the same line of the original, clamped to that line's end (never its break). */
function offsetMapper(parsedText: string, originalText: string): (offset: number) => number {
  const parsedStarts = lineStarts(parsedText);
  const originalStarts = lineStarts(originalText);
  return (offset) => {
    let line = 0;
    let high = parsedStarts.length - 1;
    while (line < high) {
      const middle = (line + high + 1) >> 1;
      if (parsedStarts[middle] <= offset) line = middle;
      else high = middle - 1;
    }
    const column = offset - parsedStarts[line];
    const originalStart = originalStarts[Math.min(line, originalStarts.length - 1)];
    const originalEnd = line + 1 < originalStarts.length ? originalStarts[line + 1] - 1 : originalText.length;
    return Math.min(originalStart + column, originalEnd);
  };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

// Claude Code's repair pass (its function `n2d`): a top-level `key: value` line whose unquoted value holds a YAML
// indicator or `: ` is rewritten as a double-quoted string; then leading tabs become two spaces each.
const NEEDS_QUOTING = /[{}[\]*&#!|>%@`]|: /;

const KEY_AND_COLON = /^[a-zA-Z_-]+:/;
/** What `.` does not match (a line never holds `\n`). */
const LINE_TERMINATOR = /[\r\u2028\u2029]/;

/**
 * What Claude Code's `/^([a-zA-Z_-]+):\s+(.+)$/` captures from a line, found in linear time: the pattern itself
 * backtracks quadratically on a long run of spaces before a `\r`, which every line of a CRLF file ends with.
 */
export function matchRepairableLine(line: string): { key: string; value: string } | undefined {
  const keyAndColon = KEY_AND_COLON.exec(line)?.[0];
  if (!keyAndColon) return undefined;
  const rest = line.slice(keyAndColon.length);
  // `\s+` is greedy and trimStart() removes exactly what `\s` matches; when nothing is left, `\s+` gives its last
  // character back to `.+`.
  let value = rest.trimStart();
  if (value.length === rest.length) return undefined;
  if (value === '') value = rest.length >= 2 ? rest.slice(-1) : '';
  if (value === '' || LINE_TERMINATOR.test(value)) return undefined;
  return { key: keyAndColon.slice(0, -1), value };
}

export function repairLikeClaudeCode(yamlText: string): { text: string; lines: RepairedLine[] } {
  const lines = yamlText.split('\n');
  const repaired: RepairedLine[] = [];
  let offset = 0;
  const output = lines.map((line, index) => {
    const lineStart = offset;
    offset += line.length + 1;
    const match = matchRepairableLine(line);
    let result = line;
    if (match) {
      const { key, value } = match;
      const quoted = (value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"));
      if (!quoted && !isFlowList(value) && NEEDS_QUOTING.test(value)) {
        result = `${key}: "${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
      }
    }
    const untabbed = result.replace(/^\t+/, (tabs) => '  '.repeat(tabs.length));
    if (untabbed !== line) repaired.push({ line: index, start: lineStart, end: lineStart + line.length, replacement: untabbed });
    return untabbed;
  });
  return { text: output.join('\n'), lines: repaired };
}

function isFlowList(value: string): boolean {
  if (!value.startsWith('[') || !value.endsWith(']')) return false;
  const document = yaml().parseDocument(value, PARSE_OPTIONS);
  return document.errors.length === 0 && yaml().isSeq(document.contents);
}

/** Whether a value node is a plain (unquoted, non-block) scalar: the only kind where ` #` starts a comment. */
export function isPlainScalar(node: ValueNode | null): boolean {
  return node?.kind === 'plain';
}

export function isBlockScalar(node: ValueNode | null): boolean {
  return node?.kind === 'block';
}

export function isScalarNode(node: ValueNode | null): boolean {
  return node?.kind === 'plain' || node?.kind === 'quoted' || node?.kind === 'block';
}

/** The `yaml` package's message without its source excerpt and its position (ours are ranges in the file). */
function firstLine(message: string): string {
  const newline = message.indexOf('\n');
  return (newline === -1 ? message : message.slice(0, newline)).replace(/ at line \d+, column \d+:?$/, '');
}
