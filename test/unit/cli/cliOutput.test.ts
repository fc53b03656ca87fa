// What `agent-studio lint` prints for people and for GitHub: --version, problems grouped by file, colour only at a
// terminal (a real one, through script(1)) and never with NO_COLOR, the summary line, and SARIF for code scanning.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundledCli } from '../../support/cliBundle';

const repository = path.resolve(__dirname, '..', '..', '..');
const ESC = '\u001b[';

describe('agent-studio lint output', function () {
  this.timeout(60_000);
  let cliPath: string;
  let workspace: string;

  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const result = spawnSync(process.execPath, [cliPath, ...args], { cwd: workspace, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  /** Runs the CLI with a pseudo-terminal as its output, as at a prompt. */
  const atTerminal = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const script = spawnSync('script', ['--version'], { encoding: 'utf8' });
    assert.equal(script.status, 0, 'script(1) from util-linux is needed to give the CLI a terminal (apt-get install bsdutils)');
    const command = [process.execPath, cliPath, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: workspace, encoding: 'utf8', env: { PATH: process.env.PATH, TERM: 'xterm', ...env } });
    return { status: result.status, stdout: result.stdout };
  };

  const write = (relativePath: string, text: string) => {
    const file = path.join(workspace, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };

  before(() => {
    cliPath = bundledCli();
  });

  beforeEach(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-studio-ws-'));
    write('.claude/agents/broken.md', '---\nname: broken\n---\n');
    write('.claude/agents/typo.md', '---\nname: typo\ndescription: Reviews code.\nmodle: opus\ntools: Read, Grepp\n---\n');
    write('.claude/agents/fine.md', '---\nname: fine\ndescription: Reviews code.\n---\n');
  });

  afterEach(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('prints its version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(repository, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) assert.deepEqual(cli([flag]), { status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('groups problems under each file and ends with a summary of files, errors, warnings and skipped agents on stdout', () => {
    const { status, stdout, stderr } = cli(['lint']);
    assert.equal(status, 1);
    assert.equal(stderr, '');
    assert.equal(stdout, [
      '.claude/agents/broken.md (skipped: Claude Code does not load it)',
      '  1:1  error    Claude Code skips this file: its `description` is missing, and it tells Claude when to use the agent.  agent/missing-description',
      '',
      '.claude/agents/typo.md',
      '  4:1   warning  Claude Code ignores `modle`; did you mean `model`?  agent/misspelt-key',
      '  5:14  warning  Unknown tool `Grepp`: Claude Code silently drops it; did you mean `Grep`?  agent/unknown-tool',
      '',
      '3 agent files checked: 1 error, 2 warnings, 1 agent skipped.',
      '',
    ].join('\n'));
  });

  it('colours its output at a terminal, and not with NO_COLOR or into a pipe', () => {
    const coloured = atTerminal(['lint']);
    assert.equal(coloured.status, 1);
    assert.ok(coloured.stdout.includes(`${ESC}31merror`), JSON.stringify(coloured.stdout.slice(0, 300)));
    assert.ok(coloured.stdout.includes(`${ESC}33mwarning`));
    const plain = atTerminal(['lint'], { NO_COLOR: '1' });
    assert.ok(!plain.stdout.includes(ESC), JSON.stringify(plain.stdout.slice(0, 300)));
    assert.match(plain.stdout, /3 agent files checked: 1 error, 2 warnings, 1 agent skipped\./);
    assert.ok(!cli(['lint']).stdout.includes(ESC), 'a pipe gets no colour');
  });

  it('writes SARIF 2.1.0 that code scanning reads: rules with their help, results at repository-relative locations', () => {
    const { status, stdout, stderr } = cli(['lint', '--format', 'sarif']);
    assert.equal(status, 1);
    assert.match(stderr, /3 agent files checked/);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs.length, 1);
    const [run] = sarif.runs;
    assert.equal(run.tool.driver.name, 'agent-studio');
    const rules = run.tool.driver.rules as { id: string; help: { text: string }; defaultConfiguration: { level: string } }[];
    assert.deepEqual(run.results.map((result: { ruleId: string; level: string }) => [result.ruleId, result.level]).sort(),
      [['agent/missing-description', 'error'], ['agent/misspelt-key', 'warning'], ['agent/unknown-tool', 'warning']]);
    for (const result of run.results as { ruleId: string; ruleIndex: number }[]) assert.equal(rules[result.ruleIndex].id, result.ruleId);
    const misspelt = run.results.find((result: { ruleId: string }) => result.ruleId === 'agent/misspelt-key');
    assert.deepEqual(misspelt.locations[0].physicalLocation, {
      artifactLocation: { uri: '.claude/agents/typo.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 6 },
    });
    assert.equal(misspelt.message.text, 'Claude Code ignores `modle`; did you mean `model`?');
    assert.ok(rules.find((rule) => rule.id === 'agent/misspelt-key')?.help.text.includes('Quick fix: Renames it'));
  });
});
