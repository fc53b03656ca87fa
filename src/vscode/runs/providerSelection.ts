// Picks the model back end from the settings (or finds one, for `auto`) and loads it: the SDK-backed ones from their own
// bundles, so neither activation nor dist/extension.js carries an SDK.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import vscode = require('vscode');
import * as claudeCodeModule from '../../providers/claudeCode/claudeCode';
import { createProvider, type NodeProviderId, type ProviderModuleLoader, type ProviderModules } from '../../providers';
import { noLanguageModelError } from '../../providers/languageModelErrors';
import { ProviderError, providerLabels, type AgentDefinition, type Provider, type ProviderId } from '../../providers/types';
import { Disposable } from '../base/disposable';
import type { ApiKeys } from './secrets';
import { createVscodeLanguageModelProvider, selectLanguageModel } from './vscodeLanguageModelProvider';

export type ProviderSetting = 'auto' | ProviderId;

const providerSettings: readonly ProviderSetting[] = ['auto', 'claude-code', 'anthropic', 'openai-compatible', 'vscode-lm'];

export interface PreparedProvider {
  provider: Provider;
  /** The model asked for, as the run header shows it; undefined means the back end's default. */
  model?: string;
  /** Values no run document may contain. */
  secrets: string[];
}

/** `auto` found nothing to run with; the failure message offers each way to set one up. */
export class NoProviderAvailableError extends ProviderError {
  constructor(claudePath: string) {
    super('not-found', `No model provider is available: Claude Code did not run as "${claudePath}", and no VS Code language model is installed. Install Claude Code, set an Anthropic API key, or point Agent Studio at an OpenAI-compatible server.`, 'openSettings');
  }
}

/** A negative answer is asked again after this long, so installing Claude Code mid-session is noticed. */
const CLAUDE_RECHECK_MS = 30_000;

export class ProviderResolver extends Disposable {
  private readonly claudeChecks = new Map<string, { runs: Promise<boolean>; checkedAt: number }>();

  constructor(private readonly keys: ApiKeys) {
    super();
    this._register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('agentStudio')) this.claudeChecks.clear();
    }));
  }

  setting(): ProviderSetting {
    const value = configuration().get<string>('provider', 'auto');
    return providerSettings.includes(value as ProviderSetting) ? (value as ProviderSetting) : 'auto';
  }

  claudePath(): string {
    return configuration().get<string>('claudeCode.path', 'claude').trim() || 'claude';
  }

  /** A label for runs that failed before a back end was chosen. */
  settingLabel(setting: ProviderSetting = this.setting()): string {
    return setting === 'auto' ? vscode.l10n.t('Automatic') : providerLabels[setting];
  }

  async prepare(agent: AgentDefinition, setting: ProviderSetting = this.setting()): Promise<PreparedProvider> {
    const secrets = await this.keys.all();
    switch (setting) {
      case 'claude-code':
        return { provider: await createProvider({ id: 'claude-code', options: { executable: this.claudePath() } }, loadBundled), model: agent.model, secrets };
      case 'anthropic':
        return this.prepareAnthropic(agent, secrets);
      case 'openai-compatible':
        return this.prepareOpenAICompatible(agent, secrets);
      case 'vscode-lm':
        return this.prepareLanguageModel(agent, secrets, true);
      case 'auto':
        if (await this.claudeRuns()) return this.prepare(agent, 'claude-code');
        return (await this.prepareLanguageModel(agent, secrets, false)) ?? Promise.reject(new NoProviderAvailableError(this.claudePath()));
    }
  }

  /** Whether `claude --version` succeeds (no shell); cached per path. */
  claudeRuns(executable = this.claudePath()): Promise<boolean> {
    const cached = this.claudeChecks.get(executable);
    if (cached && Date.now() - cached.checkedAt < CLAUDE_RECHECK_MS) return cached.runs;
    const runs = new Promise<boolean>((resolve) => {
      const child = spawn(executable, ['--version'], { stdio: 'ignore', windowsHide: true, timeout: 10_000 });
      child.once('error', () => resolve(false));
      child.once('exit', (code) => resolve(code === 0));
    });
    const entry = { runs, checkedAt: Date.now() };
    // Once it ran, it stays known to run for the session (until the settings change).
    void runs.then((ok) => ok && (entry.checkedAt = Infinity));
    this.claudeChecks.set(executable, entry);
    return runs;
  }

  private async prepareAnthropic(agent: AgentDefinition, secrets: string[]): Promise<PreparedProvider> {
    const anthropic = loadBundled('anthropic');
    const modelAliases = { ...anthropic.defaultModelAliases, ...stringRecord(configuration().get('anthropic.modelAliases')) };
    const provider = await createProvider({ id: 'anthropic', options: {
      apiKey: await this.keys.get('anthropic'),
      baseUrl: configuration().get<string>('anthropic.baseUrl') || undefined,
      modelAliases,
    } }, loadBundled);
    return { provider, model: anthropic.resolveAnthropicModel(agent.model, { modelAliases }), secrets };
  }

  private async prepareOpenAICompatible(agent: AgentDefinition, secrets: string[]): Promise<PreparedProvider> {
    const openai = loadBundled('openai-compatible');
    const model = configuration().get<string>('openai.model')?.trim() || undefined;
    // Throws unknown-model (with Open Settings) before anything opens when no model is set.
    const resolvedModel = openai.resolveOpenAIModel(agent, { model });
    const provider = await createProvider({ id: 'openai-compatible', options: {
      baseUrl: configuration().get<string>('openai.baseUrl') || undefined,
      model,
      apiKey: await this.keys.get('openai-compatible'),
    } }, loadBundled);
    return { provider, model: resolvedModel, secrets };
  }

  private async prepareLanguageModel(agent: AgentDefinition, secrets: string[], required: true): Promise<PreparedProvider>;
  private async prepareLanguageModel(agent: AgentDefinition, secrets: string[], required: false): Promise<PreparedProvider | undefined>;
  private async prepareLanguageModel(agent: AgentDefinition, secrets: string[], required: boolean): Promise<PreparedProvider | undefined> {
    const model = await selectLanguageModel(agent.model).catch(() => undefined);
    if (!model) {
      if (required) throw noLanguageModelError();
      return undefined;
    }
    return { provider: createVscodeLanguageModelProvider(model), model: model.name, secrets };
  }
}

function configuration(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('agentStudio');
}

/**
 * The extension's loader of back ends: Claude Code's is in this bundle; each SDK-backed one is its own esbuild entry in
 * dist/providers/, required by a computed path, which keeps esbuild from inlining it.
 */
const loadBundled: ProviderModuleLoader = (id) =>
  (id === 'claude-code' ? claudeCodeModule : require(path.join(__dirname, 'providers', `${bundleFiles[id]}.js`))) as ProviderModules[typeof id];

/** The esbuild entry names of esbuild.js. */
const bundleFiles: Record<NodeProviderId, string> = { 'claude-code': 'extension', anthropic: 'anthropic', 'openai-compatible': 'openaiCompatible' };

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  // Lower-case keys: the Anthropic provider looks an alias up in lower case.
  return Object.fromEntries(Object.entries(value)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '')
    .map(([alias, model]) => [alias.toLowerCase(), model.trim()]));
}
