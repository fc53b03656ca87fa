// Runs an agent through the Claude Code CLI (`claude -p --agents <json> --agent NAME`), streaming its stream-json output.
import { newestClaudeCodeProfile } from '../../engine/formats/claudeCode/profiles';
import { valuesOf } from '../../engine/formats/fieldSchema';
import { isRecord } from '../../engine/plainValues';
import { abortable, abortableWait } from '../abortable';
import { AnthropicStreamReader, numberOrUndefined, totalInputTokens } from '../anthropic/anthropicEvents';
import { JsonLinesDecoder } from './jsonLines';
import { spawnProcessGroup, type ProcessExit } from './processGroup';
import { redactSecrets } from '../redact';
import { cancelledError, ProviderError, providerLabels, type AgentDefinition, type Provider, type RunEvent, type RunRequest } from '../types';

export interface ClaudeCodeOptions {
  /** Path or name (looked up on PATH) of the `claude` executable. Default `claude`. */
  executable?: string;
  /** Added to the extension's environment, e.g. `ANTHROPIC_BASE_URL`; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Sets `CLAUDE_CODE_MAX_RETRIES`; by default the CLI retries a failed request 10 times over about three minutes. */
  maxRetries?: number;
}

/**
 * The `--agents` entry Claude Code accepts (measured for the newest profile, src/engine/formats/claudeCode/profiles/): `description` and `prompt` (non-empty) plus optional keys checked by
 * its schema. One invalid value makes the CLI drop the agent, so optional values of the wrong shape are left out here,
 * as Claude Code itself ignores them when it loads the file.
 */
export function buildClaudeAgentJson(agent: AgentDefinition, modelOverride?: string): Record<string, unknown> {
  if (!agent.name.trim() || agent.name.startsWith('-')) {
    throw new ProviderError('invalid-agent', `Claude Code cannot run an agent named "${agent.name}": the name must be non-empty and must not start with "-".`, 'openAgent');
  }
  if (!agent.description.trim()) {
    throw new ProviderError('invalid-agent', `Agent "${agent.name}" has no description; Claude Code requires one.`, 'openAgent');
  }
  if (!agent.body.trim()) {
    throw new ProviderError('invalid-agent', `Agent "${agent.name}" has an empty body; Claude Code needs it as the system prompt.`, 'openAgent');
  }
  const entry: Record<string, unknown> = { description: agent.description, prompt: agent.body };
  const model = (modelOverride ?? agent.model)?.trim();
  if (model) entry.model = model;
  if (agent.tools) entry.tools = agent.tools;
  if (agent.disallowedTools) entry.disallowedTools = agent.disallowedTools;
  for (const [key, read] of Object.entries(optionalKeys)) {
    const value = read(agent.frontmatter[key]);
    if (value !== undefined) entry[key] = value;
  }
  return entry;
}

/** argv for `spawn('claude', args)`; `--` keeps a prompt that starts with `-` from being read as an option. */
export function buildClaudeCodeArgs(agent: AgentDefinition, prompt: string, modelOverride?: string): string[] {
  // An installed plugin's agent is Claude Code's own: `--agent plugin:agent` runs it as the plugin defines it.
  if (agent.installedPlugin !== undefined) {
    return ['-p', '--agent', agent.name, ...(modelOverride ? ['--model', modelOverride] : []), '--output-format', 'stream-json', '--verbose', '--include-partial-messages', '--', prompt];
  }
  const agents = JSON.stringify({ [agent.name]: buildClaudeAgentJson(agent, modelOverride) });
  return ['-p', '--agents', agents, '--agent', agent.name, '--output-format', 'stream-json', '--verbose', '--include-partial-messages', '--', prompt];
}

const isString = (value: unknown) => typeof value === 'string';
const accept = (test: (value: unknown) => boolean) => (value: unknown) => (test(value) ? value : undefined);
/** A key's accepted values, from the newest profile's field data (the `--agents` schema lists the same). */
const oneOf = (key: string) => {
  const allowed = valuesOf(newestClaudeCodeProfile.fields, key);
  return accept((value) => typeof value === 'string' && allowed.includes(value));
};

