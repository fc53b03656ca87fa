// Hostile input: code in front matter is never run, alias bombs end quickly, huge and binary files are not parsed,
// prototype keys pollute nothing, and a long editing session does not grow the heap.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintAgentFile } from '../../../../src/engine/lint/lint';
import { parseFrontmatterYaml } from '../../../../src/engine/frontmatter/yamlFrontmatter';
import type { LintResult } from '../../../../src/engine/lint/lintResult';
import { applyTextEdits } from '../../../../src/engine/text/textEdits';
import { claudeCodeProfiles, type ClaudeCodeProfile } from '../../../../src/engine/formats/claudeCode/profiles';

for (const profile of claudeCodeProfiles) describe(`hostile input (Claude Code ${profile.version})`, () => {
  const lint = (text: string) => lintAgentFile(text, { path: '.claude/agents/hostile.md', profile });

  it('never executes a ---js block', () => {
    const marker = path.join(os.tmpdir(), `agent-studio-pwned-${process.pid}`);
    for (const language of ['js', 'javascript']) {
      const text = `---${language}\nrequire('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned'); module.exports = { name: 'x', description: 'y' }\n---\nBody\n`;
      const result = lint(text);
      assert.equal(result.loads, false);
      assert.equal(result.diagnostics[0].code, 'agent/frontmatter-language');
      assert.match(result.diagnostics[0].message, /never executed/);
    }
    assert.equal(fs.existsSync(marker), false);
  });

  // Every key, because each rule reads its value differently (String(), parseInt, list walks).
  const bombKeys = ['tools', 'disallowedTools', 'model', 'color', 'permissionMode', 'maxTurns', 'skills', 'mcpServers', 'hooks', 'memory', 'background', 'effort', 'isolation', 'initialPrompt'];
  for (const key of bombKeys) {
    // Bombed `hooks` are a list, not a map of events: versions that guard hooks skip the file for it.
    const loads = key !== 'hooks' || profile.loader.hooks !== 'guarded';
    it(`ends an alias bomb under \`${key}\` quickly, and reports it as ${loads ? 'loading' : 'skipped'}, like Claude Code`, () => {
      const result = lintBomb('.claude/agents/bomb.md', key, profile);
      assert.equal(result.loads, loads);
      assert.ok(result.diagnostics.some((diagnostic) => diagnostic.code === 'agent/alias-expansion'));
    });
  }

  it('ends an alias bomb under a Copilot agent\'s `target` quickly', () => {
    assert.equal(lintBomb('.github/agents/bomb.agent.md', 'target').loads, true);
  });

  // Issue 14: 1 MiB of `[` took 8 s and 1.1 GB of heap in `yaml`; 5,000 unclosed `[` exhaust the process.
  for (const [shape, nest] of [['unclosed [', (depth: number) => '['.repeat(depth)], ['unclosed {', (depth: number) => '{'.repeat(depth)], ['closed [ ]', (depth: number) => '['.repeat(depth) + ']'.repeat(depth)]] as const) {
    it(`refuses flow collections nested deeper than 100 levels (${shape}, up to 1 MiB) with a diagnostic, in bounded heap`, () => {
      for (const depth of [101, 5_000, 1_048_000]) {
        const before = process.memoryUsage().heapUsed;
        const result = lint(`---\nname: deep\ndescription: d\nx: ${nest(depth).slice(0, 1_048_000)}\n---\n`);
        assert.ok(process.memoryUsage().heapUsed - before < 100 * 1024 * 1024, 'heap stays bounded');
        assert.deepEqual(result.diagnostics.map((diagnostic) => diagnostic.code), ['agent/yaml-too-deep'], `depth ${depth}`);
        assert.equal(result.loads, false);
      }
    });
  }

  // `yaml` reads block collections by recursion: a few thousand levels exhaust the stack, an error whose place depended
  // on how deep the caller already was (the CLI and the extension said different things about the same file).
  it('refuses block collections nested deeper than 100 levels, by indentation or by `- - -`, with one answer', () => {
    const maps = (levels: number) => `name: deep\ndescription: d\n${Array.from({ length: levels + 1 }, (_, level) => `${' '.repeat(level)}k:\n`).join('')}`;
    const compact = (levels: number) => `name: deep\ndescription: d\nk:\n${'- '.repeat(levels)}x\n`;
    for (const yamlText of [maps(101), maps(1000), compact(101), compact(3000), compact(100_000)]) {
      const result = lint(`---\n${yamlText}---\n`);
      assert.deepEqual(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]), [['agent/yaml-too-deep', { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }]], yamlText.slice(0, 80));
      assert.equal(result.loads, false);
    }
    for (const yamlText of [maps(100), compact(99)]) assert.equal(lint(`---\n${yamlText}---\n`).loads, true, yamlText.slice(0, 80));
  });

  // `yaml` nests every `- ` and `? ` of a line, also after a key or an anchor where each is an error: 8,000 `? ` after a
  // key made V8 abort the process one run in six (a regular expression compiled near the stack's end).
  it('refuses collections opened on one line past 100 levels, after a key, an anchor or a tag too', () => {
    const shapes: Record<string, (levels: number) => string> = {
      'k: - - -': (levels) => `k: ${'- '.repeat(levels)}x`,
      'k: ? ? ?': (levels) => `k: ${'? '.repeat(levels)}x`,
      '- &a - &a': (levels) => `k:\n${'- &a '.repeat(levels)}x`,
      '- !t - !t': (levels) => `k:\n${'- !t '.repeat(levels)}x`,
      'k: - a: - a:': (levels) => `k: ${'- a: '.repeat(levels)}x`,
      '-\\t-\\t': (levels) => `k:\n${'-\t'.repeat(levels)}x`,
    };
    for (const [shape, line] of Object.entries(shapes)) {
      for (const levels of [101, 8_000]) {
        const result = lint(`---\nname: deep\ndescription: d\n${line(levels)}\n---\n`);
        assert.deepEqual(result.diagnostics.map((diagnostic) => diagnostic.code), ['agent/yaml-too-deep'], `${shape} ${levels}`);
      }
      const shallow = lint(`---\nname: deep\ndescription: d\n${line(90)}\n---\n`);
      assert.ok(!shallow.diagnostics.some((diagnostic) => diagnostic.code === 'agent/yaml-too-deep'), `${shape} 90`);
    }
  });

  it('gives the full YAML parser no front matter over 8 KiB: a warning, nothing checked, in milliseconds', () => {
    // Quoted keys are YAML the fast scanner leaves to `yaml`, which took 1.4 s for a megabyte of them.
    const quotedKeys = (bytes: number) => {
      const lines = ['name: big', 'description: d'];
      for (let index = 0, length = 0; length < bytes; index++) length += lines[lines.push(`"note${index}": x`) - 1].length + 1;
      return `${lines.join('\n')}\n`;
    };
    for (const bytes of [8 * 1024 + 1, 1_000_000]) {
      let fullParse = 0;
      const text = `---\n${quotedKeys(bytes)}---\n`;
      const started = performance.now();
      const result = lintAgentFile(text, { path: '.claude/agents/big.md', profile }, (yamlText) => {
        const parsed = parseFrontmatterYaml(yamlText);
        fullParse += parsed.fullParseCharacters ?? 0;
        return parsed;
      });
      assert.deepEqual(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]), [['agent/yaml-too-large', { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }]]);
      assert.match(result.diagnostics[0].message, /uses YAML the fast reader does not cover/);
      assert.equal(result.loads, false);
      assert.equal(fullParse, 0, 'the full parser read nothing');
      assert.ok(performance.now() - started < 1000, 'not parsed');
    }
    const underTheBound = lint(`---\n${quotedKeys(8 * 1024 - 100)}---\n`);
    assert.equal(underTheBound.loads, true);
    assert.ok(underTheBound.diagnostics.some((diagnostic) => diagnostic.code === 'agent/unknown-key'));
    // What the scanner reads is read at any size.
    const plainKeys = Array.from({ length: 40_000 }, (_, index) => `note${index}: x`).join('\n');
    assert.equal(lint(`---\nname: big\ndescription: d\n${plainKeys}\n---\n`).loads, true);
  });

  it('budgets the fixes it tries by what the full parser reads for them', () => {
    // A tab in the description sends the front matter to `yaml`; nine problems with fixes each, tried under every
    // profile, made 64 parses of it.
    const description = `Reviews code.\t${'Use this agent when reviewing code. '.repeat(200)}`;
    const text = ['---', 'name: reviewer', `description: ${description}`, 'modle: sonnet', 'tool: Read', 'colr: red', 'efort: high', 'memry: user', 'tools: Reed, Grepp, Globb', '---', 'Body', ''].join('\n');
    let fullParse = 0;
    const result = lintAgentFile(text, { path: '.claude/agents/reviewer.md', profile }, (yamlText) => {
      const parsed = parseFrontmatterYaml(yamlText);
      fullParse += parsed.fullParseCharacters ?? 0;
      return parsed;
    });
    const frontmatter = text.indexOf('\n---\n') - 4;
    assert.ok(fullParse > frontmatter, 'the front matter was read by the full parser');
    // The original once for every profile, then tries, each parsed once, while all of it stays within 16 KiB.
    assert.ok(fullParse <= 16 * 1024, `${fullParse} characters parsed for a front matter of ${frontmatter}`);
    assert.ok(result.diagnostics.some((diagnostic) => diagnostic.fixes), 'some fixes are still offered');
    // A real agent's front matter (under 2 KB) with CRLF line breaks, which only `yaml` reads, has the fixes it has
    // with LF, every one tried.
    const lines = ['---', 'name: reviewer', `description: ${'Use this agent when reviewing code. '.repeat(40)}`, 'modle: sonnet', 'tool: Read', 'colr: red', 'efort: high', 'memry: user', 'tools: Reed, Grepp, Globb', '---', 'Body', ''];
    const fixed = (lineBreak: string) => lint(lines.join(lineBreak)).diagnostics.filter((diagnostic) => diagnostic.fixes?.length).map((diagnostic) => diagnostic.message);
    assert.equal(fixed('\n').length, 7);
    assert.deepEqual(fixed('\r\n'), fixed('\n'));
  });

  it('counts no levels in a `|` block whose lines are indented ever deeper, also where yaml reads the front matter', () => {
    // 110 lines: past 100 levels were they counted, and under the 8 KiB the full parser reads.
    const triangle = Array.from({ length: 110 }, (_, line) => `${' '.repeat(line + 2)}*`).join('\n');
    // The tab sends the front matter to yaml, where the bound is checked.
    const result = lint(`---\nname: art\ndescription: |\n${triangle}\ntools: Read,\tGrep\n---\n`);
    assert.equal(result.loads, true);
    assert.ok(!result.diagnostics.some((diagnostic) => diagnostic.code === 'agent/yaml-too-deep'));
  });

  it('still reads flow collections nested 100 levels deep', () => {
    const result = lint(`---\nname: deep\ndescription: d\nx: ${'['.repeat(100)}${']'.repeat(100)}\n---\n`);
    assert.equal(result.loads, true);
    assert.deepEqual(result.diagnostics.map((diagnostic) => diagnostic.code), ['agent/unknown-key']);
  });

  it('lists 100 diagnostics of a code and counts the rest in one, with that code\'s severity, where the first left out is', () => {
    const keys = Array.from({ length: 250 }, (_, index) => `note${index}: x`);
    const text = `---\nname: many\ndescription: d\n${keys.join('\n')}\nmodel: sonnet\nmodel: opus\n---\n`;
    const result = lint(text);
    assert.equal(result.loads, true);
    assert.equal(result.diagnostics.filter((diagnostic) => diagnostic.code === 'agent/unknown-key').length, 100);
    const summaries = result.diagnostics.filter((diagnostic) => diagnostic.code === 'agent/diagnostics-left-out');
    assert.equal(summaries.length, 1);
    assert.equal(summaries[0].severity, 'hint');
    assert.match(summaries[0].message, /^150 more `agent\/unknown-key`/);
    assert.deepEqual(summaries[0].range, { start: { line: 103, character: 0 }, end: { line: 103, character: 7 } }, 'on `note100`');
    assert.equal(summaries[0].fixes, undefined);
    // Other codes are listed as before.
    assert.equal(result.diagnostics.filter((diagnostic) => diagnostic.code === 'agent/duplicate-key').length, 1);
  });

  it('points the count of unknown tools left out at the first of them, in a tools line and in a list', () => {
    const names = Array.from({ length: 150 }, (_, index) => `Tool${index}`);
    const line = `tools: ${names.join(', ')}`;
    const inLine = lint(`---\nname: many\ndescription: d\n${line}\n---\n`).diagnostics.find((diagnostic) => diagnostic.code === 'agent/diagnostics-left-out');
    const column = line.indexOf('Tool100');
    assert.deepEqual(inLine?.range, { start: { line: 3, character: column }, end: { line: 3, character: column + 'Tool100'.length } });
    const list = names.map((name) => `  - ${name}`).join('\n');
    const inList = lint(`---\nname: many\ndescription: d\ntools:\n${list}\n---\n`).diagnostics.find((diagnostic) => diagnostic.code === 'agent/diagnostics-left-out');
    assert.deepEqual(inList?.range, { start: { line: 104, character: 4 }, end: { line: 104, character: 4 + 'Tool100'.length } });
  });

  it('refuses to resolve more aliases than the front matter\'s size allows, with a diagnostic', () => {
    const aliases = Array.from({ length: 2_000 }, (_, index) => `k${index}: *a`);
    const result = lint(`---\nname: aliased\ndescription: d\na: &a x\n${aliases.join('\n')}\n---\n`);
    assert.deepEqual(result.diagnostics.map((diagnostic) => diagnostic.code), ['agent/yaml-too-many-aliases']);
    assert.equal(result.loads, false);
  });

  it('does not parse a file over 1 MiB', () => {
    const text = `---\nname: big\ndescription: ${'x'.repeat(1_048_600)}\n---\n`;
    let parsed = false;
    const result = lintAgentFile(text, { path: '.claude/agents/big.md' }, (yamlText) => {
      parsed = true;
      return parseFrontmatterYaml(yamlText);
    });
    assert.equal(parsed, false, 'the front matter was parsed');
    assert.equal(result.loads, false);
    assert.deepEqual(result.diagnostics.map((diagnostic) => diagnostic.code), ['agent/file-too-large']);
  });

  it('reports a binary file without parsing it', () => {
    const result = lint('\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10');
    assert.equal(result.loads, false);
    assert.deepEqual(result.diagnostics.map((diagnostic) => diagnostic.code), ['agent/binary-content']);
  });

  it('reads maps with `toString` and `valueOf` keys as maps (String() of them throws)', () => {
    const text = '---\nname: a\ndescription: d\nmaxTurns:\n  toString: x\neffort:\n  valueOf: y\nmodel:\n  - toString: z\n---\n';
    const codes = lint(text).diagnostics.map((diagnostic) => diagnostic.code);
    assert.ok(codes.includes('agent/invalid-value'), codes.join(', '));
  });

  it('lets __proto__ and constructor keys pollute nothing', () => {
    const text = '---\nname: proto\ndescription: d\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n---\n';
    const result = lint(text);
    assert.equal(result.loads, true);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  });

  // The heap is the linter's, not a profile's: measured once, under the newest.
  if (profile === claudeCodeProfiles[claudeCodeProfiles.length - 1]) it('keeps the heap within 20 MB over 100,000 distinct versions of a file', function () {
    this.timeout(120_000);
    const template = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', 'loader', 'crlf-line-endings.md'), 'utf8');
    const gc = (globalThis as { gc?: () => void }).gc;
    const settle = () => {
      gc?.();
      return process.memoryUsage().heapUsed;
    };
    for (let version = 0; version < 2000; version++) lint(template + version);
    const before = settle();
    for (let version = 0; version < 100_000; version++) lint(`${template}\nedit ${version}`);
    const growth = settle() - before;
    assert.ok(growth < 20 * 1024 * 1024, `heap grew ${(growth / 1048576).toFixed(1)} MB`);
  });
});

