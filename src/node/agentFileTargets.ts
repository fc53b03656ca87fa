// Where New Agent, Rename and Duplicate may write: a file named after the agent, in the folder the agent lives in and
// nowhere else. The name comes from a `name:` value anyone can write (`../../.github/workflows/ci`).
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { fileNameProblem } from '../engine/agents/agentFileNames';
import { agentFileSuffix } from '../engine/formats/agentFileNames';

export type AgentFileTarget = { path: string } | { refused: string };

/** `<name><suffix>` directly in `folder`, or why not: a name that is no file name, or that resolves elsewhere. */
export function agentFileInFolder(folder: string, name: string, suffix = '.md'): AgentFileTarget {
  const fileName = `${name}${suffix}`;
  const problem = fileNameProblem(fileName);
  if (problem) return { refused: problem };
  const resolvedFolder = nodePath.resolve(folder);
  const path = nodePath.resolve(resolvedFolder, fileName);
  if (nodePath.dirname(path) !== resolvedFolder) return { refused: `The name \`${name}\` would put the file outside ${resolvedFolder}.` };
  return { path };
}

/** The file an agent named `name` gets beside `sourcePath`, of the same kind (`.agent.md` stays `.agent.md`). */
export function siblingAgentFile(sourcePath: string, name: string): AgentFileTarget {
  return agentFileInFolder(nodePath.dirname(sourcePath), name, agentFileSuffix(sourcePath) || '.md');
}

/** Whether anything is at `path`, a link to nothing included: writing through such a link would create its target. */
export function pathTaken(path: string): boolean {
  try {
    fs.lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
