// Block maps and sequences under a top-level `key:`, nested to any depth (`hooks`, `mcpServers`), read by the fast
// scanner as `yaml` reads them: values, offsets and node kinds. It answers `undefined` where it is unsure, and `yaml`
// decides; test/unit/engine/frontmatter/simpleFrontmatterScanner.test.ts proves the two agree otherwise.
import * as scalars from './simpleYamlScalars';
import { scanBlockScalar, scanFlowList, type ScannedValue } from './simpleYamlValues';
import type { ListItem, ValueNode } from './model';

// The scalar reader's codes and helpers, read once: run from sources (tests, `tsx`), another module's exports are
// getters, and these are read per character and per line, a getter call each (an eighth of a megabyte's lint).
const {
  COLON, DASH, DOUBLE_QUOTE, HASH, isIndicator, isKeyCharacter, lineEnd, MAX_KEY_LENGTH, isNonStringKey,
  OPEN_BRACKET, plainValueEnd, resolvePlain, restIsComment, scanQuoted, SINGLE_QUOTE, skipSpaces, SPACE, UNRESOLVED,
} = scalars;

/**
 * Collections nested deeper are left to `yaml`. Real front matter nests three or four levels. `yaml` recurses per level
 * and runs out of stack at some depth (about 900 nested lists in a plain Node process, fewer where the stack is already
 * deep), and its answer there is an error the scanner could not match; a hundred levels are far from that.
 */
const MAX_BLOCK_NESTING = 100;

/** A block map or sequence being read; `yaml`'s node for it spans `start` to `end`. */
interface Collection {
  /** A map's object, made when it opens. */
  map: Record<string, unknown> | undefined;
  /** A sequence's items are gathered in the reader's `sequenceItems` from here on, and made a list when it closes. */
  itemsFrom: number;
  /** The key or item whose value a sequence is, given its list when it closes; none for the top-level value. */
  owner: PendingValue | undefined;
  isMap: boolean;
  column: number;
  /** A sequence at its parent map's column (`key:\n- a`): a key at that column ends it. */
  indentless: boolean;
  start: number;
  /** Where yaml ends the node so far: where its last child's node ends (after that child's line break and comment). */
  end: number;
  size: number;
  /** The items' offsets, kept for the top-level value only (the rules see no deeper). */
  items?: ListItem[];
}

/** A `key:` or `-` with nothing after it on its line: its value is the block below it, or null. */
interface PendingValue {
  owner: Collection;
  key: string;
  /** Where yaml puts the empty scalar: after the indicator and its spaces. */
  at: number;
  /** A comment follows on the line, which moves where yaml ends the empty scalar's node. */
  comment: boolean;
}

/**
 * The block map or sequence that starts on the line at `lineStart` (after a top-level `key:`), read to the next line at
 * column 0; `undefined` unless that line starts a key (deeper than column 0) or a `- ` item. An explicit stack of open
 * collections keeps any depth off the call stack, and each line is read once.
 */
export function scanBlockCollection(text: string, lineStart: number): ScannedValue | undefined {
  return new BlockCollectionReader(text).read(lineStart);
}

/**
 * One reading of a block collection. The per-line steps hand results over in fields, not in objects: a hostile map of
 * 40,000 keys would otherwise allocate a few objects per line for nothing.
 */
class BlockCollectionReader {
  private readonly stack: Collection[] = [];
  /**
   * The items of the open sequences, innermost last. A list made when its sequence closes has just the room its items
   * need: pushing onto a new list reserves room for 17, and the lists of a hostile `hooks` map were most of its memory.
   */
  private readonly sequenceItems: unknown[] = [];
  private pending: PendingValue | undefined;
  /** The last scalar read by `inlineScalar`: its value, yaml's value and node ends, and where the next line starts. */
  private scalarValue: unknown = null;
  private scalarEnd = 0;
  private scalarNodeEnd = 0;
  private scalarNext = 0;

  constructor(private readonly text: string) {}

