// Claude Code's eight agent colours as VS Code shows them: a theme colour for tree icons (so themes adapt it), and fixed
// swatches where VS Code only draws literal colours: completions, and media/agent-colors/*.svg (the same hex) for quick picks.
import vscode = require('vscode');

const AGENT_COLORS: Record<string, { theme: string; swatch: string }> = {
  red: { theme: 'charts.red', swatch: '#e5484d' },
  blue: { theme: 'charts.blue', swatch: '#3b82f6' },
  green: { theme: 'charts.green', swatch: '#22c55e' },
  yellow: { theme: 'charts.yellow', swatch: '#eab308' },
  purple: { theme: 'charts.purple', swatch: '#a855f7' },
  orange: { theme: 'charts.orange', swatch: '#f97316' },
  pink: { theme: 'terminal.ansiBrightMagenta', swatch: '#ec4899' },
  cyan: { theme: 'terminal.ansiCyan', swatch: '#06b6d4' },
};

export function agentThemeColor(color: string | undefined): vscode.ThemeColor | undefined {
  const known = color !== undefined && Object.hasOwn(AGENT_COLORS, color) ? AGENT_COLORS[color] : undefined;
  return known && new vscode.ThemeColor(known.theme);
}

/** A filled circle in the agent's colour, for quick picks (which draw a ThemeIcon without its colour). */
export function agentColorIcon(extensionUri: vscode.Uri, color: string): vscode.Uri | undefined {
  return Object.hasOwn(AGENT_COLORS, color) ? vscode.Uri.joinPath(extensionUri, 'media', 'agent-colors', `${color}.svg`) : undefined;
}

/** `#rrggbb` for the suggest widget's colour preview. */
export function agentColorSwatch(color: string): string | undefined {
  return Object.hasOwn(AGENT_COLORS, color) ? AGENT_COLORS[color].swatch : undefined;
}
