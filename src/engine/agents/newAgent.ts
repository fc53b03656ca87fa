// The New Agent command's pure half: checking a proposed name and writing the file from the answers.
import { slugFromText, yamlScalar } from '../lint/fixes';
import { fileNameProblem } from './agentFileNames';

export interface NewAgentAnswers {
  name: string;
  description: string;
  model?: string;
  tools?: string[];
  color?: string;
}

export interface NameProblem {
  message: string;
  /** `error` blocks the name; `warning` only advises. */
  severity: 'error' | 'warning';
}

const FRONTMATTER_DELIMITER = '---';
const DELIMITER_PROBLEM = 'Claude Code ends the front matter at the first `---`, even inside a value: write it another way (an em dash —).';

/**
 * Why a name cannot (or should not) be used; `undefined` when it is fine. `existingFile` is set when `<name>.md` exists;
 * `fileSuffix` is the file's (`.agent.md` for a Copilot agent).
 */
export function checkNewAgentName(name: string, existingFile?: string, fileSuffix = '.md'): NameProblem | undefined {
  if (name.trim() === '') return { severity: 'error', message: 'A name is required.' };
  if (name.startsWith('-')) return { severity: 'error', message: 'Claude Code skips agents whose name starts with `-`.' };
  if (/[\\/]/.test(name)) return { severity: 'error', message: 'The name becomes the file name: no `/` or `\\`.' };
  if (name.includes(FRONTMATTER_DELIMITER)) return { severity: 'error', message: DELIMITER_PROBLEM };
  const fileProblem = fileNameProblem(`${name}${fileSuffix}`);
  if (fileProblem) return { severity: 'error', message: fileProblem };
  if (existingFile) return { severity: 'error', message: `${existingFile} already exists.` };
  // A space would also be in the file name, and the engine warns about it in every file that has one.
  if (/\s/.test(name)) return { severity: 'error', message: `No spaces: the name is also the file name. Try ${slugFromText(name) || 'my-agent'}.` };
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) return { severity: 'warning', message: `Lower-case letters, digits and hyphens are easiest to address with claude --agent: ${slugFromText(name) || 'my-agent'}.` };
  return undefined;
}

/** Why a description cannot be written as given; `undefined` when it is fine. */
export function checkNewAgentDescription(description: string): string | undefined {
  return description.includes(FRONTMATTER_DELIMITER) ? DELIMITER_PROBLEM : undefined;
}

export function renderNewAgent(answers: NewAgentAnswers): string {
  const lines = ['---', `name: ${yamlScalar(answers.name)}`, 'description: |'];
  // Callers check with checkNewAgentDescription; a `---` that still comes (a script's argument) must not cut the file.
  const description = (answers.description.trim() || `Use this agent when the task calls for ${answers.name}.`).replaceAll(FRONTMATTER_DELIMITER, '\u2014');
  for (const line of description.split(/\r?\n/)) lines.push(line.trim() === '' ? '' : `  ${line}`);
  if (answers.tools && answers.tools.length > 0) lines.push(`tools: ${answers.tools.join(', ')}`);
  if (answers.model) lines.push(`model: ${yamlScalar(answers.model)}`);
  if (answers.color) lines.push(`color: ${answers.color}`);
  lines.push('---', '', `You are ${answers.name}. Describe the agent's role, how it works, and what it returns.`, '');
  return lines.join('\n');
}
