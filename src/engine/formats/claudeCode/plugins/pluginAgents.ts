// A plugin's agent file as Claude Code loads it: never skipped for its front matter (a name falls back to the file
// name, a description to "Agent from <plugin> plugin"), only for its size. Measured per version in pluginProfiles.ts.
import { detachedString } from '../../../text/detachedString';
import { stringOf } from '../../../text/boundedString';
import { splitFrontmatter } from '../../../frontmatter/frontmatter';
import type { FrontmatterEntry } from '../../../frontmatter/model';
import { parseFrontmatterYaml } from '../../../frontmatter/yamlFrontmatter';
import { createDiagnostic } from '../../../lint/rule';
import { pluginFrontmatterIgnored, pluginIgnoredKey, pluginNameTooLong } from './pluginMetas';
import { lintAgentFile } from '../../../lint/lint';
import { fileTooLarge } from '../../../lint/sharedMetas';
import type { FormatProfile } from '../../agentFileFormat';
import { TextPositions } from '../../../text/textPositions';
import { splitToolList } from '../../../frontmatter/toolList';
import type { AgentSummary, Diagnostic, Range } from '../../../types';
import type { LintResult } from '../../../lint/lintResult';
import { DEFAULT_PLUGIN_PROFILE, pluginProfile, type PluginLoaderProfile } from '../profiles/pluginLoader';

export interface PluginAgentLocation {
  /** The plugin's name (plugin.json `name`, else its folder's name): the first part of every agent's full name. */
  pluginName: string;
  /**
   * The file's path below the plugin's agents folder, `/`-separated (`review/security.md`): each folder adds a part to
   * the full name (`plug:review:security`). A file listed in the manifest's `agents` has just its file name here.
   */
  relativePath: string;
}

export interface PluginAgentIdentity {
  /** `<plugin>:<folders:>name`, as in the `init` event and `claude --agent`. */
  fullName: string;
  /** The agent's own part of the name. */
  name: string;
  nameFrom: 'frontmatter' | 'file-name';
  description: string;
  descriptionFrom: 'frontmatter' | 'default';
  /** Why the front matter was not read at all, when it was not. */
  frontmatterIgnored?: 'none' | 'byte-order-mark' | 'yaml' | 'nul';
}

/** The name and description Claude Code gives a plugin's agent file (files over 1 MiB are not loaded at all). */
export function pluginAgentIdentity(text: string, location: PluginAgentLocation, profile: PluginLoaderProfile = DEFAULT_PLUGIN_PROFILE): PluginAgentIdentity {
  const { values, ignored } = readFrontmatterValues(text, profile);
  const fileName = location.relativePath.split('/').pop()!;
  const fileNameBase = fileName.replace(/\.md$/i, '');
  const declaredName = stringified(values.name);
  const nameTooLong = declaredName !== undefined && profile.maxNameLength !== undefined && declaredName.length > profile.maxNameLength;
  const name = declaredName === undefined || nameTooLong ? fileNameBase : declaredName;
  const declaredDescription = stringified(values.description);
  const folders = location.relativePath.split('/').slice(0, -1);
  const identity: PluginAgentIdentity = {
    fullName: [location.pluginName, ...folders, name].join(':'),
    name,
    nameFrom: name === declaredName ? 'frontmatter' : 'file-name',
    description: declaredDescription ?? `Agent from ${location.pluginName} plugin`,
    descriptionFrom: declaredDescription === undefined ? 'default' : 'frontmatter',
  };
  if (ignored) identity.frontmatterIgnored = ignored;
  return identity;
}

/** The loader stringifies any value it finds (`true`, `42`, `a,b`); absent, null and empty mean "not given". */
function stringified(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = stringOf(value);
  return text === '' ? undefined : text;
}

