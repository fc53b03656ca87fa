// YAML problems of a Claude Code file, reported by the linter (it parses before any rule runs) with these codes.
import type { RuleMeta } from '../../../lint/rule';

export const yamlSyntax: RuleMeta = { code: 'agent/yaml-syntax', severity: 'error', title: 'YAML syntax error', explanation: 'Claude Code cannot parse the front matter, even after its own repair pass (quoting values with `: `, turning tabs into spaces), so it skips the file.', fixDescription: 'Where the cause is mechanical: quotes the value, or folds an unindented description into a `|` block.' };
export const yamlRepaired: RuleMeta = { code: 'agent/yaml-repaired', severity: 'warning', title: 'Not valid YAML; Claude Code loads it anyway', explanation: 'A `: ` inside an unquoted value (`description: Use when: x`) looks to YAML like a second key, so the front matter is not valid YAML. Claude Code 2.x quotes such lines itself before giving up, so the file loads; but GitHub Copilot, YAML linters and older versions reject it, and Claude Code skips a copy with Windows (CRLF) line endings, where its quoting does not apply.', fixDescription: 'Writes the value as a `|` block when the text allows, or quotes it as Claude Code does.' };