  read(lineStart: number): ScannedValue | undefined {
    const { text, stack } = this;
    // The top-level map, as the owner of the key whose value this is; never entered itself.
    const top: Collection = { map: {}, itemsFrom: 0, owner: undefined, isMap: true, column: 0, indentless: false, start: 0, end: 0, size: 0 };
    this.pending = { owner: top, key: '', at: lineStart, comment: false };
    let blankAfterPending = false;
    let line = lineStart;
    while (line < text.length) {
      const end = lineEnd(text, line);
      const content = skipSpaces(text, line, end);
      if (content === end) {
        blankAfterPending = this.pending !== undefined;
        line = end + 1;
        continue;
      }
      const column = content - line;
      const first = text.charCodeAt(content);
      const dash = first === DASH && (content + 1 === end || text.charCodeAt(content + 1) === SPACE);
      const pending = this.pending;
      if (column === 0 && !(dash && stack.length > 0 && stack[0].indentless)) {
        // A comment here would end the empty value's node (yaml counts it in), so leave that to yaml.
        if (pending && first === HASH) return undefined;
        break;
      }
      // Comment lines inside a collection attach to nodes in ways that move their ends: left to yaml.
      if (first === HASH) return undefined;
      if (pending) {
        const owner = pending.owner;
        if (column > owner.column || (dash && owner.isMap && column === owner.column)) {
          if ((!dash && keyColon(text, content, end) === -1) || stack.length === MAX_BLOCK_NESTING) return undefined;
          const opened: Collection = {
            map: dash ? undefined : {}, itemsFrom: this.sequenceItems.length, owner: dash && owner !== top ? pending : undefined, isMap: !dash, column,
            indentless: column === owner.column, start: content, end: content, size: 0,
          };
          if (stack.length === 0 && dash) opened.items = [];
          // A map goes to its owner now; a sequence's list when it closes (`close`), its offsets now.
          if (opened.map) this.settle(pending, opened.map, content);
          else owner.items?.push({ start: content, end: content, text: null });
          stack.push(opened);
        } else if (owner === top || !this.settleEmpty(pending, content, blankAfterPending, column === 0)) {
          return undefined;
        }
        this.pending = undefined;
      }
      while (stack.length > 0) {
        const open = stack[stack.length - 1];
        if (open.column < column || (open.column === column && !(open.indentless && !dash))) break;
        this.close();
      }
      const into = stack[stack.length - 1];
      if (!into || into.column !== column) return undefined;
      const next = into.isMap ? this.readEntry(into, content, end) : dash ? this.readItem(into, line, end) : -1;
      if (next === -1) return undefined;
      blankAfterPending = false;
      line = next;
    }
    if (stack.length === 0) return undefined;
    if (this.pending && !this.settleEmpty(this.pending, Math.min(line, text.length), blankAfterPending, true)) return undefined;
    const root = stack[0];
    while (stack.length > 1) this.close();
    const value = this.close() ?? root.map;
    const node: ValueNode = root.items ? { kind: 'seq', size: root.items.length, items: root.items } : { kind: 'map', size: root.size };
    return { node, value, start: root.start, end: root.end, next: Math.min(line, text.length) };
  }

  /** `key: value` at the map's column, its value possibly pending (on the lines below); where the next line starts, or -1. */
  private readEntry(map: Collection, content: number, end: number): number {
    const text = this.text;
    const colon = keyColon(text, content, end);
    if (colon === -1) return -1;
    const key = text.slice(content, colon);
    if (isNonStringKey(key)) return -1;
    map.size++;
    const valueStart = skipSpaces(text, colon + 1, end);
    if (valueStart === end || text.charCodeAt(valueStart) === HASH) {
      this.pending = { owner: map, key, at: valueStart, comment: valueStart < end };
      return end + 1;
    }
    if (!this.inlineScalar(valueStart, end, map.column, true)) return -1;
    setOwnValue(map.map!, key, this.scalarValue);
    map.end = this.scalarNodeEnd;
    return this.scalarNext;
  }

  /** `- item` at the sequence's column: a scalar, a pending value, or a map that starts on this line (`- key: value`). */
  private readItem(seq: Collection, line: number, end: number): number {
    const text = this.text;
    seq.size++;
    const start = skipSpaces(text, line + seq.column + 1, end);
    if (start === end || text.charCodeAt(start) === HASH) {
      this.pending = { owner: seq, key: '', at: start, comment: start < end };
      return end + 1;
    }
    if (keyColon(text, start, end) !== -1) {
      if (this.stack.length === MAX_BLOCK_NESTING) return -1;
      const map: Collection = { map: {}, itemsFrom: 0, owner: undefined, isMap: true, column: start - line, indentless: false, start, end: start, size: 0 };
      this.sequenceItems.push(map.map);
      seq.items?.push({ start, end: start, text: null });
      this.stack.push(map);
      return this.readEntry(map, start, end);
    }
    if (!this.inlineScalar(start, end, seq.column, false)) return -1;
    const value = this.scalarValue;
    this.sequenceItems.push(value);
    seq.items?.push({ start, end: this.scalarEnd, text: typeof value === 'string' ? value : null });
    seq.end = this.scalarNodeEnd;
    return this.scalarNext;
  }

