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

async function tokenize(host: Host, file: string): Promise<Token[][]> {
  const grammars = { ...host.grammars, ...injections };
  const registry = new textmate.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scope) => (grammars[scope] ? textmate.parseRawGrammar(fs.readFileSync(grammars[scope], 'utf8'), grammars[scope]) : null),
    getInjections: injectionsInto,
  });
  const grammar = (await registry.loadGrammar(host.rootScope))!;
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
      assert.deepEqual(scoped(description, 'keyword.other.agent-example-label'), ['Context', 'user', 'assistant']);
      assert.deepEqual(scoped(notAKey, 'keyword.other.agent-example-label'), [], '"the user:" mid-sentence is no label');
    });

    it('marks example markup in a `|` block, and nothing in the body', async () => {
      const lines = await tokenize(hostGrammars()!, 'agent-with-block-description.md');
      assert.deepEqual(lines.slice(3, 12).flatMap((line) => scoped(line, 'entity.name.tag.agent-example')), ['example', 'commentary', 'commentary', 'example']);
      assert.deepEqual(lines.slice(3, 12).flatMap((line) => scoped(line, 'keyword.other.agent-example-label')), ['Context', 'user', 'assistant']);
      assert.deepEqual(scoped(lines[12], 'support.type.property-name.agent-key'), ['model']);
      const body = lines[15];
      assert.deepEqual([...scoped(body, 'keyword.other.agent-example-label'), ...scoped(body, 'entity.name.tag.agent-example')], []);
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
