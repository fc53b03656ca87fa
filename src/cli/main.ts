// `agent-studio lint [paths...] [--format text|json]` and `agent-studio docs`: the engine on the command line.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { AgentCatalog } from '../engine/catalog/catalog';
import type { AgentFolder } from '../engine/formats/agentFiles';
import { agentFolders, enclosingAgentFolder, findAgentFiles, findAgentProjects } from '../node/discovery';
import { renderDiagnosticsDoc } from '../engine/lint/docs';
import { formatForPath } from '../engine/formats/registry';
import { lintAgentFile, MAX_AGENT_FILE_BYTES } from '../engine/lint/lint';
import type { Diagnostic, Fix, LintResult } from '../engine/types';
import type { ClaudeCodeProfile, ProfileChoice } from '../engine/formats/claudeCode/profiles';
import { chooseClaudeCodeProfile, describeProfiles } from '../node/claudeCodeVersion';

const USAGE = `Usage: agent-studio lint [paths...] [--format text|json] [--claude-code-version x.y.z|auto|latest]
       agent-studio docs

lint   Checks agent files. With no paths, finds the agents of every project under the current
       directory (.claude/agents/, .github/agents/). A directory argument is searched the same
       way; an agent folder is read as one; a directory without agent folders has every .md
       under it checked. *.agent.md files and those in .github/agents/ are read as GitHub
       Copilot agents, other .md files as Claude Code agents.
       --claude-code-version picks the Claude Code whose rules apply: a version, \`latest\` (the newest
       profile), or \`auto\` (the default: \`claude --version\` of the claude on PATH, else the newest).
       Exit status: 1 when any file has an error (Claude Code would skip it), 0 otherwise, 2 on bad usage.
docs   Prints docs/diagnostics.md: every diagnostic code and the front matter schema.`;

export interface LintedFile {
  path: string;
  result: LintResult;
  diagnostics: Diagnostic[];
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? process.stderr : process.stdout).write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === 'docs') {
    process.stdout.write(renderDiagnosticsDoc());
    return 0;
  }
  if (command !== 'lint') throw new UsageError(`unknown command '${command}'`);
  const { paths, format, claudeCodeVersion } = parseLintArguments(rest);
  const choice = await chooseClaudeCodeProfile(claudeCodeVersion);
  if (!choice) throw new UsageError(`--claude-code-version must be x.y.z, auto or latest, not '${claudeCodeVersion}'; the rules know Claude Code ${describeProfiles()}`);
  return runLint(paths, format, choice);
}

