// Colour for people at a terminal, never for pipes and files; NO_COLOR (no-color.org) turns it off, FORCE_COLOR on.

export interface Colors {
  bold(text: string): string;
  dim(text: string): string;
  /** Errors, in red. */
  error(text: string): string;
  /** Warnings, in yellow. */
  warning(text: string): string;
  /** Hints and information, in blue. */
  note(text: string): string;
  underline(text: string): string;
}

export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Colors {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const enabled = env.NO_COLOR ? false : forced || (stream.isTTY === true && env.TERM !== 'dumb');
  const style = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { bold: style(1, 22), dim: style(2, 22), error: style(31, 39), warning: style(33, 39), note: style(34, 39), underline: style(4, 24) };
}
