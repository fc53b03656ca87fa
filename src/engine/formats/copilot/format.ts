// The GitHub Copilot custom agent format: `*.agent.md` anywhere (legacy `*.chatmode.md`), and every `.md` in a project's
// flat `.github/agents/`. VS Code reads the front matter as strict YAML; only `description` is required.
import type { AgentFileFormat, FormatProfile } from '../agentFileFormat';
import { agentFileNameBase } from '../agentFileNames';
import { detachedString } from '../../text/detachedString';
import type { AgentSummary } from '../../types';
import { copilotProfile, type CopilotContext } from './copilotContext';
import { copilotFields } from './fields';
import { descriptionRule } from './rules/description';
import { unknownKeyRule } from './rules/unknownKey';
import { valuesRule } from './rules/values';
import { copilotYamlSyntax, repairedYamlRule } from './rules/yaml';

export const copilotFormat: AgentFileFormat<FormatProfile, 'copilot'> = {
  id: 'copilot',
  label: 'GitHub Copilot custom agent',
  documentationUrl: 'https://code.visualstudio.com/docs/copilot/customization/custom-agents',
  toolName: 'GitHub Copilot',
  locations: [{ segments: ['.github', 'agents'], recursive: false, inHomeDirectory: false }],
  claimsFileName: claimsCopilotFileName,
  fields: copilotFields,
  tools: [],
  profiles: [copilotProfile],
  defaultProfile: copilotProfile,
  rules: [repairedYamlRule, descriptionRule, valuesRule, unknownKeyRule],
  agentOf: copilotAgent,
  yamlSyntax: { meta: copilotYamlSyntax, cannotRead: 'VS Code cannot read this front matter', crlfHint: false },
  missingFrontmatterMessage: 'This Copilot agent has no front matter: add a `---` block with a `description`.',
};

/** `*.agent.md` and `*.chatmode.md`, in any case. String tests, not a regex: this runs for every file. */
function claimsCopilotFileName(path: string): boolean {
  const tail = path.slice(-'.chatmode.md'.length).toLowerCase();
  return tail.endsWith('.agent.md') || tail.endsWith('.chatmode.md');
}

function copilotAgent(ctx: CopilotContext): AgentSummary {
  const name = ctx.value('name');
  const description = ctx.value('description') as string;
  const model = ctx.value('model');
  const toolsValue = ctx.value('tools');
  const nameEntry = typeof name === 'string' && name.trim() !== '' ? ctx.entry('name') : undefined;
  return {
    name: detachedString(typeof name === 'string' && name.trim() !== '' ? name : agentFileNameBase(ctx.path)),
    ...(nameEntry ? { nameRange: ctx.valueRange(nameEntry) } : {}),
    description: detachedString(description),
    ...(typeof model === 'string' ? { model: detachedString(model) } : {}),
    ...(Array.isArray(toolsValue) ? { tools: toolsValue.filter((tool): tool is string => typeof tool === 'string') } : {}),
  };
}
