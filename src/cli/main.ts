// `agent-studio lint [--format text|compact|json|sarif] [--] [paths...]`, `agent-studio docs` and `--version`: the engine on
// the command line. Each output format is a reporter in src/cli/formats/.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { AgentCatalog } from '../engine/catalog/catalog';
import type { AgentFolder } from '../engine/formats/agentFiles';
import { agentFolders, enclosingAgentFolder, findAgentFiles, findAgentProjects } from '../node/discovery';
import { renderDiagnosticsDoc } from '../engine/lint/docs';
import { formatForPath } from '../engine/formats/registry';
import { lintAgentFile, unreadableResult } from '../engine/lint/lint';
import { readAgentFile } from '../node/agentFileReading';
import type { Diagnostic, Fix } from '../engine/types';
import { sarifReporter } from './formats/sarif';
import { compactReporter, textReporter } from './formats/text';
import { summaryLine, withTotals, type LintedFile, type LintReporter } from './lintedFile';
import { colorsFor } from './terminalColor';
import { escapeForTerminal } from './terminalText';
import { runTestRouting, TEST_ROUTING_USAGE, TestRoutingUsageError } from './testRouting';
import { CLI_VERSION } from './version';
import type { ClaudeCodeProfile, ProfileChoice } from '../engine/formats/claudeCode/profiles';
import { pluginProfile } from '../engine/formats/claudeCode/profiles/pluginLoader';
import { chooseClaudeCodeProfile, describeProfiles } from '../node/claudeCodeVersion';
import { lintPluginAgents } from '../node/plugins/pluginAgentFiles';
import { enclosingPluginFolder, findPluginFolders, pluginRootAbove, type PluginFolder } from '../node/plugins/pluginDiscovery';

export type { LintedFile } from './lintedFile';
export { escapeForTerminal } from './terminalText';

const USAGE = `Usage: agent-studio lint [--format text|compact|json|sarif] [--claude-code-version x.y.z|auto|latest] [--] [paths...]
       agent-studio test-routing [paths...] [--runs N] [--parallel N] [--format text|json|junit] [--claude PATH]
       agent-studio docs
       agent-studio --version

lint   Checks agent files. With no paths, finds the agents of every project under the current
       directory (.claude/agents/, .github/agents/). A directory argument is searched the same
       way; an agent folder is read as one; a directory without agent folders has every .md
       under it checked. *.agent.md files and those in .github/agents/ are read as GitHub
       Copilot agents, other .md files as Claude Code agents. Claude Code plugins (a folder with
       .claude-plugin/plugin.json, or listed by a .claude-plugin/marketplace.json) have their
       agents checked as the plugin loader reads them, named plugin:agent, and their plugin.json.
       A file that cannot be read (permissions, gone, a pipe, socket or device, which is never
       opened) is reported as an error for that file; every other file is still checked.
       text (default): problems grouped by file, coloured at a terminal (NO_COLOR turns colour
       off), then a summary line; compact: one 'path:line:col severity code message' line each;
       json: every file with its agent and diagnostics; sarif: SARIF 2.1.0 for GitHub code scanning.
       --claude-code-version picks the Claude Code whose rules apply: a version, \`latest\` (the newest
       profile), or \`auto\` (the default: \`claude --version\` of the claude on PATH, else the newest).
       Exit status: 1 when any file has an error (Claude Code would skip it), 0 otherwise, 2 on bad usage.
docs   Prints docs/diagnostics.md: every diagnostic code and the front matter schema.
${TEST_ROUTING_USAGE}`;

type OutputFormat = 'text' | 'compact' | 'json' | 'sarif';
const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'compact', 'json', 'sarif'];

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? process.stderr : process.stdout).write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v' || command === 'version') {
    process.stdout.write(`${CLI_VERSION}\n`);
    return 0;
  }
  if (command === 'docs') {
    process.stdout.write(renderDiagnosticsDoc());
    return 0;
  }
  if (command === 'test-routing') return runTestRouting(rest);
  if (command !== 'lint') throw new UsageError(`unknown command '${command}'`);
  const { paths, format, claudeCodeVersion } = parseLintArguments(rest);
  const choice = await chooseClaudeCodeProfile(claudeCodeVersion);
  if (!choice) throw new UsageError(`--claude-code-version must be x.y.z, auto or latest, not '${claudeCodeVersion}'; the rules know Claude Code ${describeProfiles()}`);
  return runLint(paths, format, choice);
}