function readFrontmatterValues(text: string, profile: PluginLoaderProfile): { values: Record<string, unknown>; ignored?: PluginAgentIdentity['frontmatterIgnored'] } {
  const hasByteOrderMark = text.charCodeAt(0) === 0xfeff;
  const block = splitFrontmatter(hasByteOrderMark && profile.stripsByteOrderMark ? text.slice(1) : text);
  if (!block) return { values: {}, ignored: hasByteOrderMark && !profile.stripsByteOrderMark ? 'byte-order-mark' : 'none' };
  let yamlText = block.yamlText;
  const nul = yamlText.indexOf('\0');
  if (nul >= 0) {
    if (profile.nulInFrontmatter === 'breaks-yaml') return { values: {}, ignored: 'nul' };
    yamlText = yamlText.slice(0, nul);
  }
  const parsed = parseFrontmatterYaml(yamlText);
  if (parsed.failed) return { values: {}, ignored: 'yaml' };
  return { values: parsed.values };
}

export interface PluginLintOptions extends PluginAgentLocation {
  path: string;
  byteLength?: number;
  /** How the plugin loader of the active Claude Code version differs. */
  profile?: PluginLoaderProfile;
  /** The active Claude Code profile, for the rules plugin agents share with .claude/agents. */
  claudeCodeProfile?: FormatProfile;
}

/** Problems a project agent is skipped for that only mean "front matter not read" in a plugin. */
const frontmatterLevelErrors = new Set([
  'agent/binary-content', 'agent/missing-frontmatter', 'agent/bom', 'agent/leading-blank-lines', 'agent/indented-frontmatter',
  'agent/frontmatter-language', 'agent/malformed-delimiter', 'agent/unclosed-frontmatter', 'agent/cr-line-endings',
  'agent/yaml-syntax', 'agent/frontmatter-not-a-map',
]);
/** Project-agent rules the plugin loader does not have: it accepts these names as they are. */
// The plugin loader takes any name (an over-long one falls back to the file name: plugin/name-too-long says so).
const notPluginRules = new Set(['agent/name-leading-dash', 'agent/name-colon', 'agent/name-too-long', 'agent/name-shadows-built-in']);

/**
 * Lints a plugin's agent file: the project agent rules where the plugin loader reads the same way, its own verdicts
 * where it differs. Errors only for what the plugin loader drops (a file over 1 MiB); a front matter it cannot read is a
 * warning that says under which name and description the file loads instead.
 */
