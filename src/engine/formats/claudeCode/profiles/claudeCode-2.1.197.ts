// Claude Code 2.1.197, measured with the real CLI (test/fixtures/loader, docs/claude-code-loader.md).
import { claudeCodeFields } from '../fields';
import { claudeCodeTools } from '../tools';
import type { ClaudeCodeProfile } from './profile';

export const claudeCode2_1_197: ClaudeCodeProfile = {
  version: '2.1.197',
  loader: {
    stripsOneBom: false,
    nameRejectsColon: false,
    hooksMustBeEventMap: true,
    nulInFrontmatterIsError: false,
    duplicateNameWinner: 'directory-order',
    maxFileBytes: 1_048_576,
  },
  fields: claudeCodeFields,
  tools: claudeCodeTools,
  hookEvents: [
    'PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'PostToolBatch', 'Notification', 'UserPromptSubmit',
    'UserPromptExpansion', 'SessionStart', 'SessionEnd', 'Stop', 'StopFailure', 'SubagentStart', 'SubagentStop',
    'PreCompact', 'PostCompact', 'PermissionRequest', 'PermissionDenied', 'Setup', 'TeammateIdle', 'TaskCreated',
    'TaskCompleted', 'Elicitation', 'ElicitationResult', 'ConfigChange', 'WorktreeCreate', 'WorktreeRemove',
    'InstructionsLoaded', 'CwdChanged', 'FileChanged', 'MessageDisplay',
  ],
  builtInAgents: ['claude', 'Explore', 'general-purpose', 'Plan', 'statusline-setup'],
  modelAliasIds: {
    sonnet: 'claude-sonnet-5',
    opus: 'claude-opus-4-8',
    haiku: 'claude-haiku-4-5',
  },
};
