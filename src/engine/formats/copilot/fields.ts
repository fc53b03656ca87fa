// The keys of a GitHub Copilot custom agent's front matter, as data.
import type { FieldSchema } from '../fieldSchema';

export const copilotFields: readonly FieldSchema[] = [
  { key: 'description', type: 'string', required: true, documentation: 'What the agent does, shown in the agents picker and used to choose it.' },
  { key: 'name', type: 'string', required: false, documentation: 'The agent\'s name; defaults to the file name without `.agent.md`.' },
  { key: 'tools', type: 'list', required: false, isToolList: true, documentation: 'Tools or tool sets the agent may use (`search`, `edit`, `runCommands`, `fetch`, MCP servers as `server/*`).' },
  { key: 'model', type: 'string', required: false, valuesAreOpen: true, documentation: 'The model to use, as named in the model picker (for example `Claude Sonnet 4.5`, `GPT-5`).' },
  {
    key: 'target', type: 'string', required: false, documentation: 'Where the agent is offered.',
    values: [
      { value: 'vscode', documentation: 'Only in VS Code chat.' },
      { value: 'github-copilot', documentation: 'Only in the Copilot coding agent on GitHub.' },
    ],
  },
  { key: 'argument-hint', type: 'string', required: false, documentation: 'Placeholder text shown in the chat input when the agent is selected.' },
  { key: 'handoffs', type: 'list', required: false, documentation: 'Buttons offered after a reply that hand the conversation to another agent: items with `label`, `agent`, `prompt` and `send`.' },
  { key: 'mcp-servers', type: 'map', required: false, documentation: 'MCP servers available to the agent on GitHub (coding agent only).' },
  { key: 'infer', type: 'boolean', required: false, documentation: 'Whether the agent may be chosen automatically as a sub-agent.' },
  { key: 'metadata', type: 'map', required: false, documentation: 'Free-form key/value annotations.' },
];
