// The front matter grammar injections, tokenized with VS Code's own TextMate engine: over stand-in host grammars (Markdown,
// and the Agent mode that wraps it) always, and over VS Code's real grammars when its code-server is installed (npm start /
// the test bed). Which roots the injections reach is read from package.json, as VS Code reads it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { agentFileFormats } from '../../src/engine/formats/registry';

const root = path.resolve(__dirname, '..', '..');
const fixtures = path.join(root, 'test', 'fixtures', 'grammar');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { grammars: { scopeName: string; path: string; injectTo: string[] }[] } };
const injections: Record<string, string> = Object.fromEntries(manifest.contributes.grammars.map((grammar) => [grammar.scopeName, path.join(root, grammar.path)]));
const injectionsInto = (scope: string) => manifest.contributes.grammars.filter((grammar) => grammar.injectTo.includes(scope)).map((grammar) => grammar.scopeName);
const markdownScope = 'text.html.markdown';
// The root scope of VS Code's Agent mode (language chatagent), which 1.139 opens `.claude/agents/*.md` in.
const agentModeScope = 'text.html.markdown.prompt';
const cacheRoot = process.env.AGENT_STUDIO_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'agent-studio');
const builtInExtensions = (codeServerVersion: string) => path.join(cacheRoot, `code-server-${codeServerVersion}`, 'app', 'lib', 'vscode', 'extensions');

interface Token {
  text: string;
  scopes: string[];
}

let onigurumaLoaded: Promise<void> | undefined;
function onigLib(): Promise<textmate.IOnigLib> {
  onigurumaLoaded ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  })();
  return onigurumaLoaded.then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text: string) => new oniguruma.OnigString(text),
  }));
}

interface Host {
  /** The scope the document is tokenized from: Markdown's, or the Agent mode's. */
  rootScope: string;
  /** Grammar files by scope name. */
  grammars: Record<string, string>;
}

/** The host's grammars with our injections; with a theme, tokens carry the colours it gives them. */
function registryFor(host: Host, theme?: textmate.IRawTheme): textmate.Registry {
  const grammars = { ...host.grammars, ...injections };
  return new textmate.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scope) => (grammars[scope] ? textmate.parseRawGrammar(fs.readFileSync(grammars[scope], 'utf8'), grammars[scope]) : null),
    getInjections: injectionsInto,
    theme,
  });
}

async function tokenize(host: Host, file: string): Promise<Token[][]> {
  const grammar = (await registryFor(host).loadGrammar(host.rootScope))!;
  let state = textmate.INITIAL;
  return fs.readFileSync(path.join(fixtures, file), 'utf8').split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}

/** The texts of the tokens on a line that carry a scope starting with `scope`. */
function scoped(line: Token[], scope: string): string[] {
  return line.filter((token) => token.scopes.some((name) => name.startsWith(scope))).map((token) => token.text);
}

