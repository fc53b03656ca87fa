// SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`): one run, every diagnostic code as a rule
// with its documentation, each problem as a result at its file and range.
import * as nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import { allDiagnosticCodes } from '../../engine/lint/diagnosticCodes';
import type { Diagnostic } from '../../engine/types';
import type { LintReporter } from '../lintedFile';

function artifactLocation(path: string, root: string): { uri: string; uriBaseId?: string } {
  const relative = nodePath.relative(root, path);
  if (relative.startsWith('..') || nodePath.isAbsolute(relative)) return { uri: pathToFileURL(path).href };
  return { uri: relative.split(nodePath.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const levels: Record<Diagnostic['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * Streams the log: the rules first, then each file's results as it is checked. Files under `root` (the checked-out
 * repository) are located relative to it, as code scanning resolves them.
 */
export function sarifReporter(root: string, version: string, write: (text: string) => void): LintReporter {
  const rules = allDiagnosticCodes.map((meta) => ({
    id: meta.code,
    name: meta.title,
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.explanation },
    help: { text: meta.fixDescription ? `${meta.explanation}\n\nQuick fix: ${meta.fixDescription}` : meta.explanation },
    defaultConfiguration: { level: levels[meta.severity] },
  }));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const tool = { driver: { name: 'agent-studio', version, semanticVersion: version, rules } };
  write(`{"$schema":${JSON.stringify(SARIF_SCHEMA)},"version":"2.1.0","runs":[{"tool":${JSON.stringify(tool)},"columnKind":"utf16CodeUnits","results":[`);
  let first = true;
  return {
    file(file) {
      for (const diagnostic of file.diagnostics) {
        const result = {
          ruleId: diagnostic.code,
          ...(ruleIndex.has(diagnostic.code) ? { ruleIndex: ruleIndex.get(diagnostic.code) } : {}),
          level: levels[diagnostic.severity],
          message: { text: diagnostic.message },
          locations: [{
            physicalLocation: {
              artifactLocation: artifactLocation(file.path, root),
              // SARIF counts lines and columns from 1, in UTF-16 code units like the engine; the end column is exclusive.
              region: {
                startLine: diagnostic.range.start.line + 1,
                startColumn: diagnostic.range.start.character + 1,
                endLine: diagnostic.range.end.line + 1,
                endColumn: diagnostic.range.end.character + 1,
              },
            },
          }],
        };
        write(`${first ? '' : ','}\n${JSON.stringify(result)}`);
        first = false;
      }
    },
    end() {
      write(']}]}\n');
    },
  };
}
