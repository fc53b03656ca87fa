// The command line's words: its usage text, and each command's arguments read into options. A mistake in them is a
// UsageError: exit status 2, with the usage printed.
import { ROUTING_CASES_FILE } from '../engine/routing/routingCases';

export class UsageError extends Error {}

const TEST_ROUTING_USAGE = `test-routing  Runs every <example> of the project's Claude Code agents, and the cases in
       ${ROUTING_CASES_FILE}, through Claude Code (\`claude\` on PATH, or --claude PATH), and checks that
       it delegates each prompt to the agent that claims it. Claude Code may call no tool but the
       delegation itself; each run stops at the first decision (one model turn).
       Paths: projects (default: every project under the current directory), agent files or
       folders, or the cases file. --runs N runs each case N times (pass rate); --parallel N runs
       that many Claude Code processes at once (default 4); --format text|json|junit.
       Exit status: 0 all passed, 1 a case failed, 2 bad usage, 3 Claude Code missing or not logged in.`;

export const USAGE = `Usage: agent-studio lint [--format text|compact|json|sarif] [--claude-code-version x.y.z|auto|latest] [--] [paths...]
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

export type LintOutputFormat = 'text' | 'compact' | 'json' | 'sarif';
const LINT_OUTPUT_FORMATS: readonly LintOutputFormat[] = ['text', 'compact', 'json', 'sarif'];

export interface LintArguments {
  paths: string[];
  format: LintOutputFormat;
  claudeCodeVersion: string;
}

export function parseLintArguments(args: string[]): LintArguments {
  const paths: string[] = [];
  let format: LintOutputFormat = 'text';
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
      if (!LINT_OUTPUT_FORMATS.includes(value as LintOutputFormat)) throw new UsageError(`--format must be one of ${LINT_OUTPUT_FORMATS.join(', ')}, not '${value ?? ''}'`);
      format = value as LintOutputFormat;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option '${arg}'`);
    } else {
      paths.push(arg);
    }
  }
  return { paths, format, claudeCodeVersion };
}

export interface TestRoutingArguments {
  paths: string[];
  runs: number;
  parallel: number;
  format: 'text' | 'json' | 'junit';
  claude: string;
}

export function parseTestRoutingArguments(args: string[]): TestRoutingArguments {
  const parsed: TestRoutingArguments = { paths: [], runs: 1, parallel: 4, format: 'text', claude: 'claude' };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--') {
      parsed.paths.push(...args.slice(index + 1));
      break;
    }
    const option = /^--(runs|parallel|format|claude)(?:=(.*))?$/.exec(arg);
    if (option) {
      const value = option[2] ?? args[++index];
      if (value === undefined) throw new UsageError(`--${option[1]} needs a value`);
      if (option[1] === 'format') {
        if (value !== 'text' && value !== 'json' && value !== 'junit') throw new UsageError(`--format must be 'text', 'json' or 'junit', not '${value}'`);
        parsed.format = value;
      } else if (option[1] === 'claude') {
        parsed.claude = value;
      } else {
        const count = Number(value);
        if (!Number.isInteger(count) || count < 1 || count > 100) throw new UsageError(`--${option[1]} must be a whole number from 1 to 100, not '${value}'`);
        parsed[option[1] as 'runs' | 'parallel'] = count;
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option '${arg}'`);
    } else {
      parsed.paths.push(arg);
    }
  }
  return parsed;
}
