// The output for people: problems grouped under each file in the order the file reads, aligned, coloured at a
// terminal; and `compact`, one `path:line:col severity code message` line per problem, for editors' and CI's problem
// matchers. Both end with the summary line on stdout.
import type { Diagnostic } from '../../engine/types';
import { isSkippedAgent, summaryLine, withTotals, type LintReporter } from '../lintedFile';
import type { Colors } from '../terminalColor';
import { escapeForTerminal } from '../terminalText';

type Write = (text: string) => void;

export function textReporter(display: (path: string) => string, colors: Colors, write: Write): LintReporter {
  const grouped: LintReporter = {
    file(file) {
      if (file.diagnostics.length === 0) return;
      const skipped = isSkippedAgent(file) ? ` ${colors.error(`(skipped: ${file.result.format === 'copilot' ? 'VS Code' : 'Claude Code'} does not load it)`)}` : '';
      // The engine reports rule by rule; people read a file top to bottom.
      const diagnostics = [...file.diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      const positions = diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`);
      const width = Math.max(...positions.map((position) => position.length));
      const lines = diagnostics.map((diagnostic, index) =>
        `  ${colors.dim(positions[index].padEnd(width))}  ${severityLabel(diagnostic, colors)}  ${escapeForTerminal(diagnostic.message)}  ${colors.dim(diagnostic.code)}`);
      write(`${colors.underline(escapeForTerminal(display(file.path)))}${skipped}\n${lines.join('\n')}\n\n`);
    },
    end() {},
  };
  return withTotals(grouped, (totals) => {
    const summary = summaryLine(totals);
    write(`${totals.errors > 0 ? colors.bold(colors.error(summary)) : totals.warnings > 0 ? colors.bold(colors.warning(summary)) : colors.bold(summary)}\n`);
  });
}

function severityLabel(diagnostic: Diagnostic, colors: Colors): string {
  const label = diagnostic.severity.padEnd(7);
  return diagnostic.severity === 'error' ? colors.error(label) : diagnostic.severity === 'warning' ? colors.warning(label) : colors.note(label);
}

export function compactReporter(display: (path: string) => string, write: Write): LintReporter {
  const lines: LintReporter = {
    file(file) {
      const path = escapeForTerminal(display(file.path));
      for (const diagnostic of file.diagnostics) {
        const { line, character } = diagnostic.range.start;
        write(`${path}:${line + 1}:${character + 1} ${diagnostic.severity} ${diagnostic.code} ${escapeForTerminal(diagnostic.message)}\n`);
      }
    },
    end() {},
  };
  return withTotals(lines, (totals) => write(`${summaryLine(totals)}\n`));
}
