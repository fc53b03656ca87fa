// The fast path is only allowed to be fast: wherever the scanner answers, the engine must say exactly what the `yaml`
// package alone makes of the text (values, entries with offsets, loads, diagnostics). Checked on every real file and on
// 12,000 generated and mutated inputs (3,000 of them with maps and lists nested under keys), a good share of which must
// stay on the fast path.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { splitFrontmatter } from '../../../../src/engine/frontmatter/frontmatter';
import { lintAgentFile } from '../../../../src/engine/lint/lint';
import { scanSimpleFrontmatter } from '../../../../src/engine/frontmatter/simpleFrontmatterScanner';
import { repairedLinesOf, repairLikeClaudeCode } from '../../../../src/engine/frontmatter/claudeCodeRepair';
import { repairedLineList, type ParsedFrontmatter } from '../../../../src/engine/frontmatter/model';
import { MAX_FULL_PARSE_CHARACTERS, parseFrontmatterYaml, parseFrontmatterYamlFully } from '../../../../src/engine/frontmatter/yamlFrontmatter';
import { sharedFolder } from '../../../support/sharedMaterial';
import { HOSTILE_FAMILIES } from '../../../../bench/hostileFamilies';

/**
 * Which way a text went: the scanner alone, the scanner after the repair pass, the scanner's known first error on both
 * the text and its repair (a failure), or yaml.
 */
type Route = 'scanned' | 'repaired' | 'failed' | 'yaml';

function route(yamlText: string): Route {
  const scanned = scanSimpleFrontmatter(yamlText);
  if (scanned && 'entries' in scanned) return 'scanned';
  const repairedLines = repairedLinesOf(yamlText);
  const rescanned = repairedLines.length === 0 ? scanned : scanSimpleFrontmatter(yamlText, repairedLines);
  if (rescanned && 'entries' in rescanned) return parseFrontmatterYaml(yamlText).repaired ? 'repaired' : 'yaml';
  return scanned && rescanned && parseFrontmatterYaml(yamlText).failed ? 'failed' : 'yaml';
}

/**
 * The fast path keeps only the strict parser's first error (the one reported); everything else must be identical.
 * Values built through aliases of maps and lists share objects, and comparing them as trees takes exponential time (a
 * billion laughs): they are compared only where the scanner read them (its aliases are of scalars, never shared).
 */
function comparable(parsed: ParsedFrontmatter, compareValues: boolean): unknown {
  // `valuesAreEntries` says how the values may be read, and `fullParseCharacters` what reading them cost, not what they
  // are: the values themselves are compared.
  const { valuesAreEntries: _, fullParseCharacters: _cost, ...result } = parsed;
  return {
    ...result,
    // Read as readers read them: the scanner's repaired text and lines' new text are made when read.
    repairedText: parsed.repairedText,
    repairedLines: repairedLineList(parsed.repairedLines).map(({ line, start, end, replacement, quotedValueStart }) => ({ line, start, end, replacement, quotedValueStart })),
    strictErrors: parsed.strictErrors.slice(0, 1),
    values: compareValues ? parsed.values : undefined,
    entries: compareValues ? parsed.entries : parsed.entries.map((entry) => ({ ...entry, value: undefined })),
  };
}

function assertSameAsYaml(yamlText: string): void {
  const fast = parseFrontmatterYaml(yamlText);
  const compareValues = fast.aliasCount === 0 || fast.valuesAreEntries === true;
  assert.deepStrictEqual(comparable(fast, compareValues), comparable(parseFrontmatterYamlFully(yamlText), compareValues), JSON.stringify(yamlText));
}

/** Asserts each generated front matter is read as `yaml` reads it, and counts (and prints) the routes taken. */
function routesAgreeingWithYaml(texts: fc.Arbitrary<string>, numRuns: number): Record<Route, number> {
  const routes: Record<Route, number> = { scanned: 0, repaired: 0, failed: 0, yaml: 0 };
  fc.assert(fc.property(texts, (yamlText) => {
    routes[route(yamlText)]++;
    assertSameAsYaml(yamlText);
  }), { numRuns });
  console.log(`      ${JSON.stringify(routes)}`);
  return routes;
}

/**
 * The reference parse at the cost the engine's own parse of the text reports: fix verification budgets the full
 * parsing it does by that cost, so both lints try the same fixes.
 */
function referenceAtTheEnginesCost(yamlText: string): ParsedFrontmatter {
  return { ...parseFrontmatterYamlFully(yamlText), fullParseCharacters: parseFrontmatterYaml(yamlText).fullParseCharacters };
}

function assertSameLint(text: string, filePath: string): void {
  const engine = lintAgentFile(text, { path: filePath });
  // Front matter over the bound that only yaml reads is not parsed by the engine; the reference reads any size. (A
  // mutation that breaks the closing `---` can make a corpus agent's body part of its front matter.)
  if (engine.diagnostics.some((diagnostic) => diagnostic.code === 'agent/yaml-too-large')) {
    const yamlText = splitFrontmatter(text)!.yamlText;
    assert.ok(yamlText.length > MAX_FULL_PARSE_CHARACTERS && route(yamlText) !== 'scanned', JSON.stringify(text));
    return;
  }
  assert.deepStrictEqual(engine, lintAgentFile(text, { path: filePath }, referenceAtTheEnginesCost), JSON.stringify(text));
}

