// Lints every agent file of a plugin as Claude Code loads it: under `<plugin>:<name>`, the first file of a full name
// winning over later ones (measured: `one.md` before `two.md`).
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
  const firstByName = new Map<string, string>();
  return folder.agentFiles.map((file) => {
    const text = file.size > MAX_AGENT_FILE_BYTES ? '' : readText(file.path);
    const result = lintPluginAgentFile(text, { path: file.path, pluginName, relativePath: file.relativePath, byteLength: file.size, profile });
    const diagnostics = [...result.diagnostics];
    if (rejected) {
      result.loads = false;
      diagnostics.push(createDiagnostic(pluginNotLoaded, 'Claude Code loads nothing of this plugin, this agent included: it rejects the plugin\'s .claude-plugin/plugin.json (see the problems there).', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }));
    }
    const name = result.loads ? result.agent?.name : undefined;
    if (name !== undefined) {
      const first = firstByName.get(name);
      if (first === undefined) {
        firstByName.set(name, file.relativePath);
      } else {
        diagnostics.push(createDiagnostic(duplicateName, `\`${name}\` is also defined by ${first} in this plugin, which Claude Code loads first: this file is not used.`, result.agent?.nameRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }));
      }
    }
    return { path: file.path, relativePath: file.relativePath, result, diagnostics };
  });
}

/** The full names Claude Code loads from a plugin, each once (what the loader fixtures compare with the real CLI). */
export function loadedPluginAgentNames(agents: readonly LintedPluginAgent[]): string[] {
  const names = new Set<string>();
  for (const agent of agents) if (agent.result.loads && agent.result.agent) names.add(agent.result.agent.name);
  return [...names].sort();
}