function parseLintArguments(args: string[]): { paths: string[]; format: OutputFormat; claudeCodeVersion: string } {
  const paths: string[] = [];
  let format: OutputFormat = 'text';
  let claudeCodeVersion = 'auto';
  let optionsEnded = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (optionsEnded) {
      paths.push(arg);
    } else if (arg === '--') {
      // Everything after `--` is a path, even `-x.md` or `--format`.
      optionsEnded = true;
    } else if (arg === '--claude-code-version' || arg.startsWith('--claude-code-version=')) {
      claudeCodeVersion = (arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++index]) ?? '';
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++index];
      if (!OUTPUT_FORMATS.includes(value as OutputFormat)) throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, not '${value ?? ''}'`);
      format = value as OutputFormat;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option '${arg}'`);
    } else {
      paths.push(arg);
    }
  }
  return { paths, format, claudeCodeVersion };
}

async function runLint(paths: string[], format: OutputFormat, choice: ProfileChoice): Promise<number> {
  const profile = choice.profile;
  const cwd = process.cwd();
  const targets = (paths.length === 0 ? ['.'] : paths).map((target) => ({ target, absolute: nodePath.resolve(cwd, target) }));
  // A path that is not there at all is a typing mistake; checked before anything is printed. A link to nothing is
  // there, and is reported as a file that cannot be read.
  for (const { target, absolute } of targets) {
    if (!exists(absolute)) throw new UsageError(`no such file or directory: ${target}`);
  }
  // Paths under the working folder print relative to it; a prefix check spares path.relative on every file.
  const cwdPrefix = cwd.endsWith(nodePath.sep) ? cwd : cwd + nodePath.sep;
  const display = (path: string) => (path.startsWith(cwdPrefix) ? path.slice(cwdPrefix.length) : nodePath.relative(cwd, path) || path);
  const reporter = reporterFor(format, display, cwd, paths.length === 0, choice);
  // Overlapping arguments (`lint . .claude/agents/a.md`) report each file once.
  const reported = new Set<string>();
  let failed = false;
  const report = (file: LintedFile) => {
    if (reported.has(file.path)) return;
    reported.add(file.path);
    if (file.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) failed = true;
    reporter.file(file);
  };
  for (const { absolute } of targets) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch {
      // Gone since the check above, or a link to nothing: a file that cannot be read.
    }
    if (stat?.isDirectory()) await lintDirectory(absolute, paths.length > 0, report, profile);
    else report(lintFile(absolute, profile));
  }
  reporter.end();
  return failed ? 1 : 0;
}

