// examples/ (what `npm start` opens) and the integration tests' workspace show the same agents, and the seeds in both
// are the team's seed files byte for byte, named for what they define.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintAgentFile } from '../../../../src/engine/lint/lint';
import { sharedFolder } from '../../../support/sharedMaterial';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const agentFolders = [path.join('.claude', 'agents'), path.join('.github', 'agents')];

function agentFiles(workspace: string): string[] {
  return agentFolders.flatMap((folder) => {
    const directory = path.join(root, workspace, folder);
    return fs.existsSync(directory) ? fs.readdirSync(directory).filter((name) => name.endsWith('.md')).map((name) => path.join(folder, name)) : [];
  });
}

describe('examples/', () => {
  it('every example agent is also in the integration tests\' workspace, unchanged', () => {
    for (const file of agentFiles('examples')) {
      const copy = path.join(root, 'test', 'fixtures', 'workspace', file);
      assert.ok(fs.existsSync(copy), `test/fixtures/workspace/${file} is missing`);
      assert.ok(fs.readFileSync(copy).equals(fs.readFileSync(path.join(root, 'examples', file))), `test/fixtures/workspace/${file} differs from examples/${file}`);
    }
  });

  it('holds every seed, named for the agent it defines, loading as Claude Code 2.1.197 recorded', () => {
    const seeds = path.join(sharedFolder(), 'seeds');
    const loaded = JSON.parse(fs.readFileSync(path.join(seeds, 'loaded-by-claude-code-2.1.197.json'), 'utf8')) as Record<string, string[]>;
    const examples = agentFiles('examples').map((file) => path.join(root, 'examples', file));
    for (const [seed, names] of Object.entries(loaded)) {
      const bytes = fs.readFileSync(path.join(seeds, seed));
      const example = examples.find((file) => fs.readFileSync(file).equals(bytes));
      assert.ok(example, `seed ${seed} is in examples/.claude/agents/`);
      const result = lintAgentFile(bytes.toString('utf8'), { path: example });
      assert.deepEqual(result.loads ? [result.agent!.name] : [], names);
      if (names.length > 0) assert.equal(path.basename(example, '.md'), names[0]);
    }
  });
});
