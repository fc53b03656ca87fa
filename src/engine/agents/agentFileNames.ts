// Whether a name can be a file name everywhere an agent folder may be checked out: Windows, macOS and Linux. New Agent,
// Rename and Duplicate make a file from the agent's name, and an agent file's `name` is anyone's text.

/** Windows refuses these (and all control characters); `/` separates folders everywhere, `\` on Windows. */
const FORBIDDEN_CHARACTER = /[<>:"/\\|?*\0-\x1f]/;
/** Device names Windows reserves, with any extension (`con.md` is the console). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Most file systems allow 255 bytes in one name. */
const MAX_FILE_NAME_BYTES = 255;

/** Why `fileName` (one path segment, extension included) is not a file name on every system; `undefined` when it is. */
export function fileNameProblem(fileName: string): string | undefined {
  if (fileName === '' || fileName === '.' || fileName === '..') return 'The file name would be empty or a folder reference.';
  const forbidden = FORBIDDEN_CHARACTER.exec(fileName)?.[0];
  if (forbidden !== undefined) {
    const shown = /[\0-\x1f]/.test(forbidden) ? 'a control character' : `\`${forbidden}\``;
    return `The name becomes the file name, and ${shown} is not allowed in file names on every system (no \`/ \\ : * ? " < > |\`).`;
  }
  if (WINDOWS_DEVICE.test(fileName)) return `Windows reserves \`${fileName.split('.')[0]}\` as a device name: the file could not be made there.`;
  if (/[. ]$/.test(fileName)) return 'Windows drops a dot or space at the end of a file name.';
  if (new TextEncoder().encode(fileName).length > MAX_FILE_NAME_BYTES) return `The file name would be longer than ${MAX_FILE_NAME_BYTES} bytes.`;
  return undefined;
}
