// The parsed front matter as the rules see it: entries with source offsets, values, and what parsing had to repair.
// Shared by the fast scanner and the `yaml` adapter, so neither imports the other.

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
  readonly values: Record<string, unknown>;
  /**
   * Set when `values` holds exactly the entries' keys, each with its last entry's value, in the order keys first
   * appear (front matter the fast scanner read: no merge keys). Readers may then go by the entries, and `values`, made
   * on first read, is never made: for 80,000 keys it was the largest single cost of a lint.
   */
  valuesAreEntries?: boolean;
  entries: FrontmatterEntry[];
  /** True when strict parsing failed but Claude Code's repair pass succeeded. */
  repaired: boolean;
  /** Lines (zero-based, within the YAML text) that the repair pass rewrote. */
  repairedLines: RepairedLines;
  /** The YAML text as the repair pass left it, when `repaired`: what quoting every repaired line writes. */
  repairedText?: string;
  /** The strict parser's errors (also set when the repair rescued the file); at least the first, the one reported. */
  strictErrors: YamlProblem[];
  /** True when neither strict parsing nor the repair pass produced a document. */
  failed: boolean;
  /** The parsed document is not a map (a list, a scalar, empty). */
  notAMap: boolean;
  aliasCount: number;
  /**
   * Set when collections nest deeper than `MAX_NESTING` (`[`/`{`, or by indentation and `- `): the text was not given
   * to the `yaml` package, whose time and memory grow steeply with flow depth (5,000 unclosed `[` exhaust the process)
   * and whose recursion over block depth exhausts the stack. `failed` is then true.
   */
  nestingTooDeep?: boolean;
  /**
   * Set when aliases times nodes pass `MAX_ALIAS_RESOLUTION_WORK`: the `yaml` package finds each alias's anchor by
   * walking the whole document, so many aliases in a large front matter take quadratic time (a megabyte of them took
   * minutes). The document was parsed but not converted; `failed` is then true.
   */
  tooManyAliases?: boolean;
  /**
   * Set when the front matter is longer than `MAX_FULL_PARSE_CHARACTERS` and the fast scanner cannot read it: only the
   * `yaml` package could, at a microsecond a character or more, so it was not parsed. `failed` is then true.
   */
  tooLargeToParse?: boolean;
  /**
   * The characters the `yaml` package read to produce this result (the strict attempt, and the repaired text when that
   * was tried too); absent when the fast scanner read it all. Fix verification budgets its re-lints by it.
   */
  fullParseCharacters?: number;
}

export interface RepairedLine {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** The line as the repair pass rewrites it. */
  readonly replacement: string;
  /** Where the value starts in the original line, when the repair quoted it (`key: a: b` -> `key: "a: b"`). */
  readonly quotedValueStart?: number;
}

/**
 * The lines the repair pass rewrote, in order: an array, or (from the fast scanner, which may find 80,000 of them)
 * columns of offsets that make a line's object when it is asked for.
 */
export interface RepairedLines {
  readonly length: number;
  /** The line at `index` (from the end when negative), or `undefined` past either end, as `Array.prototype.at`. */
  at(index: number): RepairedLine | undefined;
}

/** Every repaired line as an object: for the few places that go through them all, and only while they are few. */
export function repairedLineList(lines: RepairedLines): RepairedLine[] {
  return Array.isArray(lines) ? lines : Array.from({ length: lines.length }, (_, index) => lines.at(index)!);
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