/** Lints a file whose `key` holds 9^24 references to one list, bounded in time and memory. */
function lintBomb(file: string, key: string, profile?: ClaudeCodeProfile): LintResult {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 24; level++) {
    const previous = `*l${level - 1}`.replace('*l0', '*a');
    levels.push(`l${level}: &l${level} [${Array(9).fill(previous).join(',')}]`);
  }
  const text = `---\nname: bomb\ndescription: d\n${levels.join('\n')}\n${key}: *l23\n---\n`;
  const before = process.memoryUsage().heapUsed;
  // Its time is a row of `npm run bench`; memory is what an unbounded expansion would exhaust first.
  const result = lintAgentFile(text, { path: file, profile });
  assert.ok(process.memoryUsage().heapUsed - before < 50 * 1024 * 1024);
  return result;
}

describe('hostile input (Copilot)', () => {
  it('removes NUL bytes in one edit per run up to 100 runs, then in one edit from the first to the last', () => {
    for (const [runs, edits] of [[3, 3], [100, 100], [101, 1], [1000, 1]]) {
      const lines = Array.from({ length: runs }, (_, index) => `note${index}: a${'\0'.repeat(1 + (index % 2))}b`);
      const text = `---\ndescription: d\n${lines.join('\n')}\n---\nBody\n`;
      const fix = lintAgentFile(text, { path: '.github/agents/nul.agent.md' }).diagnostics.find((diagnostic) => diagnostic.code === 'agent/nul-bytes')?.fixes?.[0];
      assert.ok(fix, `${runs} runs: a fix`);
      assert.equal(fix.edits.length, edits, `${runs} runs`);
      assert.equal(applyTextEdits(text, fix.edits), text.replace(/\0+(?=b\n)/g, ''), `${runs} runs: every NUL of the front matter removed, nothing else`);
    }
  });


  it('counts unknown keys past the 100 it lists, as Claude Code agents do, pointing at the first left out', () => {
    const keys = Array.from({ length: 250 }, (_, index) => `note${index}: x`);
    const result = lintAgentFile(`---\ndescription: d\n${keys.join('\n')}\n---\n`, { path: '.github/agents/many.agent.md' });
    assert.equal(result.format, 'copilot');
    assert.equal(result.diagnostics.filter((diagnostic) => diagnostic.code === 'agent/unknown-key').length, 100);
    const summaries = result.diagnostics.filter((diagnostic) => diagnostic.code === 'agent/diagnostics-left-out');
    assert.equal(summaries.length, 1);
    assert.match(summaries[0].message, /^150 more `agent\/unknown-key`/);
    assert.deepEqual(summaries[0].range, { start: { line: 102, character: 0 }, end: { line: 102, character: 7 } }, 'on `note100`');
  });
});
