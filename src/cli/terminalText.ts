// Text from files (paths, keys, messages quoting them) made safe to print on a terminal.

/**
 * Control characters as escapes (`\n`, `\x1b`, `\u2028`): a file name or a key holding a line break must not forge an
 * output line, nor an escape sequence recolour the terminal. A backslash is doubled only before what looks like an
 * escape, so Windows paths stay readable and the output stays unambiguous.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(/[\0-\x1f\x7f-\x9f\u2028\u2029]|\\(?=[nrtx\\u])/g, (character) => {
    if (character.startsWith('\\')) return '\\\\';
    if (character === '\n') return '\\n';
    if (character === '\r') return '\\r';
    if (character === '\t') return '\\t';
    const code = character.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}
