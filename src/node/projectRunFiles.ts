// The project files Claude Code reads when it runs an agent there, so the confirmation can name what they make it run.
import * as nodePath from 'node:path';
import type { ProjectRunFile } from '../engine/agents/agentRisks';
import { readAgentFile } from './agentFileReading';

/** Claude Code 2.x reads project settings from these, and project MCP servers from `.mcp.json`. */
const PROJECT_RUN_FILES = ['.claude/settings.json', '.claude/settings.local.json', '.mcp.json'];

export interface ProjectRunFiles {
  files: ProjectRunFile[];
  /** Their texts, for the version an approval is tied to: a changed hook asks again. */
  texts: string[];
}

/** The files that exist in `projectDirectory`, read as bounded as agent files are (no pipes, at most 1 MiB). */
export function readProjectRunFiles(projectDirectory: string): ProjectRunFiles {
  const files: ProjectRunFile[] = [];
  const texts: string[] = [];
  for (const path of PROJECT_RUN_FILES) {
    const read = readAgentFile(nodePath.join(projectDirectory, ...path.split('/')));
    if ('unreadable' in read && /ENOENT/.test(read.unreadable) && !/symbolic link/.test(read.unreadable)) continue;
    const text = 'text' in read && read.byteLength > 0 ? read.text : undefined;
    files.push({ path, json: text === undefined ? undefined : parseJson(text) });
    texts.push(`${path}\0${text ?? ''}`);
  }
  return { files, texts };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}
