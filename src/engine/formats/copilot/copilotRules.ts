// GitHub Copilot custom agents (`*.agent.md`, `.github/agents/`, legacy `*.chatmode.md`). VS Code reads their front
// matter as strict YAML; only `description` is required, and the name defaults to the file name.
import { agentFileNameBase } from '../agentFiles';
import { boundedString } from '../../text/boundedString';
import { detachedString } from '../../text/detachedString';
import type { FrontmatterContext } from '../../lint/frontmatterContext';
import { copilotFormat } from '../schema';
import type { AgentSummary } from '../../types';

const KNOWN_KEYS = new Set(copilotFormat.fields.map((field) => field.key));

export function applyCopilotRules(ctx: FrontmatterContext): AgentSummary | null {
  if (ctx.parsed.repaired) {
    const first = ctx.parsed.repairedLines[0];
    ctx.report('copilot/yaml-syntax', `VS Code cannot read this front matter: ${ctx.parsed.strictErrors[0]?.message ?? 'invalid YAML'}. Quote the value.`, ctx.range(first.start, first.end), {
      title: 'Quote the value', isPreferred: true, edits: ctx.parsed.repairedLines.map((line) => ctx.edit(line.start, line.end, line.replacement)),
    });
    return null;
  }
  const descriptionEntry = ctx.entry('description');
  const description = ctx.value('description');
  let loads = true;
  if (typeof description !== 'string' || description.trim() === '') {
    loads = false;
    const text = 'description: Describe what this agent does';
    ctx.report('copilot/missing-description', 'A Copilot custom agent needs a `description`.', descriptionEntry ? ctx.valueRange(descriptionEntry) : ctx.openerRange, {
      title: 'Add a description', isPreferred: true,
      edits: [descriptionEntry ? ctx.edit(descriptionEntry.keyStart, Math.max(descriptionEntry.valueEnd, descriptionEntry.keyEnd + 1), text) : ctx.insertionAtStart([text])],
    });
  }
  const target = ctx.entry('target');
  const allowedTargets = copilotFormat.fields.find((field) => field.key === 'target')!.values!.map((value) => value.value);
  if (target && !allowedTargets.includes(boundedString(ctx.value('target')))) {
    ctx.report('copilot/invalid-value', `\`target\` must be one of ${allowedTargets.map((value) => `\`${value}\``).join(', ')}.`, ctx.valueRange(target));
  }
  const tools = ctx.entry('tools');
  const toolsValue = ctx.value('tools');
  if (tools && toolsValue !== null && !Array.isArray(toolsValue)) {
    ctx.report('copilot/invalid-value', '`tools` must be a YAML list, such as `[\'search\', \'edit\']`.', ctx.valueRange(tools));
  }
  for (const entry of ctx.parsed.entries) {
    if (!KNOWN_KEYS.has(entry.key)) ctx.report('agent/unknown-key', `Copilot custom agents do not use \`${entry.key}\`.`, ctx.keyRange(entry));
  }
  if (!loads) return null;
  const name = ctx.value('name');
  const fileName = agentFileNameBase(ctx.path);
  const model = ctx.value('model');
  const nameEntry = typeof name === 'string' && name.trim() !== '' ? ctx.entry('name') : undefined;
  return {
    name: detachedString(typeof name === 'string' && name.trim() !== '' ? name : fileName),
    ...(nameEntry ? { nameRange: ctx.valueRange(nameEntry) } : {}),
    description: detachedString(description as string),
    ...(typeof model === 'string' ? { model: detachedString(model) } : {}),
    ...(Array.isArray(toolsValue) ? { tools: toolsValue.filter((tool): tool is string => typeof tool === 'string') } : {}),
  };
}