  /**
   * A quoted, flow-list or one-line plain scalar (or, after a key, a block scalar) from `start` to the end of its line,
   * into the `scalar` fields; `false` when it is none of those.
   */
  private inlineScalar(start: number, end: number, column: number, afterKey: boolean): boolean {
    const text = this.text;
    const first = text.charCodeAt(start);
    this.scalarNodeEnd = end < text.length ? end + 1 : end;
    this.scalarNext = end + 1;
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const quoted = scanQuoted(text, start, end);
      if (!quoted || !restIsComment(text, quoted.end, end)) return false;
      this.scalarValue = quoted.value;
      this.scalarEnd = quoted.end;
      return true;
    }
    if (first === OPEN_BRACKET) {
      const list = scanFlowList(text, start, end);
      if (!list) return false;
      this.scalarValue = list.value;
      this.scalarEnd = list.end;
      return true;
    }
    if (afterKey && (first === 124 /* | */ || first === 62 /* > */)) {
      const block = scanBlockScalar(text, start, end, column);
      if (!block) return false;
      this.scalarValue = block.value;
      this.scalarEnd = this.scalarNodeEnd = block.end;
      this.scalarNext = block.next;
      return true;
    }
    if (isIndicator(first)) return false;
    // One line only: a deeper line after it would continue it, and the collection loop leaves that to yaml.
    const valueEnd = plainValueEnd(text, start, end);
    if (valueEnd === -1) return false;
    const value = resolvePlain(text.slice(start, valueEnd));
    if (value === UNRESOLVED) return false;
    this.scalarValue = value;
    this.scalarEnd = valueEnd;
    return true;
  }

  /** Gives a pending key or item its value (an item's offsets, in a top-level sequence, run from `at` to its end). */
  private settle(pending: PendingValue, value: unknown, at: number): void {
    const owner = pending.owner;
    if (owner.isMap) {
      setOwnValue(owner.map!, pending.key, value);
      return;
    }
    this.sequenceItems.push(value);
    owner.items?.push({ start: at, end: at, text: null });
  }

  /**
   * Makes a pending key or item null, its node ending the owner so far. After a comment yaml ends that node where the
   * next line's content starts (`nextContent`, or the text's end), but a sequence's before blank lines and a top-level
   * key: that one is left to yaml (`false`).
   */
  private settleEmpty(pending: PendingValue, nextContent: number, blankBefore: boolean, columnZero: boolean): boolean {
    if (pending.comment && !pending.owner.isMap && blankBefore && columnZero) return false;
    this.settle(pending, null, pending.at);
    pending.owner.end = pending.comment ? nextContent : pending.at;
    return true;
  }

  /**
   * Ends the innermost open collection: a sequence becomes its list and goes to its owner; its node ends its parent's
   * last child, and a listed item. Answers a sequence's list.
   */
  private close(): unknown[] | undefined {
    const closed = this.stack.pop()!;
    let list: unknown[] | undefined;
    if (!closed.isMap) {
      list = this.sequenceItems.slice(closed.itemsFrom);
      this.sequenceItems.length = closed.itemsFrom;
      if (closed.owner?.owner.isMap) setOwnValue(closed.owner.owner.map!, closed.owner.key, list);
      else if (closed.owner) this.sequenceItems.push(list);
    }
    const parent = this.stack[this.stack.length - 1];
    if (parent) {
      parent.end = closed.end;
      if (parent.items) parent.items[parent.items.length - 1].end = closed.end;
    }
    return list;
  }
}

/** The colon of `key:` followed by a space or the line's end, for a simple key starting at `start`; else -1. */
export function keyColon(text: string, start: number, end: number): number {
  let index = start;
  while (isKeyCharacter(text.charCodeAt(index), index === start)) index++;
  if (index === start || index - start > MAX_KEY_LENGTH || text.charCodeAt(index) !== COLON) return -1;
  return index + 1 === end || text.charCodeAt(index + 1) === SPACE ? index : -1;
}

/**
 * As yaml's toJS sets a key: `__proto__` becomes an own property, not the prototype. (Other names on the prototype,
 * `constructor`, are writable data properties there, so storing one makes an own property anyway.) No lookup first: a
 * `key in map` before each store was a third of the scan of a map of 40,000 keys.
 */
function setOwnValue(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  else map[key] = value;
}