function parseLintArguments(args: string[]): { paths: string[]; format: 'text' | 'json'; claudeCodeVersion: string } {
  const paths: string[] = [];
  let format: 'text' | 'json' = 'text';
  let claudeCodeVersion = 'auto';
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--claude-code-version' || arg.startsWith('--claude-code-version=')) {
      claudeCodeVersion = (arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++index]) ?? '';
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++index];
      if (value !== 'text' && value !== 'json') throw new UsageError(`--format must be 'text' or 'json', not '${value ?? ''}'`);
      format = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option '${arg}'`);
    } else {
      paths.push(arg);
    }
  }
  return { paths, format, claudeCodeVersion };
}

async function runLint(paths: string[], format: 'text' | 'json', choice: ProfileChoice): Promise<number> {
  const profile = choice.profile;
  const cwd = process.cwd();
  const targets = paths.length === 0 ? ['.'] : paths;
  const files: LintedFile[] = [];
  for (const target of targets) {
    const absolute = nodePath.resolve(cwd, target);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      throw new UsageError(`no such file or directory: ${target}`);
    }
    if (stat.isDirectory()) files.push(...(await lintDirectory(absolute, paths.length > 0, profile)));
    else files.push(lintFile(absolute, stat.size, profile));
  }
  // Paths under the working folder print relative to it; a prefix check spares path.relative on every file.
  const cwdPrefix = cwd.endsWith(nodePath.sep) ? cwd : cwd + nodePath.sep;
  const display = (path: string) => (path.startsWith(cwdPrefix) ? path.slice(cwdPrefix.length) : nodePath.relative(cwd, path) || path);
  if (format === 'json') {
    const note = choice.note === undefined ? {} : { claudeCodeNote: choice.note };
    process.stdout.write(`${JSON.stringify({ claudeCodeVersion: choice.version, ...note, files: files.map((file) => toJson(file, display(file.path))) })}\n`);
  } else {
    for (const file of files) {
      for (const diagnostic of file.diagnostics) {
        const { line, character } = diagnostic.range.start;
        process.stdout.write(`${display(file.path)}:${line + 1}:${character + 1} ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}\n`);
      }
    }
    if (files.length === 0 && paths.length === 0) {
      process.stderr.write(`No agent files in .claude/agents/ or .github/agents/ under ${cwd}; give files or a directory to check.\n`);
    }
    const counts = countBySeverity(files);
    process.stderr.write(`${files.length} agent file${files.length === 1 ? '' : 's'} checked against Claude Code ${choice.version}: ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}.\n`);
    if (choice.note) process.stderr.write(`${choice.note}\n`);
  }
  return files.some((file) => file.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) ? 1 : 0;
}

function lintFile(path: string, size: number, profile: ClaudeCodeProfile): LintedFile {
  const text = size > MAX_AGENT_FILE_BYTES ? '' : fs.readFileSync(path, 'utf8');
  const format = formatForPath(path);
  const result = lintAgentFile(text, { path, format: format.id, byteLength: size, profile: format.id === 'claude-code' ? profile : undefined });
  return { path, result, diagnostics: result.diagnostics };
}

const IGNORED_DIRECTORIES = new Set(['node_modules', '.git']);

/**
 * A directory's agents, found as the tools find them:
 * - an agent folder itself (`.claude/agents`, `.github/agents`, or a folder inside one): that folder's agents;
 * - a directory holding projects with agent folders (itself, or below it): each project's agents, ranked within the
 *   project, so duplicate names are reported where the tool would see them;
 * - any other directory given by name: every `.md` under it, read by its file name (`*.agent.md` as Copilot).
 * With no path given, a directory without agent folders yields nothing rather than every Markdown file in it.
 */
async function lintDirectory(directory: string, givenByName: boolean, profile: ClaudeCodeProfile): Promise<LintedFile[]> {
  const enclosing = enclosingAgentFolder(directory);
  if (enclosing) return lintFolders([{ ...enclosing, path: directory }], profile);
  const projects = findAgentProjects(directory, IGNORED_DIRECTORIES);
  if (projects.length > 0) {
    const linted: LintedFile[] = [];
    for (const project of projects) {
      linted.push(...(await lintFolders(agentFolders([project]).filter((folder) => folder.scope === 'project' && fs.existsSync(folder.path)), profile)));
    }
    return linted;
  }
  if (!givenByName) return [];
  const everyMarkdown: AgentFolder = { path: directory, scope: 'project', format: 'claude-code', project: directory, recursive: true };
  return (await findAgentFiles(everyMarkdown, IGNORED_DIRECTORIES)).map((file) => lintFile(file.path, file.size, profile));
}

/** The agents of one project's folders, through a catalog so that duplicate names are reported. */
async function lintFolders(folders: AgentFolder[], profile: ClaudeCodeProfile): Promise<LintedFile[]> {
  const catalog = new AgentCatalog(folders);
  catalog.setProfile('claude-code', profile);
  const paths: string[] = [];
  // Each name is ranked once at the end, not after every file that has it.
  await catalog.withRankingDeferred(async () => {
    for (const folder of folders) {
      for (const file of await findAgentFiles(folder)) {
        const text = file.size > MAX_AGENT_FILE_BYTES ? '' : fs.readFileSync(file.path, 'utf8');
        catalog.update(file.path, text, file.size);
        paths.push(file.path);
      }
    }
  });
  return paths.map((path) => ({ path, result: catalog.get(path)!.result, diagnostics: catalog.diagnostics(path) }));
}

function toJson(file: LintedFile, path: string) {
  const { result } = file;
  return {
    path,
    format: result.format,
    loads: result.loads,
    agent: result.agent ? { name: result.agent.name, description: result.agent.description, model: result.agent.model ?? null, tools: result.agent.tools ?? null } : null,
    diagnostics: file.diagnostics.map(diagnosticJson),
  };
}

interface DiagnosticJson {
  code: string;
  severity: Diagnostic['severity'];
  message: string;
  range: Diagnostic['range'];
  /** The preferred fix; `fixes` lists every fix when there are several. */
  fix?: Fix;
  fixes?: Fix[];
}

/** Built field by field: an object spread per diagnostic is a slow path in V8 (see BENCHMARKS.md). */
function diagnosticJson(diagnostic: Diagnostic): DiagnosticJson {
  const json: DiagnosticJson = { code: diagnostic.code, severity: diagnostic.severity, message: diagnostic.message, range: diagnostic.range };
  const fixes = diagnostic.fixes;
  if (fixes) {
    json.fix = { title: fixes[0].title, edits: fixes[0].edits };
    if (fixes.length > 1) json.fixes = fixes.map((fix) => ({ title: fix.title, edits: fix.edits }));
  }
  return json;
}

function countBySeverity(files: LintedFile[]): Record<'error' | 'warning', number> {
  const counts = { error: 0, warning: 0 };
  for (const file of files) for (const diagnostic of file.diagnostics) if (diagnostic.severity === 'error' || diagnostic.severity === 'warning') counts[diagnostic.severity]++;
  return counts;
}

if (require.main === module) {
  // `agent-studio lint | head` closes the pipe early: that is the reader's choice, not an error to print a stack for.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`agent-studio: ${error.message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`agent-studio: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 2;
    }
  });
}
