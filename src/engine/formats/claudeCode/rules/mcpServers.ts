// `mcpServers`: a list of server names or one-key `{name: config}` maps; Claude Code drops anything else.
import type { RuleMeta } from '../../../lint/rule';
import type { ClaudeCodeContext, ClaudeCodeRule } from '../claudeCodeContext';

export const invalidMcpServers: RuleMeta = { code: 'agent/invalid-mcp-servers', severity: 'warning', title: 'Invalid `mcpServers`', explanation: '`mcpServers` must be a list of server names or one-key `{name: config}` maps; Claude Code drops anything else.' };

export const mcpServersRule: ClaudeCodeRule = {
  metas: [invalidMcpServers],
  check(ctx: ClaudeCodeContext): void {
    const entry = ctx.entry('mcpServers');
    const value = ctx.value('mcpServers');
    if (!entry || value === undefined || value === null) return;
    const valid = Array.isArray(value) && value.every((item) => typeof item === 'string' || (typeof item === 'object' && item !== null && !Array.isArray(item) && Object.keys(item).length === 1));
    if (!valid) ctx.report(invalidMcpServers, '`mcpServers` must be a list of server names or one-key `{name: config}` maps; Claude Code drops the rest.', ctx.valueRange(entry));
  },
};