export function lintPluginAgentFile(text: string, options: PluginLintOptions): LintResult {
  const profile = options.profile ?? (options.claudeCodeProfile ? pluginProfile(options.claudeCodeProfile.version) : DEFAULT_PLUGIN_PROFILE);
  const base = lintAgentFile(text, { path: options.path, format: 'claude-code', byteLength: options.byteLength, profile: options.claudeCodeProfile });
  // The one thing the plugin loader drops a file for, as it does in .claude/agents.
  if (base.diagnostics.some((diagnostic) => diagnostic.code === fileTooLarge.code)) return base;

  const identity = pluginAgentIdentity(text, options, profile);
  const positions = new TextPositions(text);
  const stripsMark = profile.stripsByteOrderMark && text.charCodeAt(0) === 0xfeff;
  const entries = stripsMark || !identity.frontmatterIgnored ? frontmatterEntries(text, profile) : undefined;
  const ignoredSpans = entries ? ignoredKeySpans(entries, positions, profile) : [];
  const loadsAs = `\`${identity.fullName}\``;
  const defaultDescription = `"${identity.description}"`;

  const diagnostics: Diagnostic[] = [];
  for (const diagnostic of base.diagnostics) {
    if (notPluginRules.has(diagnostic.code)) continue;
    if (diagnostic.code === 'agent/bom' && profile.stripsByteOrderMark) continue;
    // A key the plugin loader ignores: what is wrong inside its value no longer matters.
    if (ignoredSpans.some((span) => contains(span.range, diagnostic.range)) && diagnostic.code !== 'agent/duplicate-key') continue;
    if (frontmatterLevelErrors.has(diagnostic.code)) {
      diagnostics.push({ ...diagnostic, severity: 'warning', message: `Claude Code ignores this plugin agent's front matter and loads it as ${loadsAs}, described as ${defaultDescription}, with every tool: ${reasonOf(diagnostic.message)}` });
    } else if (diagnostic.code === 'agent/missing-name') {
      if (identity.frontmatterIgnored) continue;
      diagnostics.push({ ...diagnostic, severity: 'info', message: `No \`name\`: this plugin agent loads under its file name, as ${loadsAs}.` });
    } else if (diagnostic.code === 'agent/name-not-string') {
      diagnostics.push({ ...diagnostic, severity: 'warning', message: `\`name\` is not a string: this plugin agent loads as ${loadsAs}, the value turned into text.` });
    } else if (diagnostic.code === 'agent/missing-description' || diagnostic.code === 'agent/description-not-string') {
      if (identity.frontmatterIgnored) continue;
      const what = diagnostic.code === 'agent/missing-description' ? 'has no `description`' : '`description` is not a string';
      const outcome = identity.descriptionFrom === 'default' ? `it loads described as ${defaultDescription}, which never tells Claude when to use it` : `it loads described as "${identity.description}"`;
      diagnostics.push({ ...diagnostic, severity: 'warning', message: `This plugin agent ${what}: ${outcome}.` });
    } else if (diagnostic.severity === 'error') {
      // A project-agent error this module does not know: in a plugin the file still loads, so it cannot be an error.
      diagnostics.push({ ...diagnostic, severity: 'warning', message: `${diagnostic.message} (In a plugin the file still loads, as ${loadsAs}.)` });
    } else {
      diagnostics.push(diagnostic);
    }
  }

  const opener = positions.rangeOf(0, Math.min(3, text.length));
  if (identity.frontmatterIgnored === 'byte-order-mark') {
    if (!diagnostics.some((diagnostic) => diagnostic.code === 'agent/bom')) {
      diagnostics.push({ code: 'agent/bom', severity: 'warning', range: opener, message: `Claude Code ${profile.id} sees no front matter behind the byte-order mark and loads this plugin agent as ${loadsAs}, described as ${defaultDescription}.`,
        fixes: [{ title: 'Remove the byte-order mark', isPreferred: true, edits: [{ range: positions.rangeOf(0, 1), newText: '' }] }] });
    }
  }
  if (identity.frontmatterIgnored === 'nul') {
    const offset = text.indexOf('\0');
    diagnostics.push(createDiagnostic(pluginFrontmatterIgnored, `Claude Code ${profile.id} cannot parse front matter with a NUL byte: it loads this plugin agent as ${loadsAs}, described as ${defaultDescription}, with every tool.`, positions.rangeOf(offset, offset + 1)));
  } else if (profile.nulInFrontmatter === 'ends-yaml' && text.includes('\0') && !identity.frontmatterIgnored) {
    const offset = text.indexOf('\0');
    diagnostics.push(createDiagnostic(pluginFrontmatterIgnored, `Claude Code ${profile.id} stops reading the front matter at this NUL byte; everything after it is lost. It loads as ${loadsAs}.`, positions.rangeOf(offset, offset + 1)));
  }
  if (entries && profile.maxNameLength !== undefined) {
    const nameEntry = lastEntry(entries.entries, 'name');
    const declared = nameEntry ? stringified(nameEntry.value) : undefined;
    if (nameEntry && declared !== undefined && declared.length > profile.maxNameLength) {
      diagnostics.push(createDiagnostic(pluginNameTooLong, `Claude Code ${profile.id} ignores a plugin agent's \`name\` over ${profile.maxNameLength} characters (this one has ${declared.length}) and loads it as ${loadsAs}.`, entryRange(positions, nameEntry)));
    }
  }
  for (const span of ignoredSpans) {
    diagnostics.push(createDiagnostic(pluginIgnoredKey, `Claude Code ignores \`${span.key}\` in plugin agents (it works only in .claude/agents/).`, span.keyRange,
      { title: `Remove \`${span.key}\``, isPreferred: true, edits: [{ range: span.range, newText: '' }] }));
  }

  const agent: AgentSummary = {
    ...(base.agent ?? (entries ? summaryFields(entries.entries) : {})),
    // Copies, not views into the file's text: the catalog keeps summaries of every agent (see detachedString).
    name: detachedString(identity.fullName),
    ownName: detachedString(identity.name),
    description: detachedString(identity.description),
  };
  if (identity.frontmatterIgnored) {
    delete agent.model;
    delete agent.tools;
    delete agent.color;
    delete agent.nameRange;
  } else if (identity.nameFrom === 'frontmatter' && entries) {
    const nameEntry = lastEntry(entries.entries, 'name');
    if (nameEntry) agent.nameRange = entryRange(positions, nameEntry);
  } else {
    delete agent.nameRange;
  }
  return { format: 'claude-code', loads: true, agent, diagnostics };
}