function describeGrammar(title: string, hostGrammars: () => Host | undefined): void {
  describe(title, () => {
    before(function () {
      if (!hostGrammars()) this.skip();
    });

    it('marks the agent keys, and only known ones', async () => {
      const lines = await tokenize(hostGrammars()!, 'agent-with-examples.md');
      assert.deepEqual(scoped(lines[1], 'support.type.property-name.agent-key'), ['name']);
      assert.deepEqual(scoped(lines[2], 'support.type.property-name.agent-key'), ['description']);
      assert.deepEqual(scoped(lines[3], 'support.type.property-name.agent-key'), []);
      assert.deepEqual(scoped(lines[4], 'support.type.property-name.agent-key'), ['tools']);
    });

    it('marks example markup in a one-line description with \\n escapes', async () => {
      const [, , description, notAKey] = await tokenize(hostGrammars()!, 'agent-with-examples.md');
      assert.deepEqual(scoped(description, 'entity.name.tag.agent-example'), ['example', 'commentary', 'commentary', 'example']);
      assert.deepEqual(scoped(description, 'entity.other.attribute-name.agent-example-label'), ['Context', 'user', 'assistant']);
      assert.deepEqual(scoped(notAKey, 'entity.other.attribute-name.agent-example-label'), [], '"the user:" mid-sentence is no label');
    });

    it('marks example markup in a `|` block, and nothing in the body', async () => {
      const lines = await tokenize(hostGrammars()!, 'agent-with-block-description.md');
      assert.deepEqual(lines.slice(3, 12).flatMap((line) => scoped(line, 'entity.name.tag.agent-example')), ['example', 'commentary', 'commentary', 'example']);
      assert.deepEqual(lines.slice(3, 12).flatMap((line) => scoped(line, 'entity.other.attribute-name.agent-example-label')), ['Context', 'user', 'assistant']);
      assert.deepEqual(scoped(lines[12], 'support.type.property-name.agent-key'), ['model']);
      const body = lines[15];
      assert.deepEqual([...scoped(body, 'entity.other.attribute-name.agent-example-label'), ...scoped(body, 'entity.name.tag.agent-example')], []);
    });
  });
}

describe('front matter grammar injections', () => {
  it('know exactly the keys of the schema', () => {
    const grammar = JSON.parse(fs.readFileSync(injections['text.agent-frontmatter-keys.injection'], 'utf8')) as { patterns: { match: string }[] };
    const listed = /\(\?:([^)]*)\)/.exec(grammar.patterns[0].match)![1].split('|').sort();
    const schemaKeys = [...new Set(agentFileFormats.flatMap((format) => format.fields.map((field) => field.key)))].sort();
    assert.deepEqual(listed, schemaKeys);
  });

  const standInMarkdown = path.join(fixtures, 'markdown-frontmatter-host.tmLanguage.json');
  describeGrammar('over a stand-in Markdown grammar', () => ({ rootScope: markdownScope, grammars: { [markdownScope]: standInMarkdown } }));
  describeGrammar('in the Agent mode, over a stand-in of its grammar', () => ({
    rootScope: agentModeScope,
    grammars: { [markdownScope]: standInMarkdown, [agentModeScope]: path.join(fixtures, 'agent-mode-host.tmLanguage.json') },
  }));

  describeGrammar('over VS Code 1.100\'s Markdown and YAML grammars (when code-server 4.100.3 is installed)', () => realHost('4.100.3', markdownScope));
  describeGrammar('over VS Code 1.139\'s Markdown and YAML grammars (when code-server 4.139.1 is installed)', () => realHost('4.139.1', markdownScope));
  describeGrammar('in VS Code 1.139\'s Agent mode, over its real grammars (when code-server 4.139.1 is installed)', () => realHost('4.139.1', agentModeScope));
});

/** VS Code's own Markdown, YAML and (from 1.110 or so) prompt grammars, from an installed code-server. */
function realHost(codeServerVersion: string, rootScope: string): Host | undefined {
  const extensions = builtInExtensions(codeServerVersion);
  const markdown = path.join(extensions, 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json');
  if (!fs.existsSync(markdown)) {
    // In CI `npm test` has installed every code-server first (scripts/installTestBed.ts): nothing is skipped there.
    if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`code-server ${codeServerVersion} is not installed in ${cacheRoot}`);
    return undefined;
  }
  const grammars: Record<string, string> = { [markdownScope]: markdown };
  const prompt = path.join(extensions, 'prompt-basics', 'syntaxes', 'prompt.tmLanguage.json');
  if (fs.existsSync(prompt)) grammars[agentModeScope] = prompt;
  const yamlDir = path.join(extensions, 'yaml', 'syntaxes');
  for (const file of fs.readdirSync(yamlDir)) grammars[(JSON.parse(fs.readFileSync(path.join(yamlDir, file), 'utf8')) as { scopeName: string }).scopeName] = path.join(yamlDir, file);
  assert.ok(grammars[rootScope], `code-server ${codeServerVersion} has no grammar for ${rootScope}`);
  return { rootScope, grammars };
}