function check(text: string, filePath = '.claude/agents/generated.md'): Route | undefined {
  const block = splitFrontmatter(text);
  if (block) assertSameAsYaml(block.yamlText);
  assertSameLint(text, filePath);
  return block ? route(block.yamlText) : undefined;
}

function markdownFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? markdownFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  });
}

const corpusFolder = path.join(sharedFolder(), 'corpus', 'claude');
const corpusTexts = fs.readdirSync(corpusFolder).filter((name) => name.endsWith('.md')).map((name) => fs.readFileSync(path.join(corpusFolder, name), 'utf8'));

describe('the fast front matter scanner agrees with yaml', function () {
  this.timeout(300_000);

  it('on every corpus agent, keeping at least 97% of them off yaml', () => {
    const routes = corpusTexts.map((text) => check(text));
    const fast = routes.filter((kind) => kind !== 'yaml').length;
    assert.ok(fast / routes.length >= 0.97, `${fast} of ${routes.length} on the fast path`);
  });

  it('on every Copilot corpus agent, seed and test fixture', () => {
    const folders = [path.join(sharedFolder(), 'corpus', 'copilot'), path.join(sharedFolder(), 'seeds'), path.join(__dirname, '..', '..', '..', 'fixtures')];
    const files = folders.flatMap(markdownFiles);
    assert.ok(files.length > 450, `${files.length} files`);
    for (const file of files) check(fs.readFileSync(file, 'utf8'), file.includes('copilot') ? file : `.claude/agents/${path.basename(file)}`);
  });

  it('on 3,000 generated agent-shaped front matters, a third of them scanned', () => {
    const routes: Record<Route, number> = { scanned: 0, repaired: 0, failed: 0, yaml: 0 };
    fc.assert(fc.property(generatedFrontmatter, fc.constantFrom('.claude/agents/a.md', '.github/agents/a.agent.md'), (yamlText, filePath) => {
      const kind = check(`---\n${yamlText}---\n\nBody.\n`, filePath);
      if (kind) routes[kind]++;
    }), { numRuns: 3000 });
    console.log(`      ${JSON.stringify(routes)}`);
    assert.ok(routes.scanned > 900 && routes.repaired > 50 && routes.yaml > 300, JSON.stringify(routes));
  });

  it('on 1,500 front matters with anchors and aliases, many scanned', () => {
    const routes: Record<Route, number> = { scanned: 0, repaired: 0, failed: 0, yaml: 0 };
    let withAliases = 0;
    fc.assert(fc.property(frontmatterWithAnchors, (yamlText) => {
      const kind = check(`---\n${yamlText}---\n\nBody.\n`);
      if (kind) routes[kind]++;
      if (kind === 'scanned' && parseFrontmatterYaml(yamlText).aliasCount > 0) withAliases++;
    }), { numRuns: 1500 });
    console.log(`      ${JSON.stringify(routes)}, ${withAliases} scanned with aliases`);
    assert.ok(routes.scanned > 200 && routes.yaml > 300 && withAliases > 60, JSON.stringify({ ...routes, withAliases }));
  });

  it('on 1,500 front matters with quotes never closed, many known to fail', () => {
    const routes: Record<Route, number> = { scanned: 0, repaired: 0, failed: 0, yaml: 0 };
    fc.assert(fc.property(frontmatterWithUnclosedQuotes, (yamlText) => {
      const kind = check(`---\n${yamlText}---\n\nBody.\n`);
      if (kind) routes[kind]++;
    }), { numRuns: 1500 });
    console.log(`      ${JSON.stringify(routes)}`);
    assert.ok(routes.scanned > 200 && routes.failed > 80 && routes.yaml > 300, JSON.stringify(routes));
  });

  // `yaml` takes about a microsecond a byte, so a megabyte of any of these that reached it would miss the 50 ms budget
  // twenty times over (npm run bench -- hostile). Each must be answered by the scanner, and answered as yaml would.
  const answeredByTheScanner: Record<string, Route> = {
    '`key: a: b` lines Claude Code repairs': 'repaired',
    '`key: a: b` lines it cannot repair (digits in keys)': 'failed',
    'unindented example lines after a description': 'failed',
    'anchors and aliases': 'scanned',
    'one long unknown key': 'failed',
    'one long `name`': 'failed',
    'one long unterminated quote': 'failed',
    'NUL bytes in the front matter': 'scanned',
  };
  for (const [family, expected] of Object.entries(answeredByTheScanner)) {
    it(`on the hostile family "${family}", without yaml`, () => {
      const text = HOSTILE_FAMILIES[family](64 * 1024);
      const yamlText = splitFrontmatter(text)!.yamlText;
      assert.equal(route(yamlText), expected);
      check(text);
    });
  }

  it('reads the lines Claude Code repairs from the original as it reads the repaired text, on 3,000 front matters', () => {
    // Lines the repair pass quotes (some the scanner reads no key in, or too long a key), lines it leaves, and values
    // over several lines beside them: a quoted line's value must be the rest of the line as written, and a value that
    // runs over a repaired line, or a quote left open before one, must not be read from the original.
    const longKey = 'k'.repeat(1100);
    const common = fc.constantFrom('name: a: b', 'description: Use when: x', 'k: x {y}', 'k-x: *a b', 'tools: a # b', 'k: a\\b: "c"', 'k:  a: b',
      'k: a: b ', 'plain: ok', 'q: "a: b"', 'x: &a v', 'y: *a', 'list:', '- a', '  - b', 'block: |', '  text: a: b', 'map:', '  inner: v', '# c: d', '',
      'k: [a, b]', 'cont: first', '  second');
    const rare = fc.constantFrom('-x: a: b', 'true: a: b', `${longKey}: a: b`, `${longKey}: v`, "q: 'open", 'q: "open', '  deeper: a: b', 'k: [a: b]',
      '  second: x', 'bad: a: b: c', 'k: "a: b" c', 'cut');
    const piece = fc.oneof({ arbitrary: common, weight: 6 }, { arbitrary: rare, weight: 1 });
    const text = fc.array(piece, { minLength: 1, maxLength: 10 }).map((lines) => lines.join('\n'));
    const kind = (result: ReturnType<typeof scanSimpleFrontmatter>) => (result === undefined ? 'declined' : 'entries' in result ? 'entries' : 'error');
    let readFromTheOriginal = 0;
    fc.assert(fc.property(text, fc.boolean(), (body, finalNewline) => {
      const yamlText = finalNewline ? `${body}\n` : body;
      const strict = scanSimpleFrontmatter(yamlText);
      if (strict === undefined || 'entries' in strict) return;
      const repairedLines = repairedLinesOf(yamlText);
      if (repairedLines.length === 0) return;
      const fromOriginal = scanSimpleFrontmatter(yamlText, repairedLines);
      assert.equal(kind(fromOriginal), kind(scanSimpleFrontmatter(repairLikeClaudeCode(yamlText).text)), JSON.stringify(yamlText));
      if (fromOriginal && 'entries' in fromOriginal) readFromTheOriginal++;
      assertSameAsYaml(yamlText);
    }), { numRuns: 3000 });
    console.log(`      ${readFromTheOriginal} read from the original`);
    assert.ok(readFromTheOriginal > 250, `${readFromTheOriginal} read from the original`);
  });

  it('declines a repaired line it would read as part of a value', () => {
    // No line the repair pass rewrites can be inside a value the scanner reads; were one, the scan would be wrong.
    const yamlText = 'name: a\nmap:\n  a: b c\nmodel: x: y\n';
    const inMap = { start: yamlText.indexOf('  a:'), quotedValueStart: yamlText.indexOf('b c') };
    const repaired = repairedLinesOf(yamlText);
    assert.equal(repaired.length, 1);
    const offsets = (lines: { start: number; quotedValueStart?: number }[]) =>
      ({ length: lines.length, startOf: (index: number) => lines[index].start, quotedValueStartOf: (index: number) => lines[index].quotedValueStart });
    assert.ok(scanSimpleFrontmatter(yamlText, repaired) && 'entries' in scanSimpleFrontmatter(yamlText, repaired)!);
    assert.equal(scanSimpleFrontmatter(yamlText, offsets([inMap, repaired.at(0)!])), undefined);
    // The same when the value is the last.
    const endsInMap = yamlText.slice(0, yamlText.indexOf('model:'));
    assert.ok(scanSimpleFrontmatter(endsInMap) && 'entries' in scanSimpleFrontmatter(endsInMap)!);
    assert.equal(scanSimpleFrontmatter(endsInMap, offsets([inMap])), undefined);
  });

  it('on 2,000 front matters with control characters (NUL, the rest of C0 and C1) in keys, values and lines, most scanned', () => {
    const control = fc.constantFrom('\0', '\x01', '\x08', '\x0b', '\f', '\x0e', '\x1f', '\x7f', '\x80', '\x85', '\x9f');
    // Mostly words and control characters, with the pieces that make a value quoted, a list, a comment or broken.
    const piece = often(fc.oneof(fc.constantFrom('a', 'b c', ' '), control), fc.constantFrom(':', ': ', ' #', '"', "'", '[', ']', ',', '|', '-', '\\', '\n', '\n  '), 6);
    const text = fc.array(piece, { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(''));
    const value = often(text, fc.tuple(fc.constantFrom('"', "'", '['), text).map(([open, inside]) => `${open}${inside.replace(/["'\[\]\n\\]/g, '')}${open === '[' ? ']' : open}`), 3);
    const line = fc.tuple(fc.constantFrom('name', 'x', 'k'), often(fc.constant(''), control, 8), value).map(([key, keyEnd, text]) => `${key}${keyEnd}: ${text}`);
    const routes = routesAgreeingWithYaml(fc.array(often(line, text, 8), { minLength: 1, maxLength: 5 }).map((lines) => `${lines.join('\n')}\n`), 2000);
    assert.ok(routes.scanned > 300, JSON.stringify(routes));
  });

  it('on 2,000 front matters whose last line is cut short (no `:`), most known to fail as yaml does', () => {
    const entry = fc.constantFrom('name: a', 'description: b c', 'k: "q"', 'tools: [Read]', 'x: |\n  text', 'y:\n  - item', '# comment');
    const last = fc.array(fc.constantFrom('k12', 'word', ' ', 'a b', '#', ' # c', ':', 'x:y', '...', '---', '"', '-', '\0', '.'), { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join(''));
    const after = fc.constantFrom('', '\n', '\n\n', '\n  \n', '\nz: 1', '\n# c', '\n  more');
    const texts = fc.tuple(fc.array(entry, { maxLength: 4 }), last, after).map(([entries, line, rest]) => [...entries, line].join('\n') + rest);
    const routes = routesAgreeingWithYaml(texts, 2000);
    assert.ok(routes.failed > 100, JSON.stringify(routes));
  });

  it('answers a list of keys twice cut in the middle of a line without yaml, as yaml does', () => {
    for (const bytes of [176_644, 129_764, 20_838]) {
      const text = HOSTILE_FAMILIES['a list of keys, then the same list again'](bytes);
      const yamlText = splitFrontmatter(text)!.yamlText;
      assert.notEqual(route(yamlText), 'yaml', `${bytes} bytes: ${JSON.stringify(yamlText.slice(-40))}`);
      check(text);
    }
  });

  it('counts aliases as yaml does, refusing as many as yaml would be asked to resolve', () => {
    const few = parseFrontmatterYaml('a: &x v\nb: *x\nc: *x\n');
    assert.deepEqual({ aliasCount: few.aliasCount, failed: few.failed, values: few.values }, { aliasCount: 2, failed: false, values: { a: 'v', b: 'v', c: 'v' } });
    const many = splitFrontmatter(HOSTILE_FAMILIES['anchors and aliases'](256 * 1024))!.yamlText;
    assert.equal(route(many), 'scanned');
    assert.equal(parseFrontmatterYaml(many).tooManyAliases, true);
    // Beside nested maps and lists the node count is yaml's to make.
    for (const nested of ['a: &x v\nb: *x\nm:\n  k: v\n', 'a: &x v\nb: *x\nl:\n  - k: v\n']) {
      assert.equal(route(nested), 'yaml');
      assertSameAsYaml(nested);
    }
  });

  it('on 3,000 generated front matters with maps and lists nested under keys, a third of them scanned with a nested value', () => {
    const routes: Record<Route, number> = { scanned: 0, repaired: 0, failed: 0, yaml: 0 };
    const scannedBorders: Record<string, number> = Object.fromEntries(Object.keys(nestedBorders).map((name) => [name, 0]));
    let nestedScanned = 0;
    let mapItemsScanned = 0;
    fc.assert(fc.property(generatedNestedFrontmatter, fc.constantFrom('.claude/agents/a.md', '.github/agents/a.agent.md'), (yamlText, filePath) => {
      const kind = check(`---\n${yamlText}---\n\nBody.\n`, filePath);
      if (kind) routes[kind]++;
      const scanned = kind === 'scanned' ? scanSimpleFrontmatter(yamlText) : undefined;
      if (!scanned || !('entries' in scanned)) return;
      if (scanned.entries.some((entry) => entry.valueNode?.kind === 'map')) nestedScanned++;
      if (scanned.entries.some((entry) => entry.valueNode?.items?.some((item) => item.text === null && item.end > item.start))) mapItemsScanned++;
      for (const [name, pattern] of Object.entries(nestedBorders)) if (pattern.test(yamlText)) scannedBorders[name]++;
    }), { numRuns: 3000 });
    console.log(`      ${JSON.stringify({ ...routes, nestedScanned, mapItemsScanned })}\n      ${JSON.stringify(scannedBorders)}`);
    assert.ok(nestedScanned > 600 && mapItemsScanned > 100 && routes.yaml > 300, JSON.stringify({ ...routes, nestedScanned, mapItemsScanned }));
    // Each border case the scanner reads must have been read, and so compared with yaml, more than a few times.
    for (const [name, count] of Object.entries(scannedBorders)) assert.ok(count >= 3, `${name}: scanned ${count} times`);
  });

  it('on the hostile `hooks` and `mcpServers` families, without yaml', () => {
    const families = Object.keys(HOSTILE_FAMILIES).filter((family) => /hooks|mcpServers/.test(family));
    assert.equal(families.length, 3);
    for (const family of families) {
      const yamlText = splitFrontmatter(HOSTILE_FAMILIES[family](16 * 1024))!.yamlText;
      assert.equal(route(yamlText), 'scanned', family);
      assertSameAsYaml(yamlText);
    }
  });

  it('on maps and lists nested 100 levels deep, leaving deeper ones to yaml (which runs out of stack at some depth)', () => {
    // A top-level key, then `levels` collections: maps each one column deeper, or `- k:` lines (a list and a map each).
    const maps = (levels: number) => `name: a\n${Array.from({ length: levels + 1 }, (_, level) => `${' '.repeat(level)}k:\n`).join('')}`;
    const lists = (levels: number) => `name: a\nk:\n${Array.from({ length: levels / 2 }, (_, level) => `${' '.repeat(level * 2 + 1)}- k:\n`).join('')}`;
    for (const [nested, deeper] of [[maps, 101], [lists, 102]] as const) {
      assert.equal(route(nested(100)), 'scanned');
      assertSameAsYaml(nested(100));
      assert.equal(route(nested(deeper)), 'yaml');
    }
  });

  it('on 3,000 corpus agents mutated at random, many still scanned', () => {
    const routes: Record<Route, number> = { scanned: 0, repaired: 0, failed: 0, yaml: 0 };
    fc.assert(fc.property(fc.integer({ min: 0, max: corpusTexts.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (file, mutations) => {
      let text = corpusTexts[file];
      const block = splitFrontmatter(text)!;
      // Mutate the front matter only: that is where the two paths can differ.
      for (const change of mutations) {
        const at = block.yamlStart + (change.position % (block.closeStart - block.yamlStart + 1));
        text = text.slice(0, at) + change.insert + text.slice(at + change.deleteCount);
      }
      const kind = check(text);
      if (kind) routes[kind]++;
    }), { numRuns: 3000 });
    console.log(`      ${JSON.stringify(routes)}`);
    assert.ok(routes.scanned > 1000 && routes.yaml > 300, JSON.stringify(routes));
  });
});

// Mostly ordinary pieces, with a few that sit on the scanner's borders (indicators, escapes, number and null forms,
// indentation, comments), so that most inputs stay on the fast path and the rest probe where it ends.
const often = <T>(usual: fc.Arbitrary<T>, rare: fc.Arbitrary<T>, usualWeight = 12) => fc.oneof({ weight: usualWeight, arbitrary: usual }, { weight: 1, arbitrary: rare });
const word = often(
  fc.constantFrom('agent', 'Use', 'when', 'x', 'Read', 'Bash(git', 'mcp__s__t', 'a:b', 'a#b', 'http://x.y', 'it\'s', '[x]', '{x}', 'é', '😀', '42', 'true', 'null', '-', 'a,b'),
  fc.constantFrom('a: b', 'Examples:', 'a:', 'a #b', '- x', '?', ':', '#', '*x', '&x', '!x', '%x', '@x', '`x`', '|', '>', '"', "'", '\\', '\\n', '\\"', '\\x41', '\\u00e9',
    '\\U0001F600', '\\q', 'False', 'NULL', '~', '0', '007', '-1', '+1', '1.5', '.5', '1e3', '0x1F', '0o17', '.inf', '.NaN', '123456789012345678', '\t', '  ',
    ',', '...', '<<', 'yes', '[', ']', '{', '}', '\0', 'a\0b', '\x01', '\x0b', '\f', '\x1f', '\x7f', '\x85', '\x9f', '\u2028', '\ufeff'),
  24,
);
const phrase = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
const key = often(fc.constantFrom('name', 'description', 'tools', 'model', 'color', 'maxTurns', 'x-y', '_k', 'a1', 'hooks', 'constructor', 'toString'),
  fc.constantFrom('null', 'True', '__proto__', 'k ', '<<', '"q"', 'a b', '1', '-k', 'k'.repeat(1001), 'k'.repeat(1024), 'k'.repeat(1025), `k${'-'.repeat(1100)}`, '\0k', 'k\0', '\fk'), 20);
const trailing = often(fc.constant(''), fc.constantFrom(' ', '  # note', ' #', '#x', ' \t', ' # a: b'), 10);
const indent = often(fc.constantFrom('  ', '    '), fc.constantFrom('', ' ', '   ', '\t'), 12);
const gap = often(fc.constant('\n'), fc.constantFrom('\n\n', '\n  \n', '\n     \n'), 6);

const plainValue = fc.tuple(phrase, trailing).map(([text, end]) => ` ${text}${end}`);
const doubleQuoted = fc.tuple(phrase, trailing).map(([text, end]) => ` "${text.replaceAll('"', '\\"')}"${end}`);
const rawDoubleQuoted = fc.tuple(phrase, trailing).map(([text, end]) => ` "${text}"${end}`);
const singleQuoted = fc.tuple(phrase, trailing).map(([text, end]) => ` '${text.replaceAll("'", "''")}'${end}`);
const multiLinePlain = fc.tuple(phrase, fc.array(fc.tuple(gap, indent, phrase), { minLength: 1, maxLength: 3 }))
  .map(([first, rest]) => ` ${first}${rest.map(([lineBreak, lead, text]) => `${lineBreak}${lead}${text}`).join('')}`);
const onNextLine = fc.tuple(indent, phrase).map(([lead, text]) => `\n${lead}${text}`);
const blockHeader = often(fc.constantFrom('|', '>', '|-', '>-'), fc.constantFrom('|+', '>+', '|2', '| # c', '|#', '|  '), 12);
const blockLine = fc.tuple(often(fc.constant(''), fc.constantFrom(' ', '  ', 'blank', 'spaces'), 8), phrase);
const blockScalar = fc.tuple(blockHeader, indent, fc.array(blockLine, { minLength: 0, maxLength: 4 }), often(fc.constant(''), fc.constantFrom('\n', '\n\n', '\n   '), 8))
  .map(([header, lead, lines, after]) => ` ${header}${lines.map(([extra, text]) => (extra === 'blank' ? '\n' : extra === 'spaces' ? `\n${lead} ` : `\n${lead}${extra}${text}`)).join('')}${after}`);
const listItem = often(phrase, fc.oneof(doubleQuoted.map((quoted) => quoted.trim()), fc.constant(''), fc.constant('a: b')), 10);
const blockList = fc.tuple(often(fc.constantFrom('', '  '), fc.constantFrom(' ', '    ', '\t'), 12), fc.array(fc.tuple(often(fc.constant(''), fc.constantFrom('\n', '\n  '), 10), listItem), { minLength: 1, maxLength: 4 }))
  .map(([lead, items]) => items.map(([before, item]) => `${before}\n${lead}- ${item}`).join(''));
const flowItem = often(fc.constantFrom('Read', 'Bash(git diff:*)', 'search', '1', 'true', 'a b'), fc.oneof(word, doubleQuoted.map((quoted) => quoted.trim()), singleQuoted.map((quoted) => quoted.trim())), 8);
const flowList = fc.tuple(fc.array(flowItem, { maxLength: 4 }), fc.constantFrom('', ' '), trailing, often(fc.constant(false), fc.constant(true), 12))
  .map(([items, space, end, trailingComma]) => ` [${space}${items.join(`,${space}`)}${trailingComma && items.length > 0 ? ',' : ''}]${end}`);
const emptyValue = fc.constantFrom('', ' ', ' # nothing');
// Anchors and aliases: the names are few, so that aliases often find an anchor set before them (and sometimes do not).
const anchorName = often(fc.constantFrom('a', 'b'), fc.constantFrom('x-1', 'a_b', 'é', 'a:b', 'c'), 6);
const anchored = fc.tuple(anchorName, fc.oneof(plainValue, doubleQuoted, singleQuoted, multiLinePlain, emptyValue, flowList)).map(([name, rest]) => ` &${name}${rest}`);
const alias = fc.tuple(anchorName, trailing).map(([name, end]) => ` *${name}${end}`);
// A quote never closed: a one-line value, or one running over the next lines.
const unclosedQuote = fc.tuple(fc.constantFrom('"', "'"), phrase, often(fc.constant(''), fc.constantFrom('\n  more', '\nnext: line', '\n- item'), 3))
  .map(([quote, text, after]) => ` ${quote}${text.replaceAll(quote, '')}${after.replaceAll('\\n', '\n')}`);

const value = fc.oneof(
  { weight: 8, arbitrary: plainValue }, { weight: 3, arbitrary: doubleQuoted }, { weight: 1, arbitrary: rawDoubleQuoted }, { weight: 2, arbitrary: singleQuoted },
  { weight: 2, arbitrary: multiLinePlain }, { weight: 1, arbitrary: onNextLine }, { weight: 3, arbitrary: blockScalar }, { weight: 2, arbitrary: blockList },
  { weight: 3, arbitrary: flowList }, { weight: 1, arbitrary: emptyValue },
);
const betweenEntries = often(fc.constant(''), fc.constantFrom('\n', '# comment\n', '  # indented comment\n', '   \n', '  stray\n', '- item\n'), 12);
const entryWith = (values: fc.Arbitrary<string>) => fc.tuple(key, often(fc.constant(':'), fc.constantFrom(' :', ':x'), 30), values).map(([name, colon, rest]) => `${name}${colon}${rest}`);
const entry = entryWith(value);
function frontmatterOf(values: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.array(fc.tuple(betweenEntries, entryWith(values)), { minLength: 1, maxLength: 6 }).map((entries) => entries.map(([before, line]) => `${before}${line}\n`).join(''));
}
const generatedFrontmatter = frontmatterOf(value);
// Mostly simple values, and usually an anchor first, so that many front matters are scanned with their aliases.
const frontmatterWithAnchors = fc.tuple(
  often(fc.constantFrom('first: &a one\n', 'first: &b "two"\n'), fc.constant(''), 3),
  frontmatterOf(fc.oneof({ weight: 2, arbitrary: value }, { weight: 2, arbitrary: plainValue }, { weight: 3, arbitrary: anchored }, { weight: 4, arbitrary: alias })),
).map(([first, rest]) => `${first}${rest}`);
const frontmatterWithUnclosedQuotes = frontmatterOf(fc.oneof({ weight: 3, arbitrary: value }, { weight: 1, arbitrary: unclosedQuote }));

const mutation = fc.record({
  // Unbiased: fast-check favours small numbers, which would mutate the first key every time.
  position: fc.noBias(fc.integer({ min: 0, max: 2 ** 30 })),
  deleteCount: fc.integer({ min: 0, max: 6 }),
  insert: often(fc.oneof(word, fc.constantFrom('', ' ', '\n', '\n  ', '\n\n', 'x: y\n', '\n- ')),
    fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom(': ', ' #', '"', "'", '|\n  ', '\r\n', '\t')), 3),
});

/** Border cases of nested front matter the scanner reads, each as a pattern of the text. */
const nestedBorders: Record<string, RegExp> = {
  'a list at its key\'s column': /^( *)[\w-]+:\n\1- /m, '`-` alone': /^ *-$/m, '`- ` with nothing': /^ *- $/m, 'a nested key with no value': /^ +[\w-]+:$/m,
  'a nested key with only a comment': /^ +[\w-]+: *#/m, 'a prototype key nested': /^ +(__proto__|constructor|toString):/m, 'a block scalar nested': /^ +[\w-]+: [|>]/m,
  'trailing spaces': /[^ ] +$/m, 'a comment after a nested value': /^ +.* #/m, 'a blank line inside': /\n\n +/, '`-` and more spaces': /^ *- {2,}\w/m,
  'a comment after the key': /^[\w-]+: # c\n/m, 'one-space indentation': /^[\w-]+:\n [\w-]/m, 'ten levels of indentation': /^ {10,}\w/m,
  'the same nested key twice': /^( +)([\w-]+):.*\n(?:\1 .*\n|\1[\w-]+:.*\n)*\1\2:/m,
};

// Maps and lists nested under a key: hooks-shaped, mcpServers-shaped and arbitrary trees, rendered with mostly regular
// indentation and, now and then, a border case (a line one column off, a comment or blank line between lines, trailing
// spaces, `-` with nothing, a key with no value, the same key twice, a list at its parent key's column).
type Tree =
  | { kind: 'scalar'; text: string }
  | { kind: 'block'; header: string; step: number; lines: string[] }
  | { kind: 'map'; step: number; entries: { key: string; value: Tree; line: LineNoise }[] }
  | { kind: 'seq'; step: number; items: { value: Tree; line: LineNoise; gap: number }[] };
interface LineNoise { before: string; shift: number; trailing: string }

const lineNoise: fc.Arbitrary<LineNoise> = fc.record({
  before: often(fc.constant(''), fc.constantFrom('\n', '   \n', '# c\n', '  # c\n', '      # c\n', '\n\n'), 60),
  shift: often(fc.constant(0), fc.constantFrom(-1, 1, 2, -2), 120),
  trailing: often(fc.constant(''), fc.constantFrom(' ', '  ', ' # c', '#c'), 20),
});
const step = often(fc.constantFrom(2, 2, 4), fc.constantFrom(1, 3, 6), 8);
const nestedKey = often(
  fc.constantFrom('matcher', 'hooks', 'type', 'command', 'PreToolUse', 'Stop', 'Event1', 'server', 'args', 'env', 'url', 'timeout', 'a', 'x-y', '_k', 'constructor'),
  fc.constantFrom('__proto__', 'toString', 'null', 'True', '<<', '"q"', "'q'", 'a b', '1', '-k', 'k ', '?', '&a', 'a:b'),
  20,
);
const quietPhrase = fc.array(fc.constantFrom('echo', 'hi', 'x', 'Read', 'run', 'npx -y', 'a:b', 'it\'s', '42', 'true', 'é'), { minLength: 1, maxLength: 3 })
  .map((words) => words.join(' '));
const nestedScalarText = fc.oneof(
  { weight: 24, arbitrary: quietPhrase }, { weight: 1, arbitrary: phrase }, { weight: 2, arbitrary: doubleQuoted.map((quoted) => quoted.trim()) },
  { weight: 1, arbitrary: singleQuoted.map((quoted) => quoted.trim()) }, { weight: 2, arbitrary: flowList.map((list) => list.trim()) },
  { weight: 4, arbitrary: fc.constantFrom('', '', ' ', ' ', '# c', 'command', 'echo hi', '30', 'true', 'null', '~', '*a', '&a x', '!!str x', '{a: b}', '- x', 'a: b') },
);
const nestedScalar: fc.Arbitrary<Tree> = nestedScalarText.map((text) => ({ kind: 'scalar', text }));
const nestedBlock: fc.Arbitrary<Tree> = fc.record({ kind: fc.constant('block' as const), header: blockHeader, step, lines: fc.array(often(phrase, fc.constantFrom('', '  x')), { minLength: 1, maxLength: 3 }) });

const { tree } = fc.letrec<{ tree: Tree; map: Tree; seq: Tree }>((tie) => ({
  tree: fc.oneof({ maxDepth: 4 }, { weight: 5, arbitrary: nestedScalar }, { weight: 1, arbitrary: nestedBlock }, { weight: 3, arbitrary: tie('map') }, { weight: 2, arbitrary: tie('seq') }),
  map: fc.record({ kind: fc.constant('map' as const), step, entries: fc.array(fc.record({ key: nestedKey, value: tie('tree'), line: lineNoise }), { minLength: 1, maxLength: 4 }) }),
  seq: fc.record({
    kind: fc.constant('seq' as const),
    step: often(step, fc.constant(0), 4),
    items: fc.array(fc.record({ value: tie('tree'), line: lineNoise, gap: often(fc.constant(1), fc.constantFrom(0, 2, 2, 3), 6) }), { minLength: 1, maxLength: 4 }),
  }),
}));

const quietLine = fc.constant<LineNoise>({ before: '', shift: 0, trailing: '' });
const mostlyQuiet = often(quietLine, lineNoise, 6);
const scalarOf = (text: fc.Arbitrary<string>) => text.map((value): Tree => ({ kind: 'scalar', text: value }));
const mapOf = (entries: fc.Arbitrary<{ key: string; value: Tree; line: LineNoise }[]>) => fc.tuple(step, entries).map(([indent, list]): Tree => ({ kind: 'map', step: indent, entries: list }));
const seqOf = (item: fc.Arbitrary<Tree>) => fc.tuple(often(step, fc.constant(0), 4), fc.array(fc.record({ value: item, line: mostlyQuiet, gap: often(fc.constant(1), fc.constantFrom(2, 3), 10) }), { minLength: 0, maxLength: 2 }))
  .map(([indent, items]): Tree => (items.length > 0 ? { kind: 'seq', step: indent, items } : { kind: 'scalar', text: '' }));
const entryOf = (keyName: fc.Arbitrary<string>, value: fc.Arbitrary<Tree>) => fc.record({ key: keyName, value, line: mostlyQuiet });

const hookCommand = mapOf(fc.tuple(entryOf(fc.constant('type'), scalarOf(often(fc.constant('command'), fc.constantFrom('prompt', 'http', 'bogus', '"command"')))),
  entryOf(fc.constant('command'), nestedScalar), fc.option(entryOf(fc.constant('timeout'), scalarOf(fc.constantFrom('30', '5')))))
  .map(([type, command, timeout]) => (timeout ? [type, command, timeout] : [type, command])));
const hookMatcher = mapOf(fc.tuple(fc.option(entryOf(fc.constant('matcher'), scalarOf(fc.constantFrom('Bash', 'Write|Edit', '"*"', 'mcp__s__t')))), entryOf(fc.constant('hooks'), seqOf(hookCommand)))
  .map(([matcher, hooks]) => (matcher ? [matcher, hooks] : [hooks])));
const hooksTree = mapOf(fc.array(entryOf(often(fc.constantFrom('PreToolUse', 'PostToolUse', 'Stop', 'SubagentStop'), fc.constantFrom('Event1', 'preToolUse', 'matcher')), seqOf(hookMatcher)), { minLength: 1, maxLength: 2 }));
const mcpServer = mapOf(fc.tuple(entryOf(fc.constant('command'), scalarOf(fc.constantFrom('npx', 'docker', 'run'))), entryOf(fc.constant('args'), fc.oneof(scalarOf(flowList.map((list) => list.trim())), seqOf(nestedScalar))),
  fc.option(entryOf(fc.constant('env'), mapOf(fc.array(entryOf(fc.constantFrom('API_KEY', 'TOKEN', 'X'), nestedScalar), { minLength: 1, maxLength: 2 })))))
  .map(([command, args, env]) => (env ? [command, args, env] : [command, args])));
const mcpServersTree = fc.oneof(
  mapOf(fc.array(entryOf(fc.constantFrom('github', 'server', 'fs'), mcpServer), { minLength: 1, maxLength: 3 })),
  seqOf(fc.oneof(nestedScalar, mapOf(fc.array(entryOf(fc.constantFrom('github', 'server'), mcpServer), { minLength: 1, maxLength: 2 })))),
);

const pad = (count: number) => ' '.repeat(Math.max(0, count));

/** The text after `key:` or `-` for a tree whose lines sit deeper than `column`. */
function renderValue(value: Tree, column: number, line: LineNoise): string {
  switch (value.kind) {
    case 'scalar':
      return `${value.text.trim() === '' ? value.text : ` ${value.text}`}${line.trailing}`;
    case 'block':
      return ` ${value.header}${line.trailing}${value.lines.map((text) => (text === '' ? '\n' : `\n${pad(column + value.step)}${text}`)).join('')}`;
    case 'map':
      return `${line.trailing}\n${renderMap(value, column + value.step)}`;
    case 'seq':
      return `${line.trailing}\n${renderSeq(value, column + value.step)}`;
  }
}

function renderMap(map: Extract<Tree, { kind: 'map' }>, column: number): string {
  return map.entries.map(({ key: name, value, line }) => `${line.before}${pad(column + line.shift)}${name}:${renderValue(value, column + line.shift, line)}`).join('\n');
}

function renderSeq(seq: Extract<Tree, { kind: 'seq' }>, column: number): string {
  return seq.items.map(({ value, line, gap }) => {
    const dash = `${line.before}${pad(column + line.shift)}-`;
    // A map item starts on the dash's line (`- key: value`), its other keys below at the first key's column.
    if (value.kind === 'map' && gap > 0) return `${dash}${pad(gap)}${renderMap(value, column + line.shift + 1 + gap).trimStart()}`;
    // A scalar after `gap` spaces; an empty one as it is (`-` alone, or `- ` with nothing).
    if (value.kind === 'scalar') return `${dash}${value.text.trim() === '' ? value.text : `${pad(gap)}${value.text}`}${line.trailing}`;
    return `${dash}${renderValue(value, column + line.shift, line)}`;
  }).join('\n');
}

const nestedEntry = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constant('hooks'), hooksTree) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('mcpServers', 'mcp-servers'), mcpServersTree) },
  { weight: 4, arbitrary: fc.tuple(key, fc.oneof(tree, mapOf(fc.array(entryOf(nestedKey, tree), { minLength: 1, maxLength: 3 })))) },
).chain(([name, value]) => fc.tuple(often(fc.constant(''), fc.constantFrom(' # c', ' ', ' x'), 12), often(fc.constant(0), fc.constantFrom(1, 2), 20))
  .map(([afterColon, indent]) => `${name}:${afterColon}${renderValue(value, 0, { before: '', shift: 0, trailing: '' }).replace(/^\n/, `\n${pad(indent)}`)}`));
const generatedNestedFrontmatter = fc.array(fc.tuple(betweenEntries, fc.oneof({ weight: 2, arbitrary: entry }, { weight: 3, arbitrary: nestedEntry })), { minLength: 1, maxLength: 4 })
  .map((entries) => entries.map(([before, line]) => `${before}${line}\n`).join(''));
