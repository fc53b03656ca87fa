// One entry point for "lint this file as the folder it lies in is read": a plugin's agents by the plugin loader's
// rules and under `plugin:agent` names, every other agent folder by its format's rules.
import type { AgentFolder } from '../formats/agentFiles';
import { lintPluginAgentFile } from '../formats/claudeCode/plugins/pluginAgents';
import { pluginNotLoaded } from '../formats/claudeCode/plugins/pluginMetas';
import { createDiagnostic } from '../lint/rule';
import type { FormatProfile } from '../formats/agentFileFormat';
import type { ClaudeCodeProfile } from '../formats/claudeCode/profiles';
import { lintAgentFile, type LintOptions } from '../lint/lint';
import type { LintResult } from '../lint/lintResult';

/**
 * `profile`: the version profile of the folder's format to lint by; the format's newest when not given. `fixChecks`: see
 * `LintOptions` (a plugin's agents, whose fixes are few and read at once, are always checked before returning).
 */
export function lintInFolder(text: string, path: string, folder: AgentFolder, byteLength?: number, profile?: FormatProfile, fixChecks?: LintOptions['fixChecks']): LintResult {
  const plugin = folder.plugin;
  if (!plugin) return lintAgentFile(text, { path, format: folder.format, byteLength, profile, fixChecks });
  // A listed file's name has no folder parts (measured: `./more/sub/deeper.md` loads as `plugin:deeper`).
  const relativePath = folder.files ? path.split(/[\\/]/).pop()! : relativeSlashPath(folder.path, path);
  const result = lintPluginAgentFile(text, { path, pluginName: plugin.name, relativePath, byteLength, claudeCodeProfile: profile as ClaudeCodeProfile | undefined });
  if (plugin.loads) return result;
  return { ...result, loads: false, diagnostics: [...result.diagnostics, createDiagnostic(pluginNotLoaded,
    'Claude Code loads nothing of this plugin, this agent included: it rejects the plugin\'s .claude-plugin/plugin.json (see the problems there).',
    { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })] };
}

/** `path` below `folder`, with `/` separators whatever the platform's. */
function relativeSlashPath(folder: string, path: string): string {
  const rest = path.slice(folder.length).replace(/^[\\/]+/, '');
  return rest.split(/[\\/]/).join('/');
}