/** Frontmatter keys the CLI's `--agents` schema knows, each reading a value into what the schema accepts, or undefined. */
const optionalKeys: Record<string, (value: unknown) => unknown> = {
  effort: accept((value) => oneOf('effort')(value) !== undefined || Number.isInteger(value)),
  permissionMode: oneOf('permissionMode'),
  mcpServers: accept((value) => Array.isArray(value) && value.every((server) => isString(server) || isRecord(server))),
  hooks: accept(isRecord),
  maxTurns: accept((value) => Number.isInteger(value) && (value as number) > 0),
  skills: accept((value) => Array.isArray(value) && value.every(isString)),
  initialPrompt: accept(isString),
  memory: oneOf('memory'),
  // YAML authors write `background: "true"`; Claude Code's file loader accepts that, its JSON schema does not.
  background: (value) => (value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined),
  isolation: oneOf('isolation'),
};

/** Maps what Claude Code printed about a failure (result text, stderr) to a ProviderError. */
export function claudeCodeErrorFromText(text: string, status?: number): ProviderError {
  const detail = redactSecrets(text.trim()).slice(0, 500) || 'no details';
  if (/^--agent '.*' not found/m.test(text)) {
    return new ProviderError('invalid-agent', `Claude Code rejected the agent definition (${detail}). Check the frontmatter values, e.g. hooks and mcpServers.`, 'openAgent');
  }
  if (status === 401 || status === 403 || /\b401\b|invalid api key|authentication|not logged in|\/login|oauth token/i.test(text)) {
    return new ProviderError('unauthorized', `Claude Code could not sign in: ${detail}. Run \`claude\` in a terminal and log in, or set ANTHROPIC_API_KEY.`, 'loginClaude');
  }
  if (status === 429 || /\b429\b|rate.?limit/i.test(text)) {
    return new ProviderError('rate-limited', `Claude Code was rate-limited: ${detail}. Wait a moment and run again.`, 'retry');
  }
  if (status === 404 || /selected model|model.{0,40}(not exist|not found|not available)/i.test(text)) {
    return new ProviderError('unknown-model', `Claude Code could not use the model: ${detail}. Pick another \`model\` in the agent's frontmatter.`, 'openAgent');
  }
  if (/unable to connect|connection ?refused|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|getaddrinfo|network/i.test(text)) {
    return new ProviderError('unreachable', `Claude Code could not reach the API: ${detail}. Check the network or ANTHROPIC_BASE_URL.`, 'retry');
  }
  return new ProviderError('failed', `Claude Code failed: ${detail}`);
}

/**
 * Turns stream-json lines into RunEvents. Throws a ProviderError for an error result, and for a 401/403 the CLI
 * would otherwise retry for minutes (the profiled versions retry even a rejected key).
 */
export class ClaudeStreamParser {
  private readonly lines = new JsonLinesDecoder();
  private readonly reader = new AnthropicStreamReader();
  private model: string | undefined;
  sawResult = false;

  push(chunk: Buffer | string): RunEvent[] {
    return this.lines.push(chunk).flatMap((line) => this.read(line));
  }

  end(): RunEvent[] {
    return this.lines.end().flatMap((line) => this.read(line));
  }

  private read(line: unknown): RunEvent[] {
    if (!isRecord(line)) return [];
    switch (line.type) {
      case 'stream_event':
        // Events of sub-agents the agent started carry their parent's tool id; only the agent's own answer is shown.
        return line.parent_tool_use_id ? [] : this.reader.read(line.event).filter((event) => event.type !== 'usage');
      case 'system':
        return this.readSystem(line);
      case 'result':
        return [this.readResult(line)];
      default:
        return [];
    }
  }

  private readSystem(line: Record<string, unknown>): RunEvent[] {
    // Claude Code names the model `claude-opus-4-8[1m]`; the bracket marks the 1M-token context variant.
    if (line.subtype === 'init' && typeof line.model === 'string') this.model = line.model.replace(/\[\w+\]$/, '');
    if (line.subtype !== 'api_retry') return [];
    const status = numberOrUndefined(line.error_status);
    if (status === 401 || status === 403) throw claudeCodeErrorFromText(String(line.error ?? 'authentication failed'), status);
    return [{ type: 'retry', attempt: numberOrUndefined(line.attempt) ?? 1, maxRetries: numberOrUndefined(line.max_retries), delayMs: numberOrUndefined(line.retry_delay_ms), status }];
  }

