// Text for Markdown surfaces (tooltips, hovers). MarkdownString.appendText is not used: it turns spaces into no-break
// spaces, so a narrow tooltip can only wrap inside words ("API in/tegration").

/** Text shown as written, wrapping at its spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~&]/g, '\\$&');
}

/** Text shown as written, its line breaks kept. */
export function escapeMarkdownLines(text: string): string {
  return text.split(/\r?\n/).map(escapeMarkdown).join('  \n');
}

/** The engine's words: its `code` spans stay code, everything else is shown as written. */
export function markdownKeepingCode(text: string): string {
  return text.split(/(`[^`]+`)/).map((part, index) => (index % 2 === 1 ? part : escapeMarkdown(part))).join('');
}
