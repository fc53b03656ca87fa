// An agent file's text turned into what a model back end runs: the engine's verdict plus the body and raw front matter.
import { splitFrontmatter } from '../frontmatter/frontmatter';
import { lintAgentFile, type LintOptions } from '../lint/lint';
import { splitToolList } from '../frontmatter/toolList';
import type { AgentDefinition, Diagnostic, LintResult } from '../types';
import { parseFrontmatterYaml } from '../frontmatter/yamlFrontmatter';

/** An agent definition read from a file, so it always has a path. */
export interface RunnableAgent extends AgentDefinition {
  path: string;
}

export type RunnableAgentResult =
  | { runnable: true; agent: RunnableAgent; lint: LintResult }
  /** The tool would skip the file; `firstError` is where to send the user. */
  | { runnable: false; lint: LintResult; firstError?: Diagnostic };

export function runnableAgentFromText(text: string, options: LintOptions): RunnableAgentResult {
  const lint = lintAgentFile(text, options);
  const block = splitFrontmatter(text);
  if (!lint.loads || !lint.agent || !block) {
    const firstError = lint.diagnostics.find((diagnostic) => diagnostic.severity === 'error') ?? lint.diagnostics[0];
    return { runnable: false, lint, firstError };
  }
  const frontmatter = parseFrontmatterYaml(block.yamlText).values;
  const disallowedTools = toolNames(frontmatter.disallowedTools);
  const agent: RunnableAgent = {
    name: lint.agent.name,
    description: lint.agent.description,
    body: text.slice(block.bodyStart).trim(),
    frontmatter,
    path: options.path,
    ...(lint.agent.model !== undefined ? { model: lint.agent.model } : {}),
    ...(lint.agent.tools !== undefined ? { tools: lint.agent.tools } : {}),
    ...(disallowedTools !== undefined ? { disallowedTools } : {}),
  };
  return { runnable: true, agent, lint };
}

/** `disallowedTools` read as Claude Code reads `tools`: a comma/space list or a YAML list of such strings. */
function toolNames(value: unknown): string[] | undefined {
  if (typeof value === 'string') return splitToolList(value);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string').flatMap(splitToolList);
  return undefined;
}
