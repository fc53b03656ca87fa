// YAML problems of a Claude Code file, reported by the linter (it parses before any rule runs) with these codes.
import type { RuleMeta } from '../../../lint/rule';

export const yamlSyntax: RuleMeta = { code: 'agent/yaml-syntax', severity: 'error', title: 'YAML syntax error', explanation: 'Claude Code cannot parse the front matter, even after its own repair pass (quoting values with `: `, turning tabs into spaces), so it skips the file.', fixDescription: 'Where the cause is mechanical: quotes the value, or folds an unindented description into a `|` block.' };
export const yamlRepaired: RuleMeta = { code: 'agent/yaml-repaired', severity: 'warning', title: 'Loads only thanks to Claude Code\'s repair pass', explanation: 'This front matter is not valid YAML. Claude Code 2.x rewrites lines such as `description: Use when: x` into quoted strings before retrying, so it loads, but other tools (Copilot, linters, older versions) reject it, and a CRLF copy of the file is skipped.', fixDescription: 'Applies the same quoting to the file.' };


