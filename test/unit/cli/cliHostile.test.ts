// The command line on hostile file systems (issue 14): every file is reported, whatever one of them does. Each case was
// an exit 2 with a stack trace, a hang, or a walk of the whole machine before.
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundledCli } from '../../support/cliBundle';

const good = '---\nname: good\ndescription: Fine\n---\nBody\n';
let cliPath: string;
let workspace: string;

/** The bundled CLI in a child process; a hang ends it after 20 s, with the status `null` the assertions then reject. */
function cli(args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd: workspace, encoding: 'utf8', timeout: 20_000, ...options });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

function write(relativePath: string, text: string): string {
  const file = path.join(workspace, relativePath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

interface JsonFile {
  path: string;
  loads: boolean;
  diagnostics: { code: string; severity: string; message: string }[];
}

function lintJson(args: string[], options?: SpawnSyncOptions): { status: number | null; files: JsonFile[]; stderr: string } {
  const { status, stdout, stderr } = cli(['lint', '--format', 'json', ...args], options);
  assert.notEqual(status, null, `the CLI ended within 20 s (stderr: ${stderr})`);
  return { status, files: (JSON.parse(stdout) as { files: JsonFile[] }).files, stderr };
}

function assertUnreadable(file: JsonFile | undefined, reason: RegExp): void {
  assert.ok(file, 'the file is reported');
  assert.equal(file.loads, false);
  assert.deepEqual(file.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['agent/unreadable', 'error']]);
  assert.match(file.diagnostics[0].message, reason);
}

describe('agent-studio lint on hostile file systems', function () {
  this.timeout(60_000);

  before(() => {
    // Readable by the unprivileged user the permission test runs as.
    cliPath = bundledCli();
  });

  beforeEach(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-studio-ws-'));
  });

  afterEach(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('reports a link to nothing (a file gone since it was listed) as unreadable and still reports the others', () => {
    write('.claude/agents/good.md', good);
    fs.symlinkSync(path.join(workspace, 'deleted.md'), path.join(workspace, '.claude', 'agents', 'gone.md'));
    for (const args of [[], ['.claude/agents/gone.md', '.claude/agents/good.md']]) {
      const { status, files } = lintJson(args);
      assert.equal(status, 1, args.join(' '));
      assertUnreadable(files.find((file) => file.path === '.claude/agents/gone.md'), /symbolic link to nothing/);
      assert.deepEqual(files.find((file) => file.path === '.claude/agents/good.md')?.diagnostics, []);
    }
  });

  it('reports a file it may not read (EACCES), checked as an unprivileged user', function () {
    write('.claude/agents/good.md', good);
    const secret = write('.claude/agents/secret.md', good);
    fs.chmodSync(secret, 0o000);
    // As root every file is readable: the CLI then runs as `nobody`, which may enter the workspace but not read the file.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    fs.chmodSync(workspace, 0o755);
    for (const folder of ['.claude', '.claude/agents']) fs.chmodSync(path.join(workspace, folder), 0o755);
    fs.chmodSync(path.join(workspace, '.claude', 'agents', 'good.md'), 0o644);
    const { status, files } = lintJson([], asNobody);
    assert.equal(status, 1);
    assertUnreadable(files.find((file) => file.path === '.claude/agents/secret.md'), /permission denied \(EACCES\)/);
    assert.deepEqual(files.find((file) => file.path === '.claude/agents/good.md')?.diagnostics, []);
  });

  it('refuses a FIFO without opening it, given or found, and does not wait for a writer', function () {
    if (process.platform === 'win32') this.skip();
    write('.claude/agents/good.md', good);
    const fifo = path.join(workspace, '.claude', 'agents', 'pipe.md');
    const made = spawnSync('mkfifo', [fifo]);
    assert.equal(made.status, 0, `mkfifo: ${made.error ?? made.stderr}`);
    for (const args of [[], ['.claude/agents/pipe.md', '.claude/agents/good.md']]) {
      const { status, files } = lintJson(args);
      assert.equal(status, 1);
      assertUnreadable(files.find((file) => file.path === '.claude/agents/pipe.md'), /named pipe \(FIFO\)/);
      assert.equal(files.length, 2);
    }
  });

  it('refuses a socket (ENXIO to open) and /dev/zero (size 0, endless) without reading them', async () => {
    write('good.md', good);
    const socketPath = path.join(workspace, 'agent.md');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      const { status, files } = lintJson(['agent.md', '/dev/zero', 'good.md']);
      assert.equal(status, 1);
      assertUnreadable(files.find((file) => file.path === 'agent.md'), /a socket/);
      assertUnreadable(files.find((file) => file.path.endsWith('dev/zero')), /a character device/);
      assert.deepEqual(files.find((file) => file.path === 'good.md')?.diagnostics, []);
    } finally {
      server.close();
    }
  });

  it('does not enter /proc, /sys or /dev through symlinks, and enters each real folder once', () => {
    write('.claude/agents/good.md', good);
    write('shared/other.md', good.replace('good', 'other'));
    const agents = path.join(workspace, '.claude', 'agents');
    for (const [name, target] of [['proc', '/proc'], ['self', '/proc/self'], ['sys', '/sys'], ['dev', '/dev'], ['first', path.join(workspace, 'shared')], ['second', path.join(workspace, 'shared')]]) {
      fs.symlinkSync(target, path.join(agents, name));
    }
    const { status, files } = lintJson([]);
    assert.equal(status, 0);
    assert.deepEqual(files.map((file) => file.path), ['.claude/agents/first/other.md', '.claude/agents/good.md']);
  });

  it('escapes control characters in file names and messages, so a newline cannot forge an output line', () => {
    write('.claude/agents/evil\n.claude/agents/forged.md:1:1 error agent/none forged.md', '---\nname: evil\n---\n');
    write('.claude/agents/key.md', '---\nname: key\ndescription: d\n"x\\nforged.md:1:1 error agent/none": 1\n---\n');
    const { status, stdout } = cli(['lint', '--format', 'compact']);
    assert.equal(status, 1);
    const lines = stdout.split('\n').filter(Boolean).slice(0, -1);
    assert.ok(lines.length >= 2);
    for (const line of lines) assert.match(line, /^\.claude\/agents\/(evil\\n\.claude|key\.md)/, line);
    assert.ok(!lines.some((line) => line.startsWith('forged.md') || line.startsWith('.claude/agents/forged.md')));
    // Grouped under each file, as people read it: a file's header or an indented problem, never a forged line.
    const grouped = cli(['lint']).stdout.split('\n').filter(Boolean).slice(0, -1);
    for (const line of grouped) assert.match(line, /^(\.claude\/agents\/(evil\\n\.claude|key\.md)| {2}\d+:\d+ )/, line);
  });

  it('reports a file once when arguments overlap', () => {
    write('.claude/agents/good.md', good);
    const { files } = lintJson(['.', '.claude/agents', '.claude/agents/good.md', './.claude/agents/../agents/good.md']);
    assert.deepEqual(files.map((file) => file.path), ['.claude/agents/good.md']);
  });

  it('takes every argument after -- as a path', () => {
    write('-x.md', good);
    write('--format', good);
    const { status, files } = lintJson(['--', '-x.md', '--format']);
    assert.equal(status, 0);
    assert.deepEqual(files.map((file) => file.path), ['-x.md', '--format']);
  });
});
