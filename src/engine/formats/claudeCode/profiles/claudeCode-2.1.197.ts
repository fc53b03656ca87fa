// Claude Code 2.1.197 to 2.1.217, measured with the real CLI (test/fixtures/loader/expected/2.1.197.json, and the
// releases of the range bisected on the fixtures that tell the ranges apart; docs/claude-code-loader.md).
import { claudeCodeFields } from '../fields';
import { claudeCodeTools } from '../tools';
import type { ClaudeCodeProfile } from './profile';

export const claudeCode2_1_197: ClaudeCodeProfile = {
  firstVersion: '2.1.197',
  measuredUpTo: '2.1.217',
  version: '2.1.217',
  loader: {
    stripsOneBom: false,
    maxNameLength: undefined,
    nameRejectsColon: false,
    hooks: 'dropped',
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
  guardHookEvents: [],
  builtInAgents: ['claude', 'Explore', 'general-purpose', 'Plan', 'statusline-setup'],
  modelAliasIds: {
    sonnet: 'claude-sonnet-5',
    opus: 'claude-opus-4-8',
    haiku: 'claude-haiku-4-5-20251001',
  },
};
