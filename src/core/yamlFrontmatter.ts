// Parsing front matter YAML the way Claude Code 2.1.197 does (Bun.YAML: YAML 1.2 core schema, duplicate keys allowed,
// merge keys, no alias limit, and one repair pass on failure), while keeping every key's and value's source range.
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, Scalar, type ScalarTag } from 'yaml';

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

/** One top-level `key: value` of the front matter, with offsets into the YAML text. */
export interface FrontmatterEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** The value node; `null` for `key:` with nothing after it. */
  valueNode: Node | null;
  valueStart: number;
  valueEnd: number;
  value: unknown;
  pair: Pair;
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
  /** The strict parser's errors (also set when the repair rescued the file). */
  strictErrors: YamlProblem[];
  /** True when neither strict parsing nor the repair pass produced a document. */
  failed: boolean;
  /** The parsed document is not a map (a list, a scalar, empty). */
  notAMap: boolean;
  aliasCount: number;
  document?: Document;
}

export interface RepairedLine {
  line: number;
  start: number;
  end: number;
  replacement: string;
}

export function parseFrontmatterYaml(yamlText: string): ParsedFrontmatter {
  const strict = attempt(yamlText);
  if (!('problems' in strict)) return describe(strict, yamlText, false, [], []);

  const repair = repairLikeClaudeCode(yamlText);
  if (repair.text !== yamlText) {
    const repaired = attempt(repair.text);
    // Ranges refer to the repaired text; lines are unchanged, so they map back line by line.
    if (!('problems' in repaired)) return describe(repaired, yamlText, true, repair.lines, strict.problems, repair.text);
  }
  return { values: {}, entries: [], repaired: false, repairedLines: [], strictErrors: strict.problems, failed: true, notAMap: false, aliasCount: 0 };
}

interface ParsedAttempt {
  document: Document;
  values: Record<string, unknown>;
}

/** Parses and converts to plain values; an unresolved alias only fails at conversion, as it does in Bun.YAML. */
function attempt(text: string): ParsedAttempt | { problems: YamlProblem[] } {
  const document = parseDocument(text, PARSE_OPTIONS);
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

function describe(parsedAttempt: ParsedAttempt, originalText: string, repaired: boolean, repairedLines: RepairedLine[], strictErrors: YamlProblem[], parsedText = originalText): ParsedFrontmatter {
  const { document, values } = parsedAttempt;
  const mapOffset = parsedText === originalText ? (offset: number) => offset : offsetMapper(parsedText, originalText);
  const contents = document.contents;
  const base = { repaired, repairedLines, strictErrors, failed: false, document };
  if (!isMap(contents)) return { ...base, values: {}, entries: [], notAMap: true, aliasCount: 0 };

  const entries: FrontmatterEntry[] = [];
  for (const pair of contents.items) {
    const keyNode = pair.key as Node | null;
    if (!isScalar(keyNode)) continue;
    const key = String(keyNode.value);
    const valueNode = (pair.value as Node | null) ?? null;
    const keyStart = mapOffset(keyNode.range?.[0] ?? 0);
    const keyEnd = mapOffset(keyNode.range?.[1] ?? keyStart);
    const valueStart = valueNode?.range ? mapOffset(valueNode.range[0]) : keyEnd;
    const valueEnd = valueNode?.range ? mapOffset(valueNode.range[1]) : keyEnd;
    entries.push({ key, keyStart, keyEnd, valueNode, valueStart, valueEnd, value: nodeValue(valueNode, document), pair });
  }
  return { ...base, values, entries, notAMap: false, aliasCount: countAliases(contents) };
}

function nodeValue(node: Node | null, document: Document): unknown {
  if (node === null) return null;
  if (isScalar(node)) return node.value;
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
    if (isAlias(node)) count++;
    else if (isMap(node) || isSeq(node)) for (const item of node.items) stack.push(item);
    else if (node && typeof node === 'object' && 'key' in node && 'value' in node) stack.push((node as Pair).key, (node as Pair).value);
  }
  return count;
}

/** Maps an offset in the repaired text to the same line of the original, clamped to that line's length. */
function offsetMapper(parsedText: string, originalText: string): (offset: number) => number {
  const parsedStarts = lineStarts(parsedText);
  const originalStarts = lineStarts(originalText);
  return (offset) => {
    let line = 0;
    while (line + 1 < parsedStarts.length && parsedStarts[line + 1] <= offset) line++;
    const column = offset - parsedStarts[line];
    const originalStart = originalStarts[Math.min(line, originalStarts.length - 1)];
    const originalEnd = line + 1 < originalStarts.length ? originalStarts[line + 1] : originalText.length;
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
const REPAIRABLE_LINE = /^([a-zA-Z_-]+):\s+(.+)$/;
const NEEDS_QUOTING = /[{}[\]*&#!|>%@`]|: /;

export function repairLikeClaudeCode(yamlText: string): { text: string; lines: RepairedLine[] } {
  const lines = yamlText.split('\n');
  const repaired: RepairedLine[] = [];
  let offset = 0;
  const output = lines.map((line, index) => {
    const lineStart = offset;
    offset += line.length + 1;
    const match = REPAIRABLE_LINE.exec(line);
    let result = line;
    if (match) {
      const [, key, value] = match;
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
  const document = parseDocument(value, PARSE_OPTIONS);
  return document.errors.length === 0 && isSeq(document.contents);
}

/** Whether a value node is a plain (unquoted, non-block) scalar: the only kind where ` #` starts a comment. */
export function isPlainScalar(node: Node | null): boolean {
  return node !== null && isScalar(node) && node.type === Scalar.PLAIN;
}

export function isBlockScalar(node: Node | null): boolean {
  return node !== null && isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
}

/** The `yaml` package's message without its source excerpt and its position (ours are ranges in the file). */
function firstLine(message: string): string {
  const newline = message.indexOf('\n');
  return (newline === -1 ? message : message.slice(0, newline)).replace(/ at line \d+, column \d+:?$/, '');
}
