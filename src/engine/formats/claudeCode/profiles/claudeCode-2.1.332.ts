// Claude Code 2.1.332, measured with the real CLI (test/fixtures/loader, /docs/claude-code-loader.md): one BOM is
// skipped, names are checked for length and `:`, a NUL breaks the YAML, `hooks` are guarded, duplicate names resolve
// by path order, and the schema gained keys, hook events and tools.
import { autoCompactWindowField, claudeCodeFields, manualPermissionMode, observerFields } from '../fields';
import { claudeCodeTools } from '../tools';
import type { FieldSchema } from '../../fieldSchema';
import { claudeCode2_1_197 } from './claudeCode-2.1.197';
import type { ClaudeCodeProfile } from './profile';

const removedTools = new Set(['TaskCreate', 'TaskGet', 'TaskList', 'TaskOutput', 'TaskUpdate']);

const fields: FieldSchema[] = [
  ...claudeCodeFields.map((field) => field.key === 'permissionMode' ? { ...field, values: [...field.values!, manualPermissionMode] } : field),
  autoCompactWindowField,
  ...observerFields,
];

export const claudeCode2_1_332: ClaudeCodeProfile = {
  firstVersion: '2.1.332',
  measuredUpTo: '2.1.332',
  version: '2.1.332',
  loader: {
    stripsOneBom: true,
    maxNameLength: 256,
    nameRejectsColon: true,
    hooks: 'guarded',
    nulInFrontmatterIsError: true,
    duplicateNameWinner: 'last-path',
    maxFileBytes: 1_048_576,
  },
  fields,
  tools: [
    ...claudeCodeTools.filter((tool) => !removedTools.has(tool.name)),
    { name: 'ListAgents', documentation: 'Lists the agents this session can start.' },
    { name: 'Monitor', documentation: 'Watches a background process and reports what it prints.' },
  ].sort((a, b) => a.name.localeCompare(b.name)),
  hookEvents: [...claudeCode2_1_197.hookEvents, 'PreModelSwitch', 'PostModelSwitch', 'DirectoryAdded', 'PreSkillShellCommand'],
  guardHookEvents: ['PreToolUse', 'PermissionRequest', 'PreSkillShellCommand'],
  builtInAgents: claudeCode2_1_197.builtInAgents,
  // Per-alias resolution of this version is not yet measured; the aliases themselves are unchanged.
  modelAliasIds: claudeCode2_1_197.modelAliasIds,
};
