// An agent file's text turned into what a model back end runs: the engine's verdict plus the body and the front matter,
// from the one parse the agent model makes.
import { splitToolList } from '../frontmatter/toolList';
import { lintInFolder } from '../catalog/folderLint';
import type { AgentFolder } from '../formats/agentFiles';
import { splitFrontmatter } from '../frontmatter/frontmatter';
import { parseFrontmatterYaml } from '../frontmatter/yamlFrontmatter';
import type { LintOptions } from '../lint/lint';
import type { AgentDefinition, Diagnostic } from '../types';
import type { LintResult } from '../lint/lintResult';
import { readAgent } from './agent';

/** An agent definition read from a file, so it always has a path. */
export interface RunnableAgent extends AgentDefinition {
  path: string;
}

export type RunnableAgentResult =
  | { runnable: true; agent: RunnableAgent; lint: LintResult }
  /** The tool would skip the file; `firstError` is where to send the user. */
  | { runnable: false; lint: LintResult; firstError?: Diagnostic };

/** `folder`, when known, decides the rules: a plugin's agents folder lints by the plugin loader's and names `plugin:agent`. */
export function runnableAgentFromText(text: string, options: LintOptions & { folder?: AgentFolder }): RunnableAgentResult {
  if (options.folder?.plugin) return runnablePluginAgent(text, options, options.folder);
  const { lint, agent: read } = readAgent(text, options);
  if (!read) {
    const firstError = lint.diagnostics.find((diagnostic) => diagnostic.severity === 'error') ?? lint.diagnostics[0];
    return { runnable: false, lint, firstError };
  }
  const { summary, values: frontmatter } = read;
  const disallowedTools = toolNames(frontmatter.disallowedTools);
  const agent: RunnableAgent = {
    name: summary.name,
    description: summary.description,
    body: read.body.text,
    frontmatter,
    path: options.path,
    ...(summary.model !== undefined ? { model: summary.model } : {}),
    ...(summary.tools !== undefined ? { tools: summary.tools } : {}),
    ...(disallowedTools !== undefined ? { disallowedTools } : {}),
  };
  return { runnable: true, agent, lint };
}
/** A plugin's agent: it loads even without readable front matter, and then the whole file is its prompt. */
function runnablePluginAgent(text: string, options: LintOptions, folder: AgentFolder): RunnableAgentResult {
  const lint = lintInFolder(text, options.path, folder, options.byteLength);
  if (!lint.loads || !lint.agent) {
    const firstError = lint.diagnostics.find((diagnostic) => diagnostic.severity === 'error') ?? lint.diagnostics[0];
    return { runnable: false, lint, firstError };
  }
  const block = splitFrontmatter(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const parsed = block ? parseFrontmatterYaml(block.yamlText) : undefined;
  const frontmatter = parsed && !parsed.failed && !parsed.notAMap ? parsed.values : {};
  const disallowedTools = toolNames(frontmatter.disallowedTools);
  const agent: RunnableAgent = {
    name: lint.agent.name,
    description: lint.agent.description,
    body: (block ? text.slice(block.bodyStart + (text.charCodeAt(0) === 0xfeff ? 1 : 0)) : text).trim(),
    frontmatter,
    path: options.path,
    ...(lint.agent.model !== undefined ? { model: lint.agent.model } : {}),
    ...(lint.agent.tools !== undefined ? { tools: lint.agent.tools } : {}),
    ...(disallowedTools !== undefined ? { disallowedTools } : {}),
    ...(folder.plugin?.installedId !== undefined ? { installedPlugin: folder.plugin.installedId } : {}),
  };
  return { runnable: true, agent, lint };
}

/** `disallowedTools` read as Claude Code reads `tools`: a comma/space list or a YAML list of such strings. */
function toolNames(value: unknown): string[] | undefined {
  if (typeof value === 'string') return splitToolList(value);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string').flatMap(splitToolList);
  return undefined;
}
