// `agent-studio`: the engine on the command line. This file only dispatches: the arguments and usage are in
// arguments.ts, each command is a module in commands/, each output format a reporter in formats/.
import { USAGE, UsageError } from './arguments';
import { runDocs } from './commands/docs';
import { runLintCommand } from './commands/lint';
import { runTestRouting } from './commands/testRouting';
import { runVersion } from './commands/version';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? process.stderr : process.stdout).write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v' || command === 'version') return runVersion();
  if (command === 'docs') return runDocs();
  if (command === 'test-routing') return runTestRouting(rest);
  if (command === 'lint') return runLintCommand(rest);
  throw new UsageError(`unknown command '${command}'`);
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
