// The engine writes for Markdown (`code` in backticks); input boxes, pickers and notifications show plain text.
import vscode = require('vscode');
import type { NameProblem } from '../../engine/agents/newAgent';

/** `code` spans as 'code', as a plain-text surface should show them. */
export function plainText(markdown: string): string {
  return markdown.replace(/`([^`]+)`/g, "'$1'");
}

/** A name check as an input box shows it under the field. */
export function nameValidation(problem: NameProblem | undefined): vscode.InputBoxValidationMessage | undefined {
  if (!problem) return undefined;
  const severity = problem.severity === 'error' ? vscode.InputBoxValidationSeverity.Error : vscode.InputBoxValidationSeverity.Warning;
  return { message: plainText(problem.message), severity };
}
