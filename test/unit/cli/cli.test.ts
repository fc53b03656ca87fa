// The `agent-studio` command line, run as a user runs it: the bundled CLI in a child process.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderDiagnosticsDoc } from '../../../src/engine/lint/docs';
import { sharedFolder } from '../../support/sharedMaterial';
import { claudeCodeProfiles } from '../../../src/engine/formats/claudeCode/profiles';
import { claudeBinaryOrSkip } from '../../support/claudeCodeVersions';
import { bundledCli } from '../../support/cliBundle';

const repository = path.resolve(__dirname, '..', '..', '..');
let cliPath: string;
let workspace: string;

function cli(args: string[], cwd = workspace, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(relativePath: string, text: string): void {
  const file = path.join(workspace, relativePath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

describe('agent-studio lint', function () {
  this.timeout(60_000);

  before(() => {
    cliPath = bundledCli();
  });

  beforeEach(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-studio-ws-'));
  });

  afterEach(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('lints a marketplace: the agents of every plugin under plugin:agent, plugin.json problems on plugin.json', () => {
    write('.claude-plugin/marketplace.json', JSON.stringify({ name: 'm', owner: { name: 'o' }, plugins: [
      { name: 'alpha', source: './plugins/alpha' }, { name: 'beta', source: './plugins/beta' }, { name: 'remote', source: { source: 'github', repo: 'a/b' } },
    ] }));
    write('plugins/alpha/.claude-plugin/plugin.json', JSON.stringify({ name: 'alpha' }));
    write('plugins/alpha/agents/review/security.md', '---\nname: security\ndescription: d\nhooks:\n  Stop: []\n---\nBody\n');
    write('plugins/beta/agents/no-front-matter.md', '# Beta helper\n\nHelps.\n');
    write('plugins/gamma/.claude-plugin/plugin.json', JSON.stringify({ name: 'gamma', agents: './agents' }));
    write('plugins/gamma/agents/g.md', '---\nname: g\ndescription: d\n---\nBody\n');
    const { status, stdout } = cli(['lint', '--format', 'json', '.']);
    const files = (JSON.parse(stdout) as { files: { path: string; plugin?: string; loads: boolean; agent: { name: string } | null; diagnostics: { code: string; severity: string }[] }[] }).files;
    const byPath = new Map(files.map((file) => [file.path, file]));
    assert.equal(byPath.get('plugins/alpha/agents/review/security.md')?.agent?.name, 'alpha:review:security');
    assert.deepEqual(byPath.get('plugins/alpha/agents/review/security.md')?.diagnostics.map((d) => d.code), ['plugin/ignored-key']);
    // A marketplace entry needs no plugin.json: its name comes from the marketplace; no front matter only means defaults.
    const beta = byPath.get('plugins/beta/agents/no-front-matter.md');
    assert.equal(beta?.agent?.name, 'beta:no-front-matter');
    assert.equal(beta?.loads, true);
    assert.ok(beta?.diagnostics.every((d) => d.severity !== 'error'));
    // A folder in `agents` makes Claude Code reject gamma's manifest: the error is there, its agent does not load.
    assert.deepEqual(byPath.get('plugins/gamma/.claude-plugin/plugin.json')?.diagnostics.map((d) => `${d.severity} ${d.code}`), ['error plugin/manifest-agent-path']);
    assert.equal(byPath.get('plugins/gamma/agents/g.md')?.loads, false);
    assert.equal(status, 1);
  });

  it('discovers agents under the current directory and exits 0 when none has an error', () => {
    write('.claude/agents/reviewer.md', '---\nname: reviewer\ndescription: Reviews code\ntools: Read, Grep\n---\nYou review code.\n');
    write('.claude/agents/nested/tester.md', '---\nname: tester\ndescription: Runs tests\ntools: Read, Grepp\n---\n');
    write('.claude/agents/README.md', '# Our agents\n');
    write('notes/unrelated.md', 'no front matter, not an agent folder\n');
    const { status, stdout } = cli(['lint', '--format', 'compact']);
    assert.equal(status, 0);
    assert.match(stdout, /^\.claude\/agents\/nested\/tester\.md:4:14 warning agent\/unknown-tool Unknown tool `Grepp`: Claude Code silently drops it; did you mean `Grep`\?/m);
    assert.doesNotMatch(stdout, /README|unrelated/);
  });

  it('exits 1 and prints compiler-style lines when a file would be skipped', () => {
    write('.claude/agents/broken.md', '---\nname: broken\n---\n');
    const { status, stdout } = cli(['lint', '--format=compact']);
    assert.equal(status, 1);
    assert.match(stdout, /^\.claude\/agents\/broken\.md:1:1 error agent\/missing-description Claude Code skips this file/m);
  });

  it('prints exactly one JSON object with --format json', () => {
    write('.claude/agents/reviewer.md', '---\nname: reviewer\ndescription: Use when: code changed\nmodel: sonnet\n---\n');
    write('.github/agents/planner.agent.md', '---\ndescription: Plans work\ntools: [search]\n---\n');
    const { status, stdout } = cli(['lint', '--format', 'json', '--claude-code-version', 'latest']);
    assert.equal(status, 0);
    const output = JSON.parse(stdout);
    assert.deepEqual(Object.keys(output), ['claudeCodeVersion', 'files']);
    assert.equal(output.claudeCodeVersion, claudeCodeProfiles[claudeCodeProfiles.length - 1].measuredUpTo);
    const byPath = Object.fromEntries(output.files.map((file: { path: string }) => [file.path, file]));
    const claude = byPath['.claude/agents/reviewer.md'];
    assert.equal(claude.format, 'claude-code');
    assert.equal(claude.loads, true);
    assert.deepEqual(claude.agent, { name: 'reviewer', description: 'Use when: code changed', model: 'sonnet', tools: null });
    const [repaired] = claude.diagnostics;
    assert.equal(repaired.code, 'agent/yaml-repaired');
    assert.equal(repaired.severity, 'warning');
    assert.deepEqual(repaired.range, { start: { line: 2, character: 17 }, end: { line: 2, character: 22 } });
    assert.deepEqual(repaired.fix.edits, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 35 } }, newText: 'description: |-\n  Use when: code changed' }]);
    const copilot = byPath['.github/agents/planner.agent.md'];
    assert.equal(copilot.format, 'copilot');
    assert.equal(copilot.agent.name, 'planner');
  });

  it('lints given files wherever they are, by their names', () => {
    write('anywhere/x.agent.md', '---\nname: x\n---\n');
    write('anywhere/y.md', 'plain markdown\n');
    const { status, stdout } = cli(['lint', '--format=json', 'anywhere/x.agent.md', 'anywhere/y.md']);
    assert.equal(status, 1);
    const [copilot, claude] = JSON.parse(stdout).files;
    assert.equal(copilot.format, 'copilot');
    assert.equal(copilot.diagnostics[0].code, 'copilot/missing-description');
    assert.equal(claude.format, 'claude-code');
    assert.equal(claude.diagnostics[0].code, 'agent/missing-frontmatter');
  });

  it('matches Claude Code on the seeds', () => {
    const { status, stdout } = cli(['lint', '--format', 'json', path.join(sharedFolder(), 'seeds')]);
    assert.equal(status, 1);
    const loaded: Record<string, string[]> = JSON.parse(fs.readFileSync(path.join(sharedFolder(), 'seeds', 'loaded-by-claude-code-2.1.197.json'), 'utf8'));
    for (const file of JSON.parse(stdout).files) {
      assert.equal(file.loads, loaded[path.basename(file.path)].length > 0, file.path);
    }
  });

  it('exits 2 on bad usage, with a message', () => {
    for (const args of [['lint', '--format', 'xml'], ['lint', '--bogus'], ['frobnicate'], ['lint', 'no-such-file.md'], []]) {
      const { status, stderr } = cli(args);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, /Usage: agent-studio lint/);
    }
  });

  it('reads a .github/agents folder, given or found, as Copilot agents', () => {
    write('.github/agents/planner.agent.md', '---\ndescription: Plans a feature\ntools: [read, search]\n---\nPlan.\n');
    for (const args of [['lint', '--format=json', '.github/agents'], ['lint', '--format=json']]) {
      const { status, stdout } = cli(args);
      assert.equal(status, 0, args.join(' '));
      const [planner] = JSON.parse(stdout).files;
      assert.equal(planner.format, 'copilot', args.join(' '));
      assert.deepEqual(planner.diagnostics, [], args.join(' '));
    }
  });

  it('finds the agents of every project below the current directory, each ranked within its project', () => {
    const agent = (name: string) => `---\nname: ${name}\ndescription: d\n---\n`;
    write('examples/.claude/agents/reviewer.md', agent('reviewer'));
    write('packages/api/.claude/agents/reviewer.md', agent('reviewer'));
    write('packages/api/.claude/agents/nested/tester.md', agent('tester'));
    write('node_modules/some-package/.claude/agents/vendored.md', agent('vendored'));
    write('CHANGELOG.md', '# Changes\n');
    const { status, stdout } = cli(['lint', '--format=json']);
    assert.equal(status, 0);
    const files = JSON.parse(stdout).files as { path: string; diagnostics: unknown[] }[];
    assert.deepEqual(files.map((file) => file.path), ['examples/.claude/agents/reviewer.md', 'packages/api/.claude/agents/nested/tester.md', 'packages/api/.claude/agents/reviewer.md']);
    assert.deepEqual(files.flatMap((file) => file.diagnostics), [], 'two projects may each have a reviewer');
  });

  it('reports the overlap hints within each project: an example that reads like another agent of the same project', () => {
    const securityReviewer = '---\nname: security-reviewer\ndescription: Reviews code for vulnerabilities such as SQL injection, leaked secrets and unsafe login handling.\n---\n';
    const docWriter = '---\nname: doc-writer\ndescription: |\n  Writes README files, guides and API reference documentation.\n  <example>\n  user: "Check the login handler for SQL injection and leaked secrets"\n  </example>\n---\n';
    write('app/.claude/agents/doc-writer.md', docWriter);
    write('app/.claude/agents/security-reviewer.md', securityReviewer);
    write('other/.claude/agents/doc-writer.md', docWriter);
    const { status, stdout } = cli(['lint', '--format', 'compact']);
    assert.equal(status, 0, 'a hint is a warning: the exit status stays 0');
    const hints = stdout.split('\n').filter((line) => line.includes('-overlap'));
    assert.deepEqual(hints.map((line) => line.split(' ').slice(0, 3).join(' ')), ['app/.claude/agents/doc-writer.md:5:3 warning agent/example-overlap']);
    assert.match(hints[0], /Claude Code may hand it to `security-reviewer`/);
  });

  it('checks nothing, and says why, in a directory without agent folders unless it is named', () => {
    write('notes.md', '# Notes\n');
    const quiet = cli(['lint']);
    assert.equal(quiet.status, 0);
    assert.equal(quiet.stdout, '0 agent files checked: 0 errors, 0 warnings, 0 agents skipped.\n');
    assert.match(quiet.stderr, /No agent files in \.claude\/agents\/ or \.github\/agents\//);
    const named = cli(['lint', '--format=json', '.']);
    assert.equal(named.status, 1);
    assert.equal(JSON.parse(named.stdout).files[0].diagnostics[0].code, 'agent/missing-frontmatter');
  });

  it('stops quietly when the reader closes the pipe', () => {
    for (let index = 0; index < 300; index++) write(`.claude/agents/a${index}.md`, `---\nname: a${index}\n---\n`);
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${cliPath}" lint | head -n 1`], { cwd: workspace, encoding: 'utf8' });
    assert.equal(result.stdout.split('\n').filter(Boolean).length, 1);
    assert.doesNotMatch(result.stderr, /EPIPE|Error/);
  });

  it('finishes on a symlink loop', () => {
    write('.claude/agents/a.md', '---\nname: a\ndescription: b\n---\n');
    fs.symlinkSync(path.join(workspace, '.claude', 'agents'), path.join(workspace, '.claude', 'agents', 'loop'));
    const { status, stdout } = cli(['lint', '--format', 'json']);
    assert.equal(status, 0);
    assert.equal(JSON.parse(stdout).files.length, 1);
  });

  describe('--claude-code-version', () => {
    const newest = claudeCodeProfiles[claudeCodeProfiles.length - 1];
    const oldest = claudeCodeProfiles[0];
    const lintJson = (version: string, env?: NodeJS.ProcessEnv) => {
      const result = cli(['lint', '--format', 'json', '--claude-code-version', version], workspace, env);
      return { status: result.status, json: JSON.parse(result.stdout) as { claudeCodeVersion: string; claudeCodeNote?: string; files: { path: string; loads: boolean; diagnostics: { code: string; severity: string }[] }[] } };
    };
    const byPath = (files: { path: string; loads: boolean; diagnostics: { code: string; severity: string }[] }[]) =>
      Object.fromEntries(files.map((file) => [path.basename(file.path), { loads: file.loads, errors: file.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.code) }]));

    beforeEach(() => {
      write('.claude/agents/bom.md', '\uFEFF---\nname: bom\ndescription: Starts with a byte-order mark.\n---\n');
      write('.claude/agents/hooks.md', '---\nname: hooks\ndescription: Empty hooks.\nhooks: []\n---\n');
      write('.claude/agents/team.md', '---\nname: team:reviewer\ndescription: A colon in the name.\n---\n');
    });

    it('follows the newest profile: a BOM loads, `hooks: []` and a colon in the name are skipped', () => {
      const { status, json } = lintJson(newest.measuredUpTo);
      assert.equal(status, 1);
      assert.equal(json.claudeCodeVersion, newest.measuredUpTo);
      assert.deepEqual(byPath(json.files), {
        'bom.md': { loads: true, errors: [] },
        'hooks.md': { loads: false, errors: ['agent/hooks-skip-file'] },
        'team.md': { loads: false, errors: ['agent/name-colon'] },
      });
    });

    it('follows the oldest profile: the opposite', () => {
      const { json } = lintJson(oldest.firstVersion);
      assert.equal(json.claudeCodeVersion, oldest.firstVersion);
      assert.deepEqual(byPath(json.files), {
        'bom.md': { loads: false, errors: ['agent/bom'] },
        'hooks.md': { loads: true, errors: [] },
        'team.md': { loads: true, errors: [] },
      });
    });

    it('reads a version newer than any profile as the newest, with a note, and `latest` as the newest', () => {
      const [major, minor, patch] = newest.measuredUpTo.split('.').map(Number);
      const newer = `${major}.${minor}.${patch + 68}`;
      const { json } = lintJson(newer);
      assert.equal(json.claudeCodeVersion, newer);
      assert.match(json.claudeCodeNote ?? '', new RegExp(`measured up to ${newest.measuredUpTo.replaceAll('.', '\\.')}`));
      assert.deepEqual(byPath(json.files), byPath(lintJson(newest.measuredUpTo).json.files));
      assert.equal(lintJson('latest').json.claudeCodeVersion, newest.measuredUpTo);
    });

    it('exits 2 on a version it cannot read, listing the profiles', () => {
      const result = cli(['lint', '--claude-code-version', 'two.one']);
      assert.equal(result.status, 2);
      for (const profile of claudeCodeProfiles) assert.ok(result.stderr.includes(profile.firstVersion), result.stderr);
    });

    it('`auto` (the default) asks the claude on PATH, and takes the newest profile when there is none', function () {
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-studio-path-'));
      try {
        assert.equal(lintJson('auto', { ...process.env, PATH: empty }).json.claudeCodeVersion, newest.measuredUpTo);
        const binary = claudeBinaryOrSkip(this, oldest.firstVersion);
        fs.symlinkSync(binary, path.join(empty, 'claude'));
        const result = cli(['lint', '--format', 'json'], workspace, { ...process.env, PATH: empty });
        assert.equal(JSON.parse(result.stdout).claudeCodeVersion, oldest.firstVersion);
      } finally {
        fs.rmSync(empty, { recursive: true, force: true });
      }
    });
  });

  it('keeps docs/diagnostics.md generated from the schema', () => {
    const committed = fs.readFileSync(path.join(repository, 'docs', 'diagnostics.md'), 'utf8');
    assert.equal(committed, renderDiagnosticsDoc(), 'docs/diagnostics.md is stale: run `npm run docs`');
    assert.equal(cli(['docs']).stdout, committed);
  });
});
