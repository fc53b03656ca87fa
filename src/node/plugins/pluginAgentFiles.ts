// Lints every agent file of a plugin as Claude Code loads it: under `<plugin>:<name>`, with what Claude Code does when
// two files give one full name.
import * as fs from 'node:fs';
import { duplicateName } from '../../engine/catalog/catalog';
import { createDiagnostic } from '../../engine/lint/rule';
import { pluginNotLoaded } from '../../engine/formats/claudeCode/plugins/pluginMetas';
import { MAX_AGENT_FILE_BYTES } from '../../engine/lint/lint';
import { lintPluginAgentFile } from '../../engine/formats/claudeCode/plugins/pluginAgents';
import { DEFAULT_PLUGIN_PROFILE, type PluginLoaderProfile } from '../../engine/formats/claudeCode/profiles/pluginLoader';
import type { Diagnostic } from '../../engine/types';
import type { LintResult } from '../../engine/lint/lintResult';
import type { PluginFolder } from './pluginDiscovery';

export interface LintedPluginAgent {
  path: string;
  relativePath: string;
  result: LintResult;
  /** The engine's diagnostics plus duplicate names within the plugin. */
  diagnostics: Diagnostic[];
}

/** The plugin's agent files, linted; when Claude Code rejects the plugin, none of them loads (its manifest says why). */
export function lintPluginAgents(folder: PluginFolder, profile: PluginLoaderProfile = DEFAULT_PLUGIN_PROFILE, readText: (path: string) => string = (path) => fs.readFileSync(path, 'utf8')): LintedPluginAgent[] {
  const pluginName = folder.name ?? folder.displayName;
  const rejected = folder.name === undefined;
  const linted = folder.agentFiles.map((file): LintedPluginAgent => {
    const text = file.size > MAX_AGENT_FILE_BYTES ? '' : readText(file.path);
    const result = lintPluginAgentFile(text, { path: file.path, pluginName, relativePath: file.relativePath, byteLength: file.size, profile });
    const diagnostics = [...result.diagnostics];
    if (rejected) {
      result.loads = false;
      diagnostics.push(createDiagnostic(pluginNotLoaded, 'Claude Code loads nothing of this plugin, this agent included: it rejects the plugin\'s .claude-plugin/plugin.json (see the problems there).', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }));
    }
    return { path: file.path, relativePath: file.relativePath, result, diagnostics };
  });
  const byName = new Map<string, LintedPluginAgent[]>();
  for (const agent of linted) {
    const name = agent.result.loads ? agent.result.agent?.name : undefined;
    if (name !== undefined) byName.set(name, [...(byName.get(name) ?? []), agent]);
  }
  for (const [name, namesakes] of byName) {
    if (namesakes.length < 2) continue;
    // Measured (test/fixtures/plugin-loader, duplicate-*): of the files a plugin.json lists, the last one of a name
    // wins; in a scanned agents/ folder the winner changed between identical runs of both profiled versions.
    const winner = folder.listedAgentFiles ? namesakes[namesakes.length - 1] : undefined;
    for (const agent of namesakes) {
      const others = namesakes.filter((other) => other !== agent).map((other) => other.relativePath).join(', ');
      const message = !winner
        ? `\`${name}\` is also defined by ${others} in this plugin; Claude Code reads a plugin's agent files concurrently, so which one it uses changes from run to run.`
        : agent === winner
          ? `\`${name}\` is also defined by ${others}, listed earlier in plugin.json; Claude Code uses this file, the last one listed.`
          : `\`${name}\` is also defined by ${winner.relativePath}, listed later in plugin.json, which Claude Code uses: this file is not used.`;
      agent.diagnostics.push(createDiagnostic(duplicateName, message, agent.result.agent?.nameRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }));
    }
  }
  return linted;
}

/** The full names Claude Code loads from a plugin, each once (what the loader fixtures compare with the real CLI). */
export function loadedPluginAgentNames(agents: readonly LintedPluginAgent[]): string[] {
  const names = new Set<string>();
  for (const agent of agents) if (agent.result.loads && agent.result.agent) names.add(agent.result.agent.name);
  return [...names].sort();
}
