// Agent file names: which files in an agent folder are agents, and the names their file names give. Imports
// nothing, so the formats' own modules can read it below the registry.

/** `.agent.md`, `.chatmode.md` or `.md`: the end of a file name that says which tool reads it. */
export function agentFileSuffix(path: string): string {
  return /(\.agent|\.chatmode)?\.md$/i.exec(path)?.[0] ?? '';
}

/** The file name without that suffix: the name Copilot gives an agent without a `name`. */
export function agentFileNameBase(path: string): string {
  const fileName = path.split(/[\\/]/).pop()!;
  return fileName.slice(0, fileName.length - agentFileSuffix(fileName).length);
}

/** Whether a file in an agent folder is read as an agent: every `*.md` (case-sensitive), `*.agent.md` included. */
export function isAgentFileName(fileName: string): boolean {
  return fileName.endsWith('.md');
}

/** Whether a file in a plugin's `agents/` folder is read as an agent: Claude Code's plugin loader takes `.md` in any case (both profiled versions load `upper.MD`). */
export function isPluginAgentFileName(fileName: string): boolean {
  return /\.md$/i.test(fileName);
}
