// `target` from the field data, and `tools` as a list: the values a Copilot custom agent accepts.
import { boundedString } from '../../../text/boundedString';
import type { RuleMeta } from '../../../lint/rule';
import { valuesOf } from '../../fieldSchema';
import { copilotFields } from '../fields';
import type { CopilotContext, CopilotRule } from '../copilotContext';

export const copilotInvalidValue: RuleMeta = { code: 'copilot/invalid-value', severity: 'warning', title: 'Value not accepted (Copilot)', explanation: 'The value is not one the Copilot custom-agent format accepts for this key.' };

const allowedTargets = valuesOf(copilotFields, 'target');

export const valuesRule: CopilotRule = {
  metas: [copilotInvalidValue],
  check(ctx: CopilotContext): void {
    const target = ctx.entry('target');
    if (target && !allowedTargets.includes(boundedString(ctx.value('target')))) {
      ctx.report(copilotInvalidValue, `\`target\` must be one of ${allowedTargets.map((value) => `\`${value}\``).join(', ')}.`, ctx.valueRange(target));
    }
    const tools = ctx.entry('tools');
    const toolsValue = ctx.value('tools');
    if (tools && toolsValue !== null && !Array.isArray(toolsValue)) {
      ctx.report(copilotInvalidValue, '`tools` must be a YAML list, such as `[\'search\', \'edit\']`.', ctx.valueRange(tools));
    }
  },
};
