// Every diagnostic the engine can report, collected from the rules' metas: the linter's own (sharedMetas), each
// format's, and the catalog's. docs/diagnostics.md is generated from this list (`agent-studio docs`).
import { duplicateName, shadowed } from '../catalog/catalog';
import { descriptionOverlap, exampleOverlap } from '../catalog/overlapDiagnostics';
import { formatMetas } from '../formats/agentFileFormat';
import { agentFileFormats } from '../formats/registry';
import { pluginMetas } from '../formats/claudeCode/plugins/pluginMetas';
import type { RuleMeta } from './rule';
import * as sharedMetas from './sharedMetas';

function collect(): RuleMeta[] {
  const byCode = new Map<string, RuleMeta>();
  for (const meta of [...Object.values(sharedMetas), ...agentFileFormats.flatMap(formatMetas), ...pluginMetas, duplicateName, shadowed, exampleOverlap, descriptionOverlap]) {
    const known = byCode.get(meta.code);
    // One code, one meaning: two formats may report a code only by sharing its meta.
    if (known && known !== meta) throw new Error(`Two metas declare ${meta.code}`);
    byCode.set(meta.code, meta);
  }
  return [...byCode.values()];
}

export const allDiagnosticCodes: readonly RuleMeta[] = collect();
