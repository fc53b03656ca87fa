// What Claude Code runs besides the model when it starts an agent: hook commands, MCP servers, helper commands, and
// permission modes that change what it asks. Some come from the agent file, some from the project it runs in.
import { isRecord } from '../plainValues';

/** Where a risk is configured: the agent file itself, or a project file Claude Code reads (`.mcp.json`). */
interface RiskOrigin {
  /** The project file, relative to the project (`.claude/settings.json`); absent for the agent file. */
  origin?: string;
}

export type AgentRisk = RiskOrigin & (
  | { kind: 'hook'; event: string; matcher?: string; command?: string }
  | { kind: 'mcp-server'; name: string; command?: string }
  /** Any mode but `default`: each one changes what Claude Code asks before a tool runs. */
  | { kind: 'permission-mode'; mode: string }
  /** A settings key whose value is a shell command Claude Code runs (`apiKeyHelper`). */
  | { kind: 'settings-command'; key: string; command: string }
  /** A project file that could not be read as JSON: what it configures cannot be listed. */
  | { kind: 'unreadable-settings' }
);

/** Everything in the front matter that runs code or changes a confirmation once Claude Code starts the agent. */
export function agentRisks(frontmatter: Record<string, unknown>): AgentRisk[] {
  return [...hookRisks(frontmatter.hooks), ...mcpServerRisks(frontmatter.mcpServers), ...permissionModeRisks(frontmatter.permissionMode)];
}

/** A project file Claude Code reads when it runs there, as read: `json` is undefined when it is not valid JSON. */
export interface ProjectRunFile {
  /** Relative to the project: `.claude/settings.json`, `.claude/settings.local.json` or `.mcp.json`. */
  path: string;
  json: unknown;
}

/** Settings keys whose values Claude Code runs as shell commands. */
const COMMAND_SETTINGS = ['apiKeyHelper', 'awsAuthRefresh', 'awsCredentialExport', 'otelHeadersHelper'];

/** What the project's own files make Claude Code run: settings hooks, helper commands, `.mcp.json` servers, a default mode. */
export function projectRisks(files: readonly ProjectRunFile[]): AgentRisk[] {
  const risks: AgentRisk[] = [];
  for (const file of files) {
    const origin = { origin: file.path };
    if (!isRecord(file.json)) {
      risks.push({ kind: 'unreadable-settings', ...origin });
      continue;
    }
    const json = file.json;
    const found: AgentRisk[] = [
      ...hookRisks(json.hooks),
      ...Object.entries(isRecord(json.mcpServers) ? json.mcpServers : {}).map(([name, config]): AgentRisk => ({ kind: 'mcp-server', name, ...serverCommand(config) })),
      ...COMMAND_SETTINGS.flatMap((key): AgentRisk[] => (typeof json[key] === 'string' && json[key] ? [{ kind: 'settings-command', key, command: json[key] as string }] : [])),
      ...(isRecord(json.statusLine) && typeof json.statusLine.command === 'string' ? [{ kind: 'settings-command' as const, key: 'statusLine', command: json.statusLine.command }] : []),
      ...permissionModeRisks(isRecord(json.permissions) ? json.permissions.defaultMode : undefined),
    ];
    for (const risk of found) risks.push({ ...risk, ...origin });
  }
  return risks;
}

function permissionModeRisks(mode: unknown): AgentRisk[] {
  return typeof mode === 'string' && mode !== '' && mode !== 'default' ? [{ kind: 'permission-mode', mode }] : [];
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

