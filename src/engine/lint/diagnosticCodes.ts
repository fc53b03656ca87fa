// Every diagnostic the engine can report: its stable code, severity and documentation.
// docs/diagnostics.md is generated from this table (`agent-studio docs`); codes never change meaning once shipped.
import type { Severity } from '../types';

export interface DiagnosticCodeInfo {
  code: string;
  severity: Severity;
  /** Short title for docs and quick-fix menus. */
  title: string;
  /** Why it matters: what the tool does with such a file. */
  explanation: string;
  /** What the mechanical fix does, when there is one. */
  fix?: string;
}

function defineCodes<T extends Record<string, Omit<DiagnosticCodeInfo, 'code'>>>(table: T): { [K in keyof T]: DiagnosticCodeInfo } {
  const result = {} as { [K in keyof T]: DiagnosticCodeInfo };
  for (const key of Object.keys(table) as (keyof T)[]) result[key] = { code: key as string, ...table[key] };
  return result;
}

export const codes = defineCodes({
  // Files Claude Code never reads or skips before parsing.
  'agent/file-too-large': { severity: 'error', title: 'File larger than 1 MiB', explanation: 'Claude Code skips agent files over 1,048,576 bytes without a word. The file is not parsed.' },
  'agent/binary-content': { severity: 'error', title: 'Binary file', explanation: 'The file holds NUL bytes and has no front matter: it is not an agent, and Claude Code skips it. It is not parsed.' },
  'agent/nul-bytes': { severity: 'warning', title: 'NUL bytes in an agent file', explanation: 'Claude Code reads the file, NUL bytes included, but editors, diff tools and other agent tools treat it as binary.' },
  'agent/missing-frontmatter': { severity: 'error', title: 'No front matter', explanation: 'A `.md` file in an agents folder needs a `---` block with `name` and `description` at its very start; Claude Code skips it otherwise.', fix: 'Generates front matter from the file name and its first heading and paragraph.' },
  'agent/bom': { severity: 'error', title: 'Byte-order mark before the front matter', explanation: 'Claude Code looks for `---` at the first byte; a UTF-8 byte-order mark hides it and the file is skipped.', fix: 'Removes the byte-order mark.' },
  'agent/leading-blank-lines': { severity: 'error', title: 'Text before the front matter', explanation: 'The opening `---` must be the first line, with nothing, not even a blank line, before it; otherwise Claude Code skips the file.', fix: 'Removes the blank lines before `---`.' },
  'agent/indented-frontmatter': { severity: 'error', title: 'Indented front matter', explanation: 'The opening `---` must start at the first column; an indented one is not recognised and the file is skipped.', fix: 'Removes the indentation of the front matter block.' },
  'agent/frontmatter-language': { severity: 'error', title: 'Front matter with a language suffix', explanation: 'Claude Code only accepts a bare `---` opener. `---yaml` is not recognised; `---js`/`---javascript` blocks are never executed, by Claude Code or by this extension. The file is skipped.', fix: 'For `---yaml`, removes the suffix.' },
  'agent/malformed-delimiter': { severity: 'error', title: 'Malformed opening delimiter', explanation: 'The first line must be exactly `---` (trailing spaces allowed); `----` or text after `---` is not an opener and the file is skipped.', fix: 'Replaces the first line with `---`.' },
  'agent/unclosed-frontmatter': { severity: 'error', title: 'Front matter never closed', explanation: 'No closing `---` follows the opening one, so Claude Code finds no front matter (or runs it into the body) and skips the file.', fix: 'Inserts a closing `---` after the last front matter line.' },
  'agent/cr-line-endings': { severity: 'error', title: 'Old Mac (CR-only) line endings', explanation: 'Claude Code needs `\\n` after the opening `---`; a file with only `\\r` line breaks is skipped.', fix: 'Converts the line endings to LF.' },
  'agent/delimiter-inside-value': { severity: 'warning', title: '`---` inside the front matter', explanation: 'Claude Code ends the front matter at the first `---` anywhere, even inside a value: everything after it, later keys included, is lost.', fix: 'Replaces the `---` with an em dash.' },

  // YAML.
  'agent/yaml-syntax': { severity: 'error', title: 'YAML syntax error', explanation: 'Claude Code cannot parse the front matter, even after its own repair pass (quoting values with `: `, turning tabs into spaces), so it skips the file.', fix: 'Where the cause is mechanical: quotes the value, or folds an unindented description into a `|` block.' },
  'agent/yaml-repaired': { severity: 'warning', title: 'Loads only thanks to Claude Code\'s repair pass', explanation: 'This front matter is not valid YAML. Claude Code 2.x rewrites lines such as `description: Use when: x` into quoted strings before retrying, so it loads, but other tools (Copilot, linters, older versions) reject it, and a CRLF copy of the file is skipped.', fix: 'Applies the same quoting to the file.' },
  'agent/frontmatter-not-a-map': { severity: 'error', title: 'Front matter is not a map of keys', explanation: 'The front matter must be a YAML map (`key: value` lines); a list, a scalar or an empty block gives Claude Code no name, and it skips the file.' },
  'agent/duplicate-key': { severity: 'warning', title: 'Key appears twice', explanation: 'YAML forbids repeated keys; Claude Code keeps the last value and silently ignores this one.', fix: 'Deletes this earlier, ignored entry.' },
  'agent/alias-expansion': { severity: 'warning', title: 'YAML aliases expand exponentially', explanation: 'Anchors and aliases here expand to a very large value ("billion laughs"). Claude Code tolerates it; most YAML tools refuse such a file.' },

  // name.
  'agent/missing-name': { severity: 'error', title: 'Missing `name`', explanation: 'Claude Code needs a non-empty string `name` and does not fall back to the file name: the file is skipped.', fix: 'Adds `name:` derived from the file name.' },
  'agent/name-not-string': { severity: 'error', title: '`name` is not a string', explanation: 'YAML reads this `name` as a number, boolean, null, list or map; Claude Code needs a string and skips the file.', fix: 'Quotes the value.' },
  'agent/name-leading-dash': { severity: 'error', title: '`name` starts with `-`', explanation: 'Claude Code rejects names starting with `-` (they would read as command-line flags) and skips the file.', fix: 'Removes the leading dashes.' },
  'agent/name-colon': { severity: 'warning', title: '`name` contains `:`', explanation: 'Claude Code 2.1.197 loads it, but `:` separates plugin namespaces and newer versions reject such names.', fix: 'Replaces `:` with `-`.' },
  'agent/name-whitespace': { severity: 'warning', title: '`name` has spaces or line breaks', explanation: 'Claude Code uses the name verbatim, spaces and trailing newlines included, so `claude --agent` and the Agent tool can hardly address it.', fix: 'Turns it into a lower-case hyphenated name.' },
  'agent/name-shadows-built-in': { severity: 'warning', title: '`name` replaces a built-in agent', explanation: 'A custom agent named like a built-in (`Explore`, `Plan`, `general-purpose`, ...) silently replaces it for the whole project.' },
  'agent/duplicate-name': { severity: 'warning', title: 'Two agents share a name', explanation: 'Within one folder tree, the file Claude Code reads last wins, in an order that depends on the file system: which one you get is unpredictable.' },
  'agent/shadowed': { severity: 'info', title: 'Agent shadowed by another definition', explanation: 'Another definition with the same name takes precedence (project agents beat user agents; the folder nearest the working folder wins).' },

  // description.
  'agent/missing-description': { severity: 'error', title: 'Missing `description`', explanation: 'Claude Code needs a non-empty string `description` (it tells Claude when to use the agent) and skips the file without it.', fix: 'Adds a `description:` from the body\'s first line.' },
  'agent/description-not-string': { severity: 'error', title: '`description` is not a string', explanation: 'YAML reads this description as a number, boolean, null, list or map (a value starting with `#` is a comment, so null); Claude Code skips the file.', fix: 'Quotes the value.' },
  'agent/description-comment': { severity: 'warning', title: 'Description cut at ` #`', explanation: 'In a plain (unquoted) YAML value, ` #` starts a comment: Claude Code reads the description only up to it and silently drops the rest.', fix: 'Quotes the whole value.' },
  'agent/description-blank': { severity: 'warning', title: 'Blank description', explanation: 'A description of only spaces loads, but Claude never has a reason to pick the agent.' },

  // Other keys.
  'agent/unknown-tool': { severity: 'warning', title: 'Unknown tool', explanation: 'Claude Code keeps the agent but silently drops tool names it does not know; check spelling and case (`Read`, not `read`).', fix: 'Changes it to the known tool it most likely means (another case, or a near spelling).' },
  'agent/tools-invalid': { severity: 'warning', title: '`tools` is neither a string nor a list', explanation: 'A number, boolean or map in `tools` gives the agent no tools at all, silently.' },
  'agent/tools-empty': { severity: 'info', title: 'Agent has no tools', explanation: 'An empty `tools` gives the agent no tools; omit the key to inherit every tool.' },
  'agent/tool-not-string': { severity: 'warning', title: 'Tool entry is not a string', explanation: 'Claude Code drops list entries that are not strings.' },
  'agent/unknown-model': { severity: 'warning', title: 'Unknown model', explanation: 'Claude Code passes the value to the API as it is; an unknown alias or a misspelt id fails when the agent runs.' },
  'agent/model-not-string': { severity: 'warning', title: '`model` is not a string', explanation: 'Claude Code ignores a non-string model and uses the default.' },
  'agent/invalid-value': { severity: 'warning', title: 'Value not accepted', explanation: 'Claude Code drops a value it does not accept for this key (a colour, permission mode, memory scope, isolation, effort, background or maxTurns) and the agent runs with the default.' },
  'agent/invalid-hooks': { severity: 'warning', title: 'Invalid `hooks`', explanation: 'Claude Code validates `hooks` against the settings.json hooks schema and silently drops them all if they do not match (`hooks: []` is the common case).', fix: 'Removes the invalid `hooks` entry.' },
  'agent/invalid-mcp-servers': { severity: 'warning', title: 'Invalid `mcpServers`', explanation: '`mcpServers` must be a list of server names or one-key `{name: config}` maps; Claude Code drops anything else.' },
  'agent/bypass-permissions': { severity: 'info', title: 'Agent bypasses permission checks', explanation: '`permissionMode: bypassPermissions` lets this agent run any tool without asking.' },
  'agent/unknown-key': { severity: 'hint', title: 'Key not used by this format', explanation: 'The tool ignores keys it does not know. Check the spelling (keys are case-sensitive).', fix: 'Renames it when it is a misspelling of a known key.' },

  // GitHub Copilot custom agents.
  'copilot/missing-description': { severity: 'error', title: 'Missing `description` (Copilot)', explanation: 'A Copilot custom agent needs a `description`.', fix: 'Adds a `description:`.' },
  'copilot/yaml-syntax': { severity: 'error', title: 'YAML syntax error (Copilot)', explanation: 'VS Code parses the front matter as strict YAML; with an error the agent\'s settings are lost.' },
  'copilot/invalid-value': { severity: 'warning', title: 'Value not accepted (Copilot)', explanation: 'The value is not one the Copilot custom-agent format accepts for this key.' },
});

export type DiagnosticCode = keyof typeof codes;

export const allDiagnosticCodes: DiagnosticCodeInfo[] = Object.values(codes);
