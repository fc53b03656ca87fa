// `model`: an alias from the profile's field data, `inherit`, or a full model id; Claude Code ignores a non-string.
import type { RuleMeta } from '../../../lint/rule';
import { MODEL_ID_PATTERN } from '../fields';
import { allowedValues, describeType, type ClaudeCodeContext, type ClaudeCodeRule } from '../claudeCodeContext';

export const unknownModel: RuleMeta = { code: 'agent/unknown-model', severity: 'warning', title: 'Unknown model', explanation: 'Claude Code passes the value to the API as it is; an unknown alias or a misspelt id fails when the agent runs.' };
export const modelNotString: RuleMeta = { code: 'agent/model-not-string', severity: 'warning', title: '`model` is not a string', explanation: 'Claude Code ignores a non-string model and uses the default.' };

export const modelRule: ClaudeCodeRule = {
  metas: [unknownModel, modelNotString],
  check(ctx: ClaudeCodeContext): void {
    const entry = ctx.entry('model');
    const value = ctx.value('model');
    if (!entry || value === undefined || value === null) return;
    if (typeof value !== 'string') {
      ctx.report(modelNotString, `\`model\` is ${describeType(value)}; Claude Code ignores it and uses the default model.`, ctx.valueRange(entry));
      return;
    }
    const model = value.trim();
    if (model === '' || model.toLowerCase() === 'inherit') return;
    const aliases = allowedValues(ctx, 'model');
    if (!aliases.includes(model) && !MODEL_ID_PATTERN.test(model)) {
      const caseMatch = aliases.find((alias) => alias === model.toLowerCase());
      ctx.report(unknownModel, `Unknown model \`${model}\`: use ${aliases.map((alias) => `\`${alias}\``).join(', ')} or a full model id such as \`claude-sonnet-4-5\`.`, ctx.valueRange(entry),
        caseMatch ? { title: `Change to \`${caseMatch}\``, isPreferred: true, edits: [ctx.edit(entry.valueStart, entry.valueEnd, caseMatch)] } : undefined);
    }
  },
};

/** The model the agent runs on as Claude Code reads it: trimmed, `inherit` in any case, nothing for a non-string. */
export function loadedModel(ctx: ClaudeCodeContext): string | undefined {
  const value = ctx.value('model');
  if (typeof value !== 'string') return undefined;
  const model = value.trim();
  if (model === '') return undefined;
  return model.toLowerCase() === 'inherit' ? 'inherit' : model;
}
