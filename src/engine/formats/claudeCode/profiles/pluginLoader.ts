// How each profiled Claude Code version loads the agents of a plugin (`<plugin>/agents/**/*.md`). Measured with the real
// CLI (`claude --plugin-dir`) and recorded in test/fixtures/plugin-loader; see docs/claude-code-plugins.md.
import { compareVersions, newestClaudeCodeProfile } from './index';

export type PluginProfileId = '2.1.197' | '2.1.332';

export interface PluginLoaderProfile {
  id: PluginProfileId;
  /** 2.1.332 strips a UTF-8 byte-order mark before looking for `---`; 2.1.197 then sees no front matter. */
  stripsByteOrderMark: boolean;
  /** A longer `name` is ignored (the file name is used instead): 2.1.332 only. */
  maxNameLength?: number;
  /**
   * A NUL byte in the front matter: 2.1.197's YAML parser stops reading there (the rest of the front matter is lost);
   * 2.1.332's refuses it (the whole front matter is ignored).
   */
  nulInFrontmatter: 'ends-yaml' | 'breaks-yaml';
  /** Keys a plugin agent may write but the loader ignores, with a debug-log warning. */
  ignoredKeys: readonly string[];
  /** Whether a `:` in a plugin's own name (plugin.json) still loads its agents. */
  pluginNameMayContainColon: boolean;
  /** Whether a user or project agent of the same full name wins over a plugin agent (2.1.332 rejects `:` in those names). */
  userAndProjectAgentsShadowPlugins: boolean;
}

export const pluginLoaderProfiles: Record<PluginProfileId, PluginLoaderProfile> = {
  '2.1.197': {
    id: '2.1.197',
    stripsByteOrderMark: false,
    nulInFrontmatter: 'ends-yaml',
    ignoredKeys: ['permissionMode', 'hooks', 'mcpServers'],
    pluginNameMayContainColon: true,
    userAndProjectAgentsShadowPlugins: true,
  },
  '2.1.332': {
    id: '2.1.332',
    stripsByteOrderMark: true,
    maxNameLength: 256,
    nulInFrontmatter: 'breaks-yaml',
    ignoredKeys: ['permissionMode', 'hooks', 'mcpServers', 'initialPrompt'],
    pluginNameMayContainColon: false,
    userAndProjectAgentsShadowPlugins: false,
  },
};

/**
 * The plugin loader of a Claude Code version: the newest measured one at or before it (the plugin loader was measured on
 * two releases only, so a release between them is read by the older one's rules); no version: the newest.
 */
export function pluginProfile(version: string | undefined): PluginLoaderProfile {
  const measured = (Object.keys(pluginLoaderProfiles) as PluginProfileId[]).sort(compareVersions);
  if (version === undefined) return pluginLoaderProfiles[measured[measured.length - 1]];
  const atOrBefore = measured.filter((candidate) => compareVersions(candidate, version) <= 0);
  return pluginLoaderProfiles[atOrBefore.length > 0 ? atOrBefore[atOrBefore.length - 1] : measured[0]];
}

/** The plugin rules of the active Claude Code profile (the newest the engine has), so plugin and project rules agree. */
export const DEFAULT_PLUGIN_PROFILE: PluginLoaderProfile = pluginProfile(newestClaudeCodeProfile.version);