function exists(path: string): boolean {
  try {
    fs.lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function jsonReporter(display: (path: string) => string, choice: ProfileChoice): LintReporter {
  let first = true;
  // Which Claude Code's rules the verdicts are, before the files: a reader streaming the files knows it first.
  const header = { claudeCodeVersion: choice.version, ...(choice.note === undefined ? {} : { claudeCodeNote: choice.note }) };
  process.stdout.write(`${JSON.stringify(header).slice(0, -1)},"files":[`);
  return {
    file(file) {
      process.stdout.write(`${first ? '' : ','}\n${JSON.stringify(toJson(file, display(file.path)))}`);
      first = false;
    },
    end() {
      process.stdout.write(']}\n');
    },
  };
}

function reporterFor(format: OutputFormat, display: (path: string) => string, cwd: string, noPathsGiven: boolean, choice: ProfileChoice): LintReporter {
  const write = (text: string) => process.stdout.write(text);
  // Machine formats keep stdout to the document; their summary goes to stderr.
  const toStderr = (reporter: LintReporter) => withTotals(reporter, (totals) => process.stderr.write(`${summaryLine(totals)} (Claude Code ${choice.version})\n${choice.note ? `${choice.note}\n` : ''}`));
  const reporter = format === 'json' ? toStderr(jsonReporter(display, choice))
    : format === 'sarif' ? toStderr(sarifReporter(cwd, CLI_VERSION, write))
      : format === 'compact' ? compactReporter(display, write)
        : textReporter(display, colorsFor(process.stdout, process.env), write);
  let files = 0;
  return {
    file(file) {
      files++;
      reporter.file(file);
    },
    end() {
      if (files === 0 && noPathsGiven) {
        process.stderr.write(`No agent files in .claude/agents/ or .github/agents/ under ${escapeForTerminal(cwd)}; give files or a directory to check.\n`);
      }
      reporter.end();
    },
  };
}

function lintFile(path: string, profile: ClaudeCodeProfile): LintedFile {
  const plugin = enclosingPluginFolder(path);
  const inPlugin = plugin && lintPlugin(plugin, profile).find((file) => file.path === nodePath.resolve(path));
  if (inPlugin) return inPlugin;
  const read = readAgentFile(path);
  const result = 'text' in read
    ? lintAgentFile(read.text, { path, format: formatForPath(path).id, byteLength: read.byteLength, profile: formatForPath(path).id === 'claude-code' ? profile : undefined })
    : unreadableResult(path, read.unreadable);
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
async function lintDirectory(directory: string, givenByName: boolean, report: (file: LintedFile) => void, profile: ClaudeCodeProfile): Promise<void> {
  const enclosing = enclosingAgentFolder(directory);
  if (enclosing) return lintFolders([{ ...enclosing, path: directory }], report, profile);
  const pluginRoot = pluginRootAbove(directory);
  if (pluginRoot) {
    // A folder inside a plugin (its agents/, or a subfolder): that plugin's agent files below it.
    const prefix = directory + nodePath.sep;
    lintPlugin(pluginRoot, profile).filter((file) => file.path.startsWith(prefix)).forEach(report);
    return;
  }
  const projects = findAgentProjects(directory, IGNORED_DIRECTORIES);
  const plugins = findPluginFolders(directory, IGNORED_DIRECTORIES);
  if (projects.length > 0 || plugins.length > 0) {
    for (const project of projects) {
      await lintFolders(agentFolders([project]).filter((folder) => folder.scope === 'project' && fs.existsSync(folder.path)), report, profile);
    }
    for (const plugin of plugins) lintPlugin(plugin, profile).forEach(report);
    return;
  }
  if (!givenByName) return;
  const everyMarkdown: AgentFolder = { path: directory, scope: 'project', format: 'claude-code', project: directory, recursive: true };
  for (const file of await findAgentFiles(everyMarkdown, IGNORED_DIRECTORIES)) {
    report(file.unreadable ? unreadableFile(file.path, file.unreadable) : lintFile(file.path, profile));
  }
}

function unreadableFile(path: string, reason: string, format?: AgentFolder['format']): LintedFile {
  const result = unreadableResult(path, reason, format);
  return { path, result, diagnostics: result.diagnostics };
}

/** A plugin's manifest (when it has problems) and its agents, named `plugin:agent`. */
function lintPlugin(plugin: PluginFolder, profile: ClaudeCodeProfile): LintedFile[] {
  const linted: LintedFile[] = [];
  const pluginName = plugin.name ?? plugin.displayName;
  if (plugin.manifestPath && plugin.manifestDiagnostics.length > 0) {
    linted.push({ path: plugin.manifestPath, plugin: pluginName, diagnostics: plugin.manifestDiagnostics,
      result: { format: 'claude-code', loads: plugin.manifest?.accepted ?? true, agent: null, diagnostics: plugin.manifestDiagnostics } });
  }
  const readText = (path: string) => {
    const read = readAgentFile(path);
    return 'text' in read ? read.text : '';
  };
  for (const agent of lintPluginAgents(plugin, pluginProfile(profile.version), readText)) linted.push({ path: agent.path, plugin: pluginName, result: agent.result, diagnostics: agent.diagnostics });
  return linted;
}

/** The agents of one project's folders, through a catalog so that duplicate names are reported. */
async function lintFolders(folders: AgentFolder[], report: (file: LintedFile) => void, profile: ClaudeCodeProfile): Promise<void> {
  const catalog = new AgentCatalog(folders);
  catalog.setProfile('claude-code', profile);
  const files: (string | LintedFile)[] = [];
  // Each name is ranked once at the end, not after every file that has it.
  await catalog.withRankingDeferred(async () => {
    for (const folder of folders) {
      for (const file of await findAgentFiles(folder)) {
        const read = file.unreadable ? { unreadable: file.unreadable } : readAgentFile(file.path);
        if ('text' in read) {
          catalog.update(file.path, read.text, read.byteLength);
          files.push(file.path);
        } else {
          files.push(unreadableFile(file.path, read.unreadable, folder.format));
        }
      }
    }
  });
  for (const file of files) {
    report(typeof file === 'string' ? { path: file, result: catalog.get(file)!.result, diagnostics: catalog.diagnostics(file) } : file);
  }
}

function toJson(file: LintedFile, path: string) {
  const { result } = file;
  return {
    path,
    format: result.format,
    ...(file.plugin !== undefined ? { plugin: file.plugin } : {}),
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

if (require.main === module) {
  // `agent-studio lint | head` closes the pipe early: that is the reader's choice, not an error to print a stack for.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (error: unknown) => {
    if (error instanceof UsageError || error instanceof TestRoutingUsageError) {
      process.stderr.write(`agent-studio: ${error.message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`agent-studio: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 2;
    }
  });
}
