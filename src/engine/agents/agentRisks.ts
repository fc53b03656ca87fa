// What an agent makes Claude Code run besides the model: hook commands, MCP servers, tools without permission prompts.
import { isRecord } from '../plainValues';

export type AgentRisk =
  | { kind: 'hook'; event: string; matcher?: string; command?: string }
  | { kind: 'mcp-server'; name: string; command?: string }
  | { kind: 'bypass-permissions' };

/** Everything in the front matter that runs code or skips a confirmation once Claude Code starts the agent. */
export function agentRisks(frontmatter: Record<string, unknown>): AgentRisk[] {
  return [...hookRisks(frontmatter.hooks), ...mcpServerRisks(frontmatter.mcpServers), ...(frontmatter.permissionMode === 'bypassPermissions' ? [{ kind: 'bypass-permissions' as const }] : [])];
}

function hookRisks(hooks: unknown): AgentRisk[] {
  if (!isRecord(hooks)) return [];
  const risks: AgentRisk[] = [];
  for (const [event, matchers] of Object.entries(hooks)) {
    const groups = Array.isArray(matchers) ? matchers : [matchers];
    const before = risks.length;
    for (const group of groups) {
      const matcher = isRecord(group) && typeof group.matcher === 'string' && group.matcher ? group.matcher : undefined;
      const commands = isRecord(group) && Array.isArray(group.hooks) ? group.hooks : [];
      for (const hook of commands) {
        const command = isRecord(hook) && typeof hook.command === 'string' ? hook.command : undefined;
        risks.push({ kind: 'hook', event, ...(matcher ? { matcher } : {}), ...(command ? { command } : {}) });
      }
    }
    // A hook whose shape we cannot read is still worth naming: Claude Code may read it differently.
    if (risks.length === before) risks.push({ kind: 'hook', event });
  }
  return risks;
}

function mcpServerRisks(servers: unknown): AgentRisk[] {
  if (!Array.isArray(servers)) return [];
  return servers.flatMap((server): AgentRisk[] => {
    if (typeof server === 'string') return [{ kind: 'mcp-server', name: server }];
    if (!isRecord(server)) return [];
    return Object.entries(server).map(([name, config]) => ({ kind: 'mcp-server' as const, name, ...serverCommand(config) }));
  });
}

function serverCommand(config: unknown): { command?: string } {
  if (!isRecord(config)) return {};
  if (typeof config.command === 'string') {
    const args = Array.isArray(config.args) ? config.args.filter((arg): arg is string => typeof arg === 'string') : [];
    return { command: [config.command, ...args].join(' ') };
  }
  return typeof config.url === 'string' ? { command: config.url } : {};
}

