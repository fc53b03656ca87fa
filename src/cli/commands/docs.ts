// `agent-studio docs`: docs/diagnostics.md, every diagnostic code and the front matter schema, from the rule metas.
import { renderDiagnosticsDoc } from '../../engine/lint/docs';

export function runDocs(): number {
  process.stdout.write(renderDiagnosticsDoc());
  return 0;
}
