// New Agent, Rename and Duplicate write only inside the folder the agent lives in, and only names every system can hold
// (issue 14: `name: "../../.github/workflows/ci"` made Duplicate write <project>/.github/workflows/ci-copy.md).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileNameProblem } from '../../../src/engine/agents/agentFileNames';
import { checkNewAgentName } from '../../../src/engine/agents/newAgent';
import { agentFileInFolder, pathTaken, siblingAgentFile } from '../../../src/node/agentFileTargets';

describe('agent file targets', () => {
  const folder = path.resolve(os.tmpdir(), 'project', '.claude', 'agents');
  const source = path.join(folder, 'reviewer.md');

  it('refuses names that resolve outside the agent\'s folder', () => {
    for (const name of ['../../.github/workflows/ci', '../x', 'sub/x', 'sub\\x', '/etc/passwd']) {
      const target = siblingAgentFile(source, name);
      assert.ok('refused' in target, name);
    }
  });

  it('keeps a Copilot agent\'s suffix and stays in its folder', () => {
    const copilot = path.resolve(os.tmpdir(), 'project', '.github', 'agents', 'planner.agent.md');
    assert.deepEqual(siblingAgentFile(copilot, 'planner-copy'), { path: path.join(path.dirname(copilot), 'planner-copy.agent.md') });
    assert.deepEqual(agentFileInFolder(folder, 'code-reviewer'), { path: path.join(folder, 'code-reviewer.md') });
  });

  it('catches names Windows, macOS or Linux cannot hold before anything is written', () => {
    for (const fileName of ['a:b.md', 'a*b.md', 'a?.md', 'a"b.md', 'a<b.md', 'a>b.md', 'a|b.md', 'a\0b.md', 'a\nb.md', 'con.md', 'NUL.agent.md', 'lpt1.md', 'com9.md', 'x.', 'x ', '.', '..', '', `${'é'.repeat(128)}.md`]) {
      assert.ok(fileNameProblem(fileName), JSON.stringify(fileName));
    }
    for (const fileName of ['code-reviewer.md', 'console.md', 'a.b.md', 'ünïcode.md', '.hidden.md']) assert.equal(fileNameProblem(fileName), undefined, fileName);
    assert.equal(checkNewAgentName('aux')?.severity, 'error');
    assert.equal(checkNewAgentName('what?')?.severity, 'error');
    assert.match(checkNewAgentName('a|b')!.message, /not allowed in file names/);
  });

  it('counts a link to nothing as taken, since writing through it would create its target', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-studio-targets-'));
    try {
      const link = path.join(directory, 'x-copy.md');
      fs.symlinkSync(path.join(directory, 'outside', 'created.md'), link);
      assert.equal(fs.existsSync(link), false);
      assert.equal(pathTaken(link), true);
      assert.equal(pathTaken(path.join(directory, 'free.md')), false);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
