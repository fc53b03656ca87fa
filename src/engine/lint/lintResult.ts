// What linting one file gives: its format (by the registry), whether the tool loads it, what it defines, and the problems.
import type { AgentFormatId } from '../formats/registry';
import type { AgentSummary, Diagnostic } from '../types';

export interface LintResult {
  format: AgentFormatId;
  /** The engine's prediction of whether the tool (Claude Code, Copilot) loads this file. */
  loads: boolean;
  agent: AgentSummary | null;
  diagnostics: Diagnostic[];
}
