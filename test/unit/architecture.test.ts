// The layers, checked by reading the imports: src/engine is pure (no `vscode`, no `node:` modules), nothing in src/
// imports in a circle, and Claude Code version numbers are written only in its profiles.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const source = path.resolve(__dirname, '..', '..', 'src');
const profiles = path.join(source, 'engine', 'formats', 'claudeCode', 'profiles');

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module a file names in `import`, `export ... from`, `import()` or `require()`, type-only imports included. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;'"]*?from\s+'([^']+)'|(?:^|\n)\s*import\s+'([^']+)'|\b(?:require|import)\(\s*'([^']+)'\s*\)/g)];
  return specifiers.map((match) => match[1] ?? match[2] ?? match[3]);
}

function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
}

const files = sourceFiles(source);
const relative = (file: string) => path.relative(source, file).split(path.sep).join('/');

describe('architecture', () => {
  it('keeps src/engine free of vscode and node: modules', () => {
    const offending = files
      .filter((file) => relative(file).startsWith('engine/'))
      .flatMap((file) => importsOf(file).filter((specifier) => specifier === 'vscode' || specifier.startsWith('node:')).map((specifier) => `${relative(file)} imports ${specifier}`));
    assert.deepEqual(offending, []);
  });

  it('imports the vscode module with require, not as a namespace', () => {
    // The bundle is CommonJS: esbuild turns each `import * as vscode from 'vscode'` into a copy of the whole API object
    // (about 400 getters), once per importing file, while the extension loads. 28 such copies took 15 to 30 ms of the
    // activation time VS Code reports; `import vscode = require('vscode')` is a plain require.
    const namespaceImports = files.filter((file) => /^\s*import\s+\*\s+as\s+\w+\s+from\s+'vscode'/m.test(fs.readFileSync(file, 'utf8'))).map(relative);
    assert.deepEqual(namespaceImports, []);
  });

  it('has no import cycle in src/', () => {
    const graph = new Map(files.map((file) => [file, importsOf(file).map((specifier) => resolveLocal(file, specifier)).filter((target): target is string => target !== undefined)]));
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'visiting');
      stack.push(file);
      for (const target of graph.get(file) ?? []) {
        if (state.get(target) === 'visiting') cycles.push([...stack.slice(stack.indexOf(target)), target].map(relative).join(' -> '));
        else if (!state.has(target)) visit(target);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    assert.deepEqual(cycles, []);
  });

  it('writes Claude Code version numbers only in its profiles', () => {
    // Claude Code's versions are 2.x.y; VS Code's (1.x.y) may be named where a VS Code behaviour is described.
    const versionNumber = /\b2\.\d+\.\d+\b|Claude Code v?\d+\.\d+\.\d+/;
    // SARIF's own format version, 2.1.0, is no Claude Code version.
    const sarifVersion = /SARIF 2\.1\.0|sarif-2\.1\.0|"version":"2\.1\.0"/i;
    const offending = files
      .filter((file) => !file.startsWith(profiles + path.sep))
      .flatMap((file) => fs.readFileSync(file, 'utf8').split('\n').map((line, index) => ({ line, index })).filter(({ line }) => versionNumber.test(line) && !sarifVersion.test(line)).map(({ line, index }) => `${relative(file)}:${index + 1}: ${line.trim()}`));
    assert.deepEqual(offending, []);
  });
});
