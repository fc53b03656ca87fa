// VS Code reads Copilot front matter as strict YAML: what Claude Code would repair, it cannot read.
import type { RuleMeta } from '../../../lint/rule';
import type { CopilotContext, CopilotRule } from '../copilotContext';

export const copilotYamlSyntax: RuleMeta = { code: 'copilot/yaml-syntax', severity: 'error', title: 'YAML syntax error (Copilot)', explanation: 'VS Code parses the front matter as strict YAML; with an error the agent\'s settings are lost.' };

export const repairedYamlRule: CopilotRule = {
  metas: [copilotYamlSyntax],
  check(ctx: CopilotContext): void {
    if (!ctx.parsed.repaired) return;
    const first = ctx.parsed.repairedLines.at(0)!;
    ctx.report(copilotYamlSyntax, `VS Code cannot read this front matter: ${ctx.parsed.strictErrors[0]?.message ?? 'invalid YAML'}. Quote the value.`, ctx.range(first.start, first.end), {
      title: 'Quote the value', isPreferred: true, edits: ctx.repairQuotingEdits(),
    });
    ctx.skipsFile = true;
    ctx.stopsChecks = true;
  },
};
