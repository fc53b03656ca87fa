// `agent-studio lint`: finds agent files as the tools find them (agent folders, projects, plugins, or every .md of a
// folder given by name), lints each under the chosen Claude Code's rules, and streams them to a reporter.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { AgentCatalog } from '../../engine/catalog/catalog';
import type { AgentFolder } from '../../engine/formats/agentFiles';
import type { ClaudeCodeProfile, ProfileChoice } from '../../engine/formats/claudeCode/profiles';
import { pluginProfile } from '../../engine/formats/claudeCode/profiles/pluginLoader';
import { formatForPath } from '../../engine/formats/registry';
import { lintAgentFile, unreadableResult } from '../../engine/lint/lint';
import { readAgentFile } from '../../node/agentFileReading';
import { chooseClaudeCodeProfile, describeProfiles } from '../../node/claudeCodeVersion';
import { agentFolders, enclosingAgentFolder, findAgentFiles, findAgentProjects } from '../../node/discovery';
import { lintPluginAgents } from '../../node/plugins/pluginAgentFiles';
import { enclosingPluginFolder, findPluginFolders, pluginRootAbove, type PluginFolder } from '../../node/plugins/pluginDiscovery';
import { parseLintArguments, UsageError, type LintOutputFormat } from '../arguments';
import { jsonReporter } from '../formats/json';
import { sarifReporter } from '../formats/sarif';
import { compactReporter, textReporter } from '../formats/text';
import { summaryLine, withTotals, type LintedFile, type LintReporter } from '../lintedFile';
import { colorsFor } from '../terminalColor';
import { escapeForTerminal } from '../terminalText';
import { CLI_VERSION } from './version';

export async function runLintCommand(args: string[]): Promise<number> {
  const { paths, format, claudeCodeVersion } = parseLintArguments(args);
  const choice = await chooseClaudeCodeProfile(claudeCodeVersion);
  if (!choice) throw new UsageError(`--claude-code-version must be x.y.z, auto or latest, not '${claudeCodeVersion}'; the rules know Claude Code ${describeProfiles()}`);
  return runLint(paths, format, choice);
}

async function runLint(paths: string[], format: LintOutputFormat, choice: ProfileChoice): Promise<number> {
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

function reporterFor(format: LintOutputFormat, display: (path: string) => string, cwd: string, noPathsGiven: boolean, choice: ProfileChoice): LintReporter {
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
