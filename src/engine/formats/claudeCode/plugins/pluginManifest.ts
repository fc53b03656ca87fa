// `.claude-plugin/plugin.json` as Claude Code reads it: the plugin's name (the namespace of its agents) and which agent
// files it has. A manifest Claude Code rejects drops the whole plugin, so those problems are errors.
import { createDiagnostic } from '../../../lint/rule';
import { agentsFolderUnused, manifestAgentMissing, manifestAgentPath, manifestInvalid } from './pluginMetas';
import { TextPositions } from '../../../text/textPositions';
import type { Diagnostic, Range } from '../../../types';
import { DEFAULT_PLUGIN_PROFILE, type PluginLoaderProfile } from '../profiles/pluginLoader';

export interface PluginManifest {
  /** The name Claude Code uses; `undefined` when the manifest is rejected. */
  name?: string;
  /** `name` as written, when it is a string, even in a rejected manifest. */
  declaredName?: string;
  /** The manifest's `agents` paths (`./x.md`), which replace the scan of `agents/`; absent when not given. */
  agentPaths?: string[];
  /** False when Claude Code refuses this manifest and loads nothing of the plugin. */
  accepted: boolean;
  diagnostics: Diagnostic[];
}

/** Top-level fields whose type Claude Code checks (the rest of its schema is in schemas/claude-plugin.schema.json). */
const stringFields = ['version', 'description', 'repository', 'license', 'displayName', 'homepage'];

export function readPluginManifest(text: string, profile: PluginLoaderProfile = DEFAULT_PLUGIN_PROFILE): PluginManifest {
  const positions = new TextPositions(text);
  const whole = positions.rangeOf(0, Math.min(text.length, 1));
  const reject = (message: string, range: Range = whole): PluginManifest =>
    ({ accepted: false, diagnostics: [createDiagnostic(manifestInvalid, message, range)] });
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return reject(`Claude Code cannot parse this plugin.json (${error instanceof Error ? error.message : 'invalid JSON'}) and loads none of the plugin.`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return reject('plugin.json must be a JSON object; Claude Code loads none of the plugin.');
  const manifest = value as Record<string, unknown>;
  const rangeOfKey = (key: string) => keyRange(text, positions, key) ?? whole;
  const diagnostics: Diagnostic[] = [];
  const invalid = (key: string, message: string) => diagnostics.push(createDiagnostic(manifestInvalid, message, rangeOfKey(key)));

  const name = manifest.name;
  if (typeof name !== 'string' || name === '') invalid('name', 'plugin.json needs a `name` (a non-empty string): without it Claude Code loads none of the plugin.');
  else if (/\s/.test(name)) invalid('name', `Plugin names cannot contain spaces ("${name}"): Claude Code loads none of the plugin. Use kebab-case.`);
  else if (name.includes(':') && !profile.pluginNameMayContainColon) invalid('name', `Claude Code ${profile.id} loads no agents of a plugin whose name contains \`:\` (it separates the plugin from the agent in \`plugin:agent\`).`);
  for (const key of stringFields) {
    if (manifest[key] !== undefined && typeof manifest[key] !== 'string') invalid(key, `\`${key}\` must be a string; Claude Code rejects the manifest and loads none of the plugin.`);
  }

  let agentPaths: string[] | undefined;
  const agents = manifest.agents;
  if (agents !== undefined) {
    const list = typeof agents === 'string' ? [agents] : Array.isArray(agents) ? agents : undefined;
    if (!list) {
      invalid('agents', '`agents` must be a path (`./agents/x.md`) or a list of them; Claude Code rejects the manifest.');
    } else {
      agentPaths = [];
      for (const entry of list) {
        if (typeof entry !== 'string' || !entry.startsWith('./') || !entry.toLowerCase().endsWith('.md')) {
          diagnostics.push(createDiagnostic(manifestAgentPath, `Each \`agents\` entry must be a file path starting with \`./\` and ending in \`.md\` (a folder is not accepted): ${JSON.stringify(entry)} makes Claude Code reject the manifest and load none of the plugin.`,
            typeof entry === 'string' ? stringRange(text, positions, entry) ?? rangeOfKey('agents') : rangeOfKey('agents')));
        } else {
          agentPaths.push(entry);
        }
      }
    }
  }
  const accepted = diagnostics.every((diagnostic) => diagnostic.severity !== 'error');
  const declaredName = typeof name === 'string' && name !== '' ? name : undefined;
  return { name: accepted ? declaredName : undefined, declaredName, agentPaths, accepted, diagnostics };
}

/** Warnings for manifest `agents` paths that name no file (`exists` answers for a path relative to the plugin root). */
export function missingManifestAgents(text: string, agentPaths: readonly string[], exists: (relativePath: string) => boolean): Diagnostic[] {
  const positions = new TextPositions(text);
  return agentPaths.filter((path) => !path.split('/').includes('..') && !exists(path.slice(2))).map((path) => createDiagnostic(manifestAgentMissing,
    `\`${path}\` names no file: Claude Code logs an error and loads the plugin without this agent (\`agents\` replaces the \`agents/\` folder).`,
    stringRange(text, positions, path) ?? positions.rangeOf(0, 0)));
}

/**
 * A warning on `agents` when the plugin's `agents/` folder holds agent files the manifest does not list: Claude Code
 * loads only the listed ones (`agentsFolderFiles`: paths below `agents/`, `/`-separated).
 */
export function unlistedAgentsFolderFiles(text: string, agentPaths: readonly string[], agentsFolderFiles: readonly string[]): Diagnostic[] {
  const listed = new Set(agentPaths.map((path) => path.slice(2).split('/').filter((part) => part !== '.').join('/')));
  const unlisted = agentsFolderFiles.filter((file) => !listed.has(`agents/${file}`));
  if (unlisted.length === 0) return [];
  const shown = unlisted.length > 5 ? `${unlisted.slice(0, 5).join(', ')} and ${unlisted.length - 5} more` : unlisted.join(', ');
  const positions = new TextPositions(text);
  return [createDiagnostic(agentsFolderUnused,
    `\`agents\` lists the plugin's agent files, so Claude Code does not load the ones in agents/ it leaves out: ${shown}. List them here, or remove \`agents\` to have the folder scanned.`,
    keyRange(text, positions, 'agents') ?? positions.rangeOf(0, 0))];
}

/**
 * The same warning on a file of that agents/ folder, for whoever opens it there (`relativePath`: below the plugin root,
 * `/`-separated): Claude Code does not load it, and Agent Studio does not check it as an agent.
 */
export function unlistedAgentFile(text: string, relativePath: string): Diagnostic {
  const positions = new TextPositions(text);
  return createDiagnostic(agentsFolderUnused,
    `Claude Code does not load this file: the plugin's .claude-plugin/plugin.json lists its agent files (\`agents\`), which replaces the scan of agents/, and \`./${relativePath}\` is not among them. Add it to \`agents\` to have it loaded (and checked here as an agent).`,
    positions.rangeOf(0, Math.min(text.length, 3)));
}

function keyRange(text: string, positions: TextPositions, key: string): Range | undefined {
  const offset = text.indexOf(JSON.stringify(key));
  return offset < 0 ? undefined : positions.rangeOf(offset, offset + JSON.stringify(key).length);
}

function stringRange(text: string, positions: TextPositions, value: string): Range | undefined {
  const literal = JSON.stringify(value);
  const offset = text.indexOf(literal);
  return offset < 0 ? undefined : positions.rangeOf(offset, offset + literal.length);
}
