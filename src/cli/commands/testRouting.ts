// `agent-studio test-routing [paths] [--runs N] [--parallel N] [--format text|json|junit] [--claude PATH]`:
// asks the user's Claude Code which agent it hands each example's prompt to, and reports what it chose.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { ROUTING_CASES_FILE, type RoutingCase } from '../../engine/routing/routingCases';
import { routingReportJson, routingReportJunit, routingReportText } from '../../engine/routing/routingReport';
import { enclosingAgentFolder, findAgentProjects } from '../../node/discovery';
import { projectCases } from '../../node/routing/projectCases';
import { claudeCodeVersion, ClaudeCodeUnavailableError, ensureClaudeCodeLoggedIn, runRoutingCases, RoutingCancelledError } from '../../node/routing/routingRunner';
import { parseTestRoutingArguments, UsageError } from '../arguments';

/** A project and, when only some of its files were named, the cases to keep. */
interface Target {
  project: string;
  keep?: (routingCase: RoutingCase) => boolean;
}

function targetsOf(paths: string[], cwd: string): Target[] {
  if (paths.length === 0) return projectsUnder(cwd);
  return paths.flatMap((given): Target[] => {
    const absolute = nodePath.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      throw new UsageError(`no such file or directory: ${given}`);
    }
    const folder = enclosingAgentFolder(absolute);
    if (folder?.format === 'claude-code' && folder.project) {
      const prefix = stat.isDirectory() ? absolute + nodePath.sep : absolute;
      return [{ project: folder.project, keep: (routingCase) => (stat.isDirectory() ? routingCase.file.startsWith(prefix) : routingCase.file === absolute) }];
    }
    if (!stat.isDirectory()) {
      if (absolute.endsWith(nodePath.join(...ROUTING_CASES_FILE.split('/')))) {
        return [{ project: nodePath.dirname(nodePath.dirname(absolute)), keep: (routingCase) => routingCase.file === absolute }];
      }
      throw new UsageError(`${given} is neither in a .claude/agents folder nor a ${ROUTING_CASES_FILE}`);
    }
    return projectsUnder(absolute);
  });
}

function projectsUnder(directory: string): Target[] {
  return findAgentProjects(directory, new Set(['node_modules', '.git']))
    .filter((project) => fs.existsSync(nodePath.join(project, '.claude', 'agents')))
    .map((project) => ({ project }));
}

export async function runTestRouting(args: string[], cwd = process.cwd()): Promise<number> {
  const options = parseTestRoutingArguments(args);
  const targets = targetsOf(options.paths, cwd);
  const display = (path: string) => nodePath.relative(cwd, path) || path;

  const groups: { project: string; cases: RoutingCase[] }[] = [];
  let problemCount = 0;
  for (const target of targets) {
    const found = await projectCases(target.project);
    for (const problem of found.problems) {
      problemCount++;
      process.stderr.write(`${display(problem.file)}:${problem.range.start.line + 1}:${problem.range.start.character + 1} error ${problem.message}\n`);
    }
    for (const unused of found.unused) process.stderr.write(`${display(unused.file)}: its examples are not run: ${unused.reason}\n`);
    const cases = target.keep ? found.cases.filter(target.keep) : found.cases;
    if (cases.length > 0) groups.push({ project: target.project, cases });
  }
  const caseCount = groups.reduce((sum, group) => sum + group.cases.length, 0);
  if (caseCount === 0) {
    process.stderr.write(`No routing cases: no <example> with a user turn in the agents' descriptions, and no ${ROUTING_CASES_FILE}.\n`);
    return problemCount > 0 ? 1 : 0;
  }

  try {
    const version = await claudeCodeVersion(options.claude);
    await ensureClaudeCodeLoggedIn(options.claude);
    const controller = new AbortController();
    const interrupt = () => controller.abort();
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    const results = [];
    try {
      for (const group of groups) {
        process.stderr.write(`Routing ${group.cases.length} case${group.cases.length === 1 ? '' : 's'} × ${options.runs} run${options.runs === 1 ? '' : 's'} in ${display(group.project) || '.'} with Claude Code ${version}…\n`);
        results.push(...(await runRoutingCases(group.cases, { executable: options.claude, cwd: group.project, runs: options.runs, parallel: options.parallel, signal: controller.signal })));
      }
    } finally {
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
    }
    if (options.format === 'json') process.stdout.write(`${JSON.stringify(routingReportJson(version, results, display))}\n`);
    else if (options.format === 'junit') process.stdout.write(routingReportJunit(version, results, display));
    else process.stdout.write(routingReportText(version, results, display));
    return results.every((result) => result.passed) && problemCount === 0 ? 0 : 1;
  } catch (error) {
    if (error instanceof ClaudeCodeUnavailableError) {
      process.stderr.write(`agent-studio: ${error.message}\n`);
      return 3;
    }
    if (error instanceof RoutingCancelledError) {
      process.stderr.write('agent-studio: cancelled; every Claude Code process was stopped.\n');
      return 1;
    }
    throw error;
  }
}
