// Enumerated values, model aliases, tool names and hook events are written once, in the formats' field data and
// profiles; validation, completion, hover, the docs, the grammar and the providers read them from there.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { claudeCodeProfiles } from '../../../../src/engine/formats/claudeCode/profiles';
import { agentFileFormats } from '../../../../src/engine/formats/registry';

const source = path.resolve(__dirname, '..', '..', '..', '..', 'src');
/** Where the data lives: each format's fields and tools, and Claude Code's profiles. */
const dataFiles = /[\\/]formats[\\/](claudeCode[\\/](fields|tools)\.ts|claudeCode[\\/]profiles[\\/]|copilot[\\/]fields\.ts)/;
/** Lists of another program's: what VS Code's own Agent mode completes, measured so ours are not offered twice. */
const otherProgramsData = /[\\/]vscode[\\/]language[\\/]vscodeAgentMode\.ts$/;

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Lists of values that belong together: a line naming three or more of one list holds a copy of it. */
function valueLists(): { name: string; values: string[] }[] {
  const lists: { name: string; values: string[] }[] = [];
  for (const format of agentFileFormats) {
    for (const field of format.fields) if (field.values) lists.push({ name: `${format.id} ${field.key}`, values: field.values.map((value) => value.value) });
    if (format.tools.length > 0) lists.push({ name: `${format.id} tools`, values: format.tools.map((tool) => tool.name) });
  }
  for (const profile of claudeCodeProfiles) {
    lists.push({ name: `Claude Code ${profile.version} hook events`, values: [...profile.hookEvents] });
    lists.push({ name: `Claude Code ${profile.version} built-in agents`, values: [...profile.builtInAgents] });
  }
  return lists;
}

const wholeWords = new Map<string, RegExp>();

/** Whether a line names a value as a whole word (`opus`, not `opusplan`). */
function mentions(line: string, value: string): boolean {
  if (!line.includes(value)) return false;
  let pattern = wholeWords.get(value);
  if (!pattern) wholeWords.set(value, (pattern = new RegExp(`(^|[^\\w-])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`)));
  return pattern.test(line);
}

describe('field data', () => {
  it('is the only place a list of values, aliases, tools or hook events is written', () => {
    const copies: string[] = [];
    const lists = valueLists();
    for (const file of sourceFiles(source).filter((candidate) => !dataFiles.test(candidate) && !otherProgramsData.test(candidate))) {
      fs.readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
        // Comments, and a code's explanation, may name examples in prose.
        if (/^\s*(\/\/|\*|\/\*\*)/.test(line) || /: RuleMeta = /.test(line)) return;
        for (const list of lists) {
          const named = list.values.filter((value) => mentions(line, value));
          if (named.length >= 3) copies.push(`${path.relative(source, file)}:${index + 1} copies ${list.name}: ${named.join(', ')}`);
        }
      });
    }
    assert.deepEqual(copies, []);
  });

  it('finds a copy when there is one', () => {
    const line = "const claudeOnlyModels = /^(inherit|sonnet|opus|haiku|fable)$/i;";
    const model = valueLists().find((list) => list.name === 'claude-code model')!;
    assert.ok(model.values.filter((value) => mentions(line, value)).length >= 3);
  });
});
