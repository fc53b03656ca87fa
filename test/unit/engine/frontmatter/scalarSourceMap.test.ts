// The way back from a decoded description to the file: checked against the parser that decodes it, on generated
// values of every scalar style, and on the corpus of real agents.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { splitFrontmatter } from '../../../../src/engine/frontmatter/frontmatter';
import { decodeScalarWithSource, withEscapedLineBreaksDecoded, type SourceMappedText } from '../../../../src/engine/frontmatter/scalarSourceMap';
import { parseFrontmatterYaml, parseFrontmatterYamlFully } from '../../../../src/engine/frontmatter/yamlFrontmatter';
import { sharedFolder } from '../../../support/sharedMaterial';

/** The `description` value's decoding by the parser, and by the source map, of `description: <written>`. */
function decodeBoth(written: string, eol = '\n'): { parsed: unknown; mapped: SourceMappedText | undefined; text: string; start: number; end: number } | undefined {
  const text = `---${eol}name: a${eol}description: ${written}${eol}model: opus${eol}---${eol}`;
  const block = splitFrontmatter(text)!;
  const parsed = parseFrontmatterYamlFully(block.yamlText);
  const entry = parsed.entries.find((candidate) => candidate.key === 'description');
  if (parsed.failed || parsed.strictErrors.length > 0 || !entry || typeof entry.value !== 'string') return undefined;
  const start = block.yamlStart + entry.valueStart;
  const end = block.yamlStart + entry.valueEnd;
  return { parsed: entry.value, mapped: decodeScalarWithSource(text, start, end), text, start, end };
}

/** Where the parser reads `description: <written>` as a string, the source map decodes it alike and maps it back. */
function assertDecodedAsParsed(written: string, eol: string): void {
  const both = decodeBoth(written, eol);
  if (!both) return;
  assert.ok(both.mapped, 'decoded');
  assert.equal(both.mapped.text, both.parsed);
  assertMapsBack(both.mapped, both.text, both.start, both.end);
}

/** Every decoded character comes from inside the value, in order; one written as itself is that character. */
function assertMapsBack(mapped: SourceMappedText, text: string, start: number, end: number): void {
  for (let index = 0; index < mapped.text.length; index++) {
    const from = mapped.starts[index];
    const to = mapped.ends[index];
    assert.ok(start <= from && from < to && to <= end, `character ${index} maps to ${from}..${to}, outside ${start}..${end}`);
    if (index > 0) assert.ok(mapped.starts[index - 1] <= from, `character ${index} maps before the one preceding it`);
    if (to - from === 1 && !/[\r\n]/.test(text[from])) assert.equal(text[from], mapped.text[index], `character ${index}`);
  }
}

const word = fc.constantFrom('user', 'Context', '<example>', '</example>', 'a', 'b2', 'é', '😀', '-x', '.', ',', '`');
const blank = fc.constantFrom(' ', '  ', '\t');

describe('decodeScalarWithSource', () => {
  it('decodes double-quoted values as the parser does, escapes and folding included', () => {
    const piece = fc.oneof(word, blank, fc.constantFrom('\\n', '\\"', '\\\\', '\\t', '\\x41', '\\u00e9', '\\U0001F600', '\\ ', "'", '\n  ', '\n\n  ', ' \n   ', '\\\n  ', ':', '#'));
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), fc.boolean(), (pieces, crlf) => {
      const eol = crlf ? '\r\n' : '\n';
      assertDecodedAsParsed(`"${pieces.join('').replaceAll('\n', eol)}"`, eol);
    }), { numRuns: 3000, seed: 11 });
  });

  it('decodes single-quoted and plain values as the parser does', () => {
    const piece = fc.oneof(word, blank, fc.constantFrom('\\n', '\\', '"', '\n  ', '\n\n  ', ' \n   '));
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), fc.boolean(), fc.boolean(), (pieces, crlf, quoted) => {
      const eol = crlf ? '\r\n' : '\n';
      const inner = pieces.join('').replaceAll('\n', eol);
      assertDecodedAsParsed(quoted ? `'${inner.replaceAll("'", "''")}it''s'` : `x${inner}y`, eol);
    }), { numRuns: 3000, seed: 11 });
  });

  it('decodes `|` and `>` blocks as the parser does, with every chomping and more-indented lines', () => {
    const line = fc.tuple(fc.constantFrom('', ' ', '  ', '\t'), fc.array(fc.oneof(word, blank), { maxLength: 6 }));
    fc.assert(fc.property(fc.constantFrom('|', '>'), fc.constantFrom('', '-', '+', '2', '2-'), fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean(),
      (style, indicator, lines, crlf) => {
        const eol = crlf ? '\r\n' : '\n';
        const body = lines.map(([extra, words]) => (words.length === 0 && extra === '' ? '' : `  ${extra}${words.join('')}`)).join(eol);
        assertDecodedAsParsed(`${style}${indicator}${eol}  first${eol}${body}`, eol);
      }), { numRuns: 3000, seed: 11 });
  });

  it('decodes every string value of the corpus agents as both parsers do', function () {
    const corpus = path.join(sharedFolder(), 'corpus');
    let compared = 0;
    for (const format of ['claude', 'copilot']) {
      for (const name of fs.readdirSync(path.join(corpus, format)).filter((file) => file.endsWith('.md'))) {
        const text = fs.readFileSync(path.join(corpus, format, name), 'utf8');
        const block = splitFrontmatter(text);
        if (!block) continue;
        for (const parse of [parseFrontmatterYaml, parseFrontmatterYamlFully]) {
          for (const entry of parse(block.yamlText).entries) {
            if (typeof entry.value !== 'string') continue;
            const mapped = decodeScalarWithSource(text, block.yamlStart + entry.valueStart, block.yamlStart + entry.valueEnd);
            assert.equal(mapped?.text.trimEnd(), entry.value.trimEnd(), `${format}/${name}: ${entry.key}`);
            compared++;
          }
        }
      }
    }
    assert.ok(compared > 1000, `compared ${compared} values`);
  });

  it('turns Claude Code\'s written-out `\\n` into a line break that maps to both characters', () => {
    const text = 'a\\nb';
    const mapped = withEscapedLineBreaksDecoded(decodeScalarWithSource(text, 0, text.length)!);
    assert.equal(mapped.text, 'a\nb');
    assert.deepEqual([mapped.starts[1], mapped.ends[1]], [1, 3]);
  });
});