/** The project rule's reason, without its "Claude Code skips this file" verdict, which is wrong for a plugin. */
function reasonOf(message: string): string {
  return message.replace(/^Claude Code (?:skips this file|skips the file|cannot parse this front matter[^:]*?and skips the file)(?::\s*|,\s*|\s+)/i, '').replace(/^./, (first) => first.toLowerCase());
}

interface ShiftedEntries {
  /** Entries with offsets into the whole text. */
  entries: FrontmatterEntry[];
  /** Offset (in the whole text) of the closing `---`. */
  yamlEnd: number;
}

function frontmatterEntries(text: string, profile: PluginLoaderProfile): ShiftedEntries | undefined {
  const offset = profile.stripsByteOrderMark && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const block = splitFrontmatter(offset ? text.slice(offset) : text);
  if (!block) return undefined;
  const parsed = parseFrontmatterYaml(block.yamlText);
  if (parsed.failed || parsed.notAMap) return undefined;
  const shift = offset + block.yamlStart;
  return {
    entries: parsed.entries.map((entry) => ({ ...entry, keyStart: entry.keyStart + shift, keyEnd: entry.keyEnd + shift, valueStart: entry.valueStart + shift, valueEnd: entry.valueEnd + shift })),
    yamlEnd: shift + block.yamlText.length,
  };
}

/**
 * Model, tools and colour read straight from the front matter, for a file the project rules would skip (a name with a
 * leading `-`, no name): the plugin loader still loads it with these.
 */
function summaryFields(entries: FrontmatterEntry[]): Partial<AgentSummary> {
  const fields: Partial<AgentSummary> = {};
  const model = lastEntry(entries, 'model')?.value;
  if (typeof model === 'string' && model !== '') fields.model = model;
  const color = lastEntry(entries, 'color')?.value;
  if (typeof color === 'string' && color !== '') fields.color = color;
  const tools = lastEntry(entries, 'tools')?.value;
  if (typeof tools === 'string') fields.tools = splitToolList(tools);
  else if (Array.isArray(tools)) fields.tools = tools.filter((tool): tool is string => typeof tool === 'string').flatMap(splitToolList);
  return fields;
}

function lastEntry(entries: FrontmatterEntry[], key: string): FrontmatterEntry | undefined {
  for (let index = entries.length - 1; index >= 0; index--) if (entries[index].key === key) return entries[index];
  return undefined;
}

function entryRange(positions: TextPositions, entry: FrontmatterEntry): Range {
  return entry.valueNode ? positions.rangeOf(entry.valueStart, entry.valueEnd) : positions.rangeOf(entry.keyStart, entry.keyEnd);
}

interface IgnoredKeySpan {
  key: string;
  keyRange: Range;
  /** From the key's line start to the next key's line start: what removing the key deletes. */
  range: Range;
}

function ignoredKeySpans(shifted: ShiftedEntries, positions: TextPositions, profile: PluginLoaderProfile): IgnoredKeySpan[] {
  const { entries, yamlEnd } = shifted;
  const text = positions.text;
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const spans: IgnoredKeySpan[] = [];
  entries.forEach((entry, index) => {
    if (!profile.ignoredKeys.includes(entry.key)) return;
    const start = lineStart(entry.keyStart);
    const next = entries[index + 1];
    const end = next ? lineStart(next.keyStart) : yamlEnd;
    // Only a key on a line of its own can be removed by deleting lines.
    const removable = text.slice(start, entry.keyStart).trim() === '' && end > start;
    spans.push({ key: entry.key, keyRange: positions.rangeOf(entry.keyStart, entry.keyEnd), range: removable ? positions.rangeOf(start, end) : positions.rangeOf(entry.keyStart, entry.keyEnd) });
  });
  return spans;
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