type ThemeRule = textmate.IRawTheme['settings'][number];

/** A built-in colour theme's token rules, its `include`s first, as VS Code layers them. */
function builtInTheme(codeServerVersion: string, fileName: string): textmate.IRawTheme {
  const themes = path.join(builtInExtensions(codeServerVersion), 'theme-defaults', 'themes');
  const rules = (file: string): ThemeRule[] => {
    // The theme files are JSON with comments.
    const json = JSON.parse(fs.readFileSync(path.join(themes, file), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { include?: string; tokenColors?: ThemeRule[] };
    return [...(json.include ? rules(path.basename(json.include)) : []), ...(json.tokenColors ?? [])];
  };
  // The first, scope-less rule is the default text colour, which VS Code takes from the theme's `colors`.
  return { name: fileName, settings: [{ settings: { foreground: '#010101' } }, ...rules(fileName)] };
}

/** Each stretch of each line with the colour the theme gives it. */
async function coloured(host: Host, theme: textmate.IRawTheme, file: string): Promise<{ text: string; color: string }[][]> {
  const registry = registryFor(host, theme);
  const grammar = (await registry.loadGrammar(host.rootScope))!;
  const colors = registry.getColorMap();
  let state = textmate.INITIAL;
  return fs.readFileSync(path.join(fixtures, file), 'utf8').split('\n').map((line) => {
    const { tokens, ruleStack } = grammar.tokenizeLine2(line, state);
    state = ruleStack;
    const stretches = [];
    for (let index = 0; index < tokens.length; index += 2) {
      const end = index + 2 < tokens.length ? tokens[index + 2] : line.length;
      // Bits 15-23 of a token's metadata index its foreground in the colour map.
      stretches.push({ text: line.slice(tokens[index], end), color: colors[(tokens[index + 1] >>> 15) & 0b111111111] });
    }
    return stretches;
  });
}

const builtInThemes = ['light_modern.json', 'dark_modern.json', 'light_plus.json', 'dark_plus.json', 'light_vs.json', 'dark_vs.json', 'hc_light.json', 'hc_black.json'];

function describeThemes(title: string, codeServerVersion: string, host: () => Host | undefined): void {
  describe(title, () => {
    before(function () {
      if (!host()) this.skip();
    });

    // Light Modern is VS Code's default theme; scoped as keywords, the labels took the YAML block's blue there.
    for (const theme of builtInThemes) {
      it(`colours Context:, user:, assistant: and the example tags apart from the description around them in ${theme}`, async () => {
        const lines = await coloured(host()!, builtInTheme(codeServerVersion, theme), 'agent-with-block-description.md');
        for (const [index, label] of [[5, 'Context'], [6, 'user'], [7, 'assistant']] as const) {
          const labelColor = lines[index].find((stretch) => stretch.text === label)?.color;
          assert.ok(labelColor && labelColor !== lines[index].at(-1)!.color, `${label}: ${JSON.stringify(lines[index])}`);
        }
        // High Contrast Light gives tag names the text colour in every language; the labels are what it tells apart.
        if (theme === 'hc_light.json') return;
        const tag = lines[4].find((stretch) => stretch.text.includes('example'));
        assert.ok(tag && tag.color !== lines[3].at(-1)!.color, JSON.stringify(lines[4]));
      });
    }
  });
}

describe('example markup in VS Code\'s built-in colour themes', () => {
  describeThemes('VS Code 1.100, Markdown (when code-server 4.100.3 is installed)', '4.100.3', () => realHost('4.100.3', markdownScope));
  describeThemes('VS Code 1.139, Agent mode (when code-server 4.139.1 is installed)', '4.139.1', () => realHost('4.139.1', agentModeScope));
});
