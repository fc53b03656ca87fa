// The front matter grammar injections, tokenized with VS Code's own TextMate engine: over a stand-in host grammar
// always, and over VS Code's real Markdown and YAML grammars when code-server is installed (npm start / the test bed).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { agentFileFormats } from '../../src/engine/formats/registry';

const root = path.resolve(__dirname, '..', '..');
const fixtures = path.join(root, 'test', 'fixtures', 'grammar');
const injections: Record<string, string> = {
  'text.agent-frontmatter.injection': path.join(root, 'syntaxes', 'agent-frontmatter.injection.tmLanguage.json'),
  'text.agent-frontmatter-keys.injection': path.join(root, 'syntaxes', 'agent-frontmatter-keys.injection.tmLanguage.json'),
};
const codeServerExtensions = path.join(process.env.AGENT_STUDIO_CACHE || path.join(os.homedir(), '.cache', 'agent-studio'), 'code-server-4.100.3', 'app', 'lib', 'vscode', 'extensions');

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

async function tokenize(hostGrammars: Record<string, string>, file: string): Promise<Token[][]> {
  const grammars = { ...hostGrammars, ...injections };
  const registry = new textmate.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scope) => (grammars[scope] ? textmate.parseRawGrammar(fs.readFileSync(grammars[scope], 'utf8'), grammars[scope]) : null),
    getInjections: (scope) => (scope === 'text.html.markdown' ? Object.keys(injections) : undefined),
  });
  const grammar = (await registry.loadGrammar('text.html.markdown'))!;
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

function describeGrammar(title: string, hostGrammars: () => Record<string, string> | undefined): void {
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

  describeGrammar('over a stand-in Markdown grammar', () => ({ 'text.html.markdown': path.join(fixtures, 'markdown-frontmatter-host.tmLanguage.json') }));

  describeGrammar('over VS Code 1.100\'s Markdown and YAML grammars (when code-server is installed)', () => {
    const markdown = path.join(codeServerExtensions, 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json');
    if (!fs.existsSync(markdown)) return undefined;
    const grammars: Record<string, string> = { 'text.html.markdown': markdown };
    const yamlDir = path.join(codeServerExtensions, 'yaml', 'syntaxes');
    for (const file of fs.readdirSync(yamlDir)) grammars[(JSON.parse(fs.readFileSync(path.join(yamlDir, file), 'utf8')) as { scopeName: string }).scopeName] = path.join(yamlDir, file);
    return grammars;
  });
});
