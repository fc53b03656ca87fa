// Issue 14's hostile inputs as families of texts of any size: the benchmark (`npm run bench -- hostile`) writes each at
// 256 KiB and 1 MiB, and the fuzz script (`npm run fuzz`) draws from them at random sizes. Each family is one way a file
// can be "many small things" or "one huge thing" that an algorithm may handle in more than linear time.

/** Lines from `line(index)` after `head`, until the text would pass `bytes` (ASCII, so characters are bytes). */
function repeatedLines(bytes: number, head: string, line: (index: number) => string, tail = ''): string {
  const parts = [head];
  let length = head.length + tail.length;
  for (let index = 0; ; index++) {
    const next = line(index);
    if (length + next.length > bytes) break;
    parts.push(next);
    length += next.length;
  }
  parts.push(tail);
  return parts.join('');
}

/** A key of letters only for every index (`a`, `b`, ... `ba`, ...): Claude Code's repair pass reads no digits in keys. */
function letters(index: number): string {
  let key = '';
  for (let rest = index; ; rest = Math.floor(rest / 26) - 1) {
    key = String.fromCharCode(97 + (rest % 26)) + key;
    if (rest < 26) return key;
  }
}

/** `count` characters of `unit` repeated, cut to length. */
const filled = (unit: string, count: number) => unit.repeat(Math.ceil(Math.max(0, count) / unit.length)).slice(0, Math.max(0, count));

const head = '---\nname: hostile\ndescription: An agent file made of many small things.\n';

