// Conversions between the engine's plain zero-based positions and VS Code's classes.
import vscode = require('vscode');
import type { Position, Range, TextEdit } from '../../engine/types';

export function toVscodePosition(position: Position): vscode.Position {
  return new vscode.Position(position.line, position.character);
}

export function toVscodeRange(range: Range): vscode.Range {
  return new vscode.Range(toVscodePosition(range.start), toVscodePosition(range.end));
}

export function fromVscodePosition(position: vscode.Position): Position {
  return { line: position.line, character: position.character };
}

export function fromVscodeRange(range: vscode.Range): Range {
  return { start: fromVscodePosition(range.start), end: fromVscodePosition(range.end) };
}

export function toVscodeTextEdit(edit: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toVscodeRange(edit.range), edit.newText);
}
