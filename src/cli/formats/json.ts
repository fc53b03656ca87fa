// `--format json`: a header naming the Claude Code whose rules apply, then every file with its agent and diagnostics,
// streamed one file per line.
import type { ProfileChoice } from '../../engine/formats/claudeCode/profiles';
import type { Diagnostic, Fix } from '../../engine/types';
import type { LintedFile, LintReporter } from '../lintedFile';

export function jsonReporter(display: (path: string) => string, choice: ProfileChoice): LintReporter {
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