export const HOSTILE_FAMILIES: Record<string, (bytes: number) => string> = {
  // The split and the line index (the first families of issue 14).
  '`---` then LF blank lines, no closer': (bytes) => '---' + '\n'.repeat(bytes - 3),
  '`---` then CRLF blank lines, no closer': (bytes) => '---' + '\r\n'.repeat((bytes - 3) >> 1),
  '`---` then CR-only blank lines, no closer': (bytes) => '---' + '\r'.repeat(bytes - 3),
  'blank lines before `---`, no closer': (bytes) => '\n'.repeat(bytes >> 1) + '---' + '\n'.repeat((bytes >> 1) - 3),
  '`[` nested to the end of the file': (bytes) => '---\nname: deep\ndescription: d\nx: ' + '['.repeat(bytes - 40) + '\n---\n',
  '`{` nested to the end of the file': (bytes) => '---\nname: deep\ndescription: d\nx: ' + '{'.repeat(bytes - 40) + '\n---\n',
  // Many small things, each a diagnostic or a fix.
  'distinct unknown keys (`k1: v`, ...)': (bytes) => repeatedLines(bytes, head, (index) => `k${index}: v\n`, '---\n'),
  'distinct keys that look misspelt (`modle1: v`, ...)': (bytes) => repeatedLines(bytes, head, (index) => `modle${index}: v\n`, '---\n'),
  'the same key again and again (`model: sonnet`)': (bytes) => repeatedLines(bytes, head, () => 'model: sonnet\n', '---\n'),
  'the same misspelt key again and again (`modle: x`)': (bytes) => repeatedLines(bytes, head, () => 'modle: x\n', '---\n'),
  '`key: a: b` lines Claude Code repairs': (bytes) => repeatedLines(bytes, head, (index) => `k${letters(index)}: a: b\n`, '---\n'),
  '`key: a: b` lines it cannot repair (digits in keys)': (bytes) => repeatedLines(bytes, head, (index) => `k${index}: a: b\n`, '---\n'),
  'a list of keys, then the same list again': (bytes) => {
    const half = repeatedLines(bytes >> 1, '', (index) => `k${index}: v\n`);
    return `${head}${half}${half}`.slice(0, bytes - 5) + '\n---\n';
  },
  '`<example>` blocks in one `|` description': (bytes) => repeatedLines(bytes, '---\nname: hostile\ndescription: |\n  Use this agent.\n', (index) => `  <example>${index}</example>\n`, '---\n'),
  '`<example>` blocks in one one-line description': (bytes) => repeatedLines(bytes, '---\nname: hostile\ndescription: Use this agent.', (index) => `\\n<example>user: ${index}</example>`, '\n---\n'),
  'unindented example lines after a description': (bytes) => repeatedLines(bytes, '---\nname: hostile\ndescription: Use this agent. Examples:\n', (index) => `user: "case ${index}"\n`, '---\n'),
  'unknown tools in one `tools:` line': (bytes) => repeatedLines(bytes, `${head}tools: Read`, (index) => `, Tool${index}`, '\n---\n'),
  'misspelt tools in one `tools:` line (`Reed`)': (bytes) => repeatedLines(bytes, `${head}tools: Read`, () => ', Reed', '\n---\n'),
  'tools as a YAML list': (bytes) => repeatedLines(bytes, `${head}tools:\n`, (index) => `  - ${index % 2 ? 'Read' : `Tool${index}`}\n`, '---\n'),
  'a huge `hooks` map of unknown events': (bytes) => repeatedLines(bytes, `${head}hooks:\n`, (index) => `  Event${index}:\n    - hooks:\n        - type: command\n          command: echo ${index}\n`, '---\n'),
  'a huge `hooks` list under one event': (bytes) => repeatedLines(bytes, `${head}hooks:\n  PreToolUse:\n`, (index) => `    - matcher: Tool${index}\n      hooks:\n        - type: command\n          command: echo ${index}\n`, '---\n'),
  'a huge `mcpServers` map': (bytes) => repeatedLines(bytes, `${head}mcpServers:\n`, (index) => `  server${index}:\n    command: run\n`, '---\n'),
  'many `---` inside one value': (bytes) => repeatedLines(bytes, '---\nname: hostile\ndescription: a', () => ' ---', '\n---\n'),
  'many values ending in `---`': (bytes) => repeatedLines(bytes, head, (index) => `k${index}: x ---\n`, '---\n'),
  'many indented `---` lines in a block': (bytes) => repeatedLines(bytes, '---\nname: hostile\ndescription: |\n', () => '  ---\n', '---\n'),
  'comments between keys': (bytes) => repeatedLines(bytes, head, (index) => `# comment ${index}\n`, '---\n'),
  'NUL bytes in the front matter': (bytes) => repeatedLines(bytes, head, () => 'x: a\0b\n', '---\n'),
  'anchors and aliases': (bytes) => repeatedLines(bytes, `${head}a0: &a0 x\n`, (index) => `k${index}: *a0\n`, '---\n'),
  // Front matter the fast scanner leaves to the `yaml` package (found while measuring issue 14's fixes): past 8 KiB
  // it is not parsed, and under that its fixes are tried within a budget.
  'quoted keys (`"k1": v`)': (bytes) => repeatedLines(bytes, head, (index) => `"k${index}": v\n`, '---\n'),
  'flow maps as values (`k1: {a: b}`)': (bytes) => repeatedLines(bytes, head, (index) => `k${index}: {a: b, c: [d]}\n`, '---\n'),
  'tagged values (`k1: !!str v`)': (bytes) => repeatedLines(bytes, head, (index) => `k${index}: !!str v\n`, '---\n'),
  'tabs after colons (`k1:<tab>v`)': (bytes) => repeatedLines(bytes, head, (index) => `k${index}:\tv\n`, '---\n'),
  'CRLF key lines (`k1: v`)': (bytes) => repeatedLines(bytes, head.replace(/\n/g, '\r\n'), (index) => `k${index}: v\r\n`, '---\r\n'),
  'CRLF misspelt keys (`modle1: v`)': (bytes) => repeatedLines(bytes, head.replace(/\n/g, '\r\n'), (index) => `modle${index}: v\r\n`, '---\r\n'),
  'CRLF `key: a: b` lines Claude Code repairs': (bytes) => repeatedLines(bytes, head.replace(/\n/g, '\r\n'), (index) => `k${letters(index)}: a: b\r\n`, '---\r\n'),
  'CR-only key lines': (bytes) => repeatedLines(bytes, head.replace(/\n/g, '\r'), (index) => `k${index}: v\r`, '---\r'),
  // One line that opens a level with each word.
  '`k: - - - ...` on one line': (bytes) => `${head}k: ${filled('- ', bytes - head.length - 8)}\n---\n`,
  '`k: ? ? ? ...` on one line': (bytes) => `${head}k: ${filled('? ', bytes - head.length - 8)}\n---\n`,
  '`k: : : : ...` on one line': (bytes) => `${head}k: ${filled(': ', bytes - head.length - 8)}\n---\n`,
  '`- &a - &a ...` on one line': (bytes) => `${head}k:\n${filled('- &a ', bytes - head.length - 8)}\n---\n`,
  // One huge thing.
  'one long `description` line': (bytes) => `---\nname: hostile\ndescription: ${filled('word ', bytes - 40)}\n---\n`,
  'one long unknown key': (bytes) => `---\nname: hostile\ndescription: d\n${filled('k', bytes - 45)}: v\n---\n`,
  'one long `name`': (bytes) => `---\nname: ${filled('a b:', bytes - 40)}\ndescription: d\n---\n`,
  'one long unterminated quote': (bytes) => `---\nname: hostile\ndescription: "${filled('word ', bytes - 40)}\n---\n`,
  'one long body line': (bytes) => `${head}---\n${filled('body ', bytes - head.length - 5)}`,
  'no front matter, one long line': (bytes) => filled('text ', bytes),
  'body of `---` lines, no description': (bytes) => repeatedLines(bytes, '---\nname: hostile\n---\n', () => '---\n'),
  'block maps nested deep': (bytes) => {
    const lines = [head];
    let length = head.length + 4;
    for (let depth = 0; length + depth + 4 < bytes; depth++) {
      lines.push(`${' '.repeat(depth)}k:\n`);
      length += depth + 3;
    }
    return `${lines.join('')}---\n`;
  },
};
