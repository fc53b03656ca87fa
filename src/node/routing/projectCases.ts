// The routing cases of a project on disk: every loading Claude Code agent's examples, plus `.claude/agent-routing.json`.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { AgentCatalog } from '../../engine/catalog/catalog';
import { MAX_AGENT_FILE_BYTES } from '../../engine/lint/lint';
import { casesFromAgentFile, parseRoutingCasesFile, ROUTING_CASES_FILE, type CasesFileProblem, type RoutingCase } from '../../engine/routing/routingCases';
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
      const text = file.size > MAX_AGENT_FILE_BYTES ? '' : fs.readFileSync(file.path, 'utf8');
      texts.set(file.path, text);
      catalog.update(file.path, text, file.size);
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
  if (fs.existsSync(casesFile)) {
    const parsed = parseRoutingCasesFile(casesFile, fs.readFileSync(casesFile, 'utf8'));
    result.cases.push(...parsed.cases);
    result.problems.push(...parsed.problems.map((problem) => ({ ...problem, file: casesFile })));
  }
  return result;
}
