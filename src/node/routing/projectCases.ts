// The routing cases of a project on disk: every loading Claude Code agent's examples, plus `.claude/agent-routing.json`.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { AgentCatalog } from '../../engine/catalog/catalog';
import { casesFromAgentFile, parseRoutingCasesFile, ROUTING_CASES_FILE, type CasesFileProblem, type RoutingCase } from '../../engine/routing/routingCases';
import { readAgentFile } from '../agentFileReading';
import { agentFolders, findAgentFiles } from '../discovery';

export interface ProjectCases {
  project: string;
  cases: RoutingCase[];
  problems: (CasesFileProblem & { file: string })[];
  /** Agent files with examples that Claude Code would not use (skipped, or shadowed by another file): no case. */
  unused: { file: string; reason: string }[];
}

/** Cases of the project's own agents (`.claude/agents/`); user agents still compete, as in any session there. */
export async function projectCases(project: string): Promise<ProjectCases> {
  const folder = agentFolders([project]).find((candidate) => candidate.format === 'claude-code' && candidate.scope === 'project')!;
  const catalog = new AgentCatalog([folder]);
  const texts = new Map<string, string>();
  await catalog.withRankingDeferred(async () => {
    for (const file of await findAgentFiles(folder)) {
      // A FIFO or device in the folder is never opened (readAgentFile); such a file has no cases.
      const read = file.unreadable ? undefined : readAgentFile(file.path);
      if (!read || !('text' in read)) continue;
      texts.set(file.path, read.text);
      catalog.update(file.path, read.text, read.byteLength);
    }
  });
  const result: ProjectCases = { project, cases: [], problems: [], unused: [] };
  for (const entry of catalog.entries().sort((a, b) => a.path.localeCompare(b.path))) {
    const agent = entry.result.agent;
    const cases = agent ? casesFromAgentFile(entry.path, texts.get(entry.path) ?? '', agent.name) : [];
    if (cases.length === 0) continue;
    if (!entry.result.loads) result.unused.push({ file: entry.path, reason: 'Claude Code skips this file' });
    else if (entry.shadowedBy) result.unused.push({ file: entry.path, reason: `shadowed by ${entry.shadowedBy}` });
    else if (entry.ambiguousWith?.length) result.unused.push({ file: entry.path, reason: `its name is also defined in ${entry.ambiguousWith.join(', ')}; Claude Code uses one of them, unpredictably` });
    else result.cases.push(...cases);
  }
  const casesFile = nodePath.join(project, ROUTING_CASES_FILE);
  const casesRead = fs.existsSync(casesFile) ? readAgentFile(casesFile) : undefined;
  if (casesRead && 'unreadable' in casesRead) {
    result.problems.push({ file: casesFile, message: `Cannot read this file: ${casesRead.unreadable}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  } else if (casesRead) {
    const parsed = parseRoutingCasesFile(casesFile, casesRead.text);
    result.cases.push(...parsed.cases);
    result.problems.push(...parsed.problems.map((problem) => ({ ...problem, file: casesFile })));
  }
  return result;
}