  private readResult(line: Record<string, unknown>): RunEvent {
    this.sawResult = true;
    if (line.is_error === true || (typeof line.subtype === 'string' && line.subtype.startsWith('error'))) {
      const text = typeof line.result === 'string' && line.result ? line.result : resultSubtypeText(line.subtype);
      throw claudeCodeErrorFromText(text, numberOrUndefined(line.api_error_status));
    }
    const usage = isRecord(line.usage) ? line.usage : {};
    return {
      type: 'usage',
      inputTokens: totalInputTokens(usage),
      outputTokens: numberOrUndefined(usage.output_tokens),
      costUsd: numberOrUndefined(line.total_cost_usd),
      durationMs: numberOrUndefined(line.duration_ms),
      model: this.model,
    };
  }
}

function resultSubtypeText(subtype: unknown): string {
  if (subtype === 'error_max_turns') return 'the agent reached its maxTurns limit before answering';
  return typeof subtype === 'string' ? subtype.replace(/_/g, ' ') : 'error';
}

/** RunEvents from the CLI's stdout; see ClaudeStreamParser. */
export async function* parseClaudeStreamJson(chunks: AsyncIterable<Buffer | string>, parser = new ClaudeStreamParser()): AsyncGenerator<RunEvent, void, undefined> {
  for await (const chunk of chunks) yield* parser.push(chunk);
  yield* parser.end();
}

export function createClaudeCodeProvider(options: ClaudeCodeOptions = {}): Provider {
  return { id: 'claude-code', label: providerLabels['claude-code'], run: (request) => runClaudeCode(request, options) };
}

async function* runClaudeCode(request: RunRequest, options: ClaudeCodeOptions): AsyncGenerator<RunEvent, void, undefined> {
  const args = buildClaudeCodeArgs(request.agent, request.prompt, request.modelOverride);
  if (request.signal.aborted) throw cancelledError();
  const executable = options.executable?.trim() || 'claude';
  const processGroup = spawnProcessGroup(executable, args, { cwd: request.cwd, env: claudeEnvironment(options) });
  const { child, exited } = processGroup;
  // Stopped from the abort itself, not only from `finally`: an extension host shutting down aborts its runs and may
  // never resume this generator, and the CLI's process group is detached, so nothing else would end it.
  const stopOnAbort = () => processGroup.stop();
  request.signal.addEventListener('abort', stopOnAbort, { once: true });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-8192); });
  let finished = false;
  try {
    const parser = new ClaudeStreamParser();
    yield* abortable(parseClaudeStreamJson(child.stdout, parser), request.signal);
    const exit = await abortableWait(exited, request.signal);
    if (!parser.sawResult) throw exitError(exit, executable, stderr);
    finished = true;
  } catch (error) {
    if (request.signal.aborted) throw cancelledError();
    throw error;
  } finally {
    request.signal.removeEventListener('abort', stopOnAbort);
    if (!finished) processGroup.stop();
  }
}

function claudeEnvironment(options: ClaudeCodeOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  if (options.maxRetries !== undefined) env.CLAUDE_CODE_MAX_RETRIES = String(options.maxRetries);
  return env;
}

function exitError(exit: ProcessExit, executable: string, stderr: string): ProviderError {
  if (exit.error?.code === 'ENOENT' || exit.error?.code === 'EACCES') {
    return new ProviderError('not-found', `Claude Code was not found at "${executable}" (${exit.error.code}). Install it or set its path in the settings.`, 'installClaude', { cause: exit.error });
  }
  if (exit.error) return new ProviderError('failed', `Claude Code could not be started: ${exit.error.message}`, undefined, { cause: exit.error });
  const ending = exit.signal ? `was stopped by ${exit.signal}` : `exited with code ${exit.code}`;
  return claudeCodeErrorFromText(stderr.trim() || `Claude Code ${ending} without a result`);
}
