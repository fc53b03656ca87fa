// `description`: Claude Code skips a file whose description is missing, empty or not a string; a plain value is cut at ` #`.
import { quoteYamlString, yamlScalar } from '../../../lint/fixes';
import type { RuleMeta } from '../../../lint/rule';
import { isPlainScalar, isScalarNode, type FrontmatterEntry } from '../../../frontmatter/model';
import { describeType, loadedName, type ClaudeCodeContext, type ClaudeCodeRule } from '../claudeCodeContext';

export const missingDescription: RuleMeta = { code: 'agent/missing-description', severity: 'error', title: 'Missing `description`', explanation: 'Claude Code needs a non-empty string `description` (it tells Claude when to use the agent) and skips the file without it.', fixDescription: 'Adds a `description:` from the body\'s first line.' };
export const descriptionNotString: RuleMeta = { code: 'agent/description-not-string', severity: 'error', title: '`description` is not a string', explanation: 'YAML reads this description as a number, boolean, null, list or map (a value starting with `#` is a comment, so null); Claude Code skips the file.', fixDescription: 'Quotes the value.' };
export const descriptionComment: RuleMeta = { code: 'agent/description-comment', severity: 'warning', title: 'Description cut at ` #`', explanation: 'In a plain (unquoted) YAML value, ` #` starts a comment: Claude Code reads the description only up to it and silently drops the rest.', fixDescription: 'Quotes the whole value.' };
export const descriptionBlank: RuleMeta = { code: 'agent/description-blank', severity: 'warning', title: 'Blank description', explanation: 'A description of only spaces loads, but Claude never has a reason to pick the agent.' };

export const descriptionRule: ClaudeCodeRule = {
  metas: [missingDescription, descriptionNotString, descriptionComment, descriptionBlank],
  check(ctx: ClaudeCodeContext): void {
    const entry = ctx.entry('description');
    const value = ctx.value('description');
    if (entry && isPlainScalar(entry.valueNode)) checkCommentInPlainValue(ctx, entry);
    const isComment = value === null && commentAfterKey(ctx, entry);
    if ((value === undefined || value === null || value === '') && !isComment) {
      const firstLine = firstBodyLine(ctx) ?? `Use this agent when ${loadedName(ctx) ?? 'the task calls for it'}.`;
      const text = `description: ${yamlScalar(firstLine)}`;
      const eol = ctx.positions.eol;
      const edit = entry
        ? ctx.edit(entry.keyStart, entry.valueNode ? entry.valueEnd : entry.keyEnd + 1, text)
        : ctx.edit(ctx.yamlText.length, ctx.yamlText.length, `${ctx.yamlText === '' || ctx.yamlText.endsWith('\n') ? '' : eol}${text}${eol}`);
      ctx.report(missingDescription, `Claude Code skips this file: its \`description\` is ${entry ? 'empty' : 'missing'}, and it tells Claude when to use the agent.`, entry ? ctx.valueRange(entry) : ctx.openerRange, {
        title: 'Add a description', isPreferred: true, edits: [edit],
      });
      ctx.skipsFile = true;
      return;
    }
    if (typeof value !== 'string') {
      const rest = ctx.lineRest(entry!);
      // A plain value ends before its ` #` comment, which stays a comment after the quoting.
      const plainOnOneLine = isPlainScalar(entry!.valueNode) && entry!.valueEnd <= rest.end;
      const lineRest = withValueTag(ctx, plainOnOneLine ? { start: rest.start, end: entry!.valueEnd, text: ctx.yamlText.slice(rest.start, entry!.valueEnd) } : rest);
      const quotable = (isComment || isScalarNode(entry!.valueNode)) && lineRest.value !== '';
      const reason = isComment ? 'starts with `#`, which makes the rest of the line a YAML comment, so it is empty' : `is read as ${describeType(value)}, not a string`;
      ctx.report(descriptionNotString, `Claude Code skips this file: \`description\` ${reason}.`, isComment ? ctx.range(lineRest.start, lineRest.end) : ctx.valueRange(entry!),
        quotable ? { title: 'Quote the description', isPreferred: true, edits: [ctx.edit(lineRest.start, lineRest.end, quoteYamlString(lineRest.value))] } : undefined);
      ctx.skipsFile = true;
      return;
    }
    if (value.trim() === '') {
      ctx.report(descriptionBlank, 'This description is blank: the agent loads, but Claude never has a reason to choose it.', entry ? ctx.valueRange(entry) : ctx.openerRange);
    }
  },
};

/** `description: Use it #when` is cut at ` #`; the comment token follows the value on the same line. */
function checkCommentInPlainValue(ctx: ClaudeCodeContext, entry: FrontmatterEntry): void {
  const rest = ctx.lineRest(entry);
  const afterValue = ctx.yamlText.slice(entry.valueEnd, rest.end);
  const valueSpansLines = ctx.yamlText.slice(entry.valueStart, entry.valueEnd).includes('\n');
  if (!/^\s+#/.test(afterValue) || valueSpansLines) return;
  const commentStart = entry.valueEnd + afterValue.indexOf('#');
  ctx.report(descriptionComment, `Claude Code reads this description only up to \` #\`; "${rest.text.slice(commentStart - rest.start).slice(0, 40)}" is a YAML comment and is dropped.`, ctx.range(commentStart, rest.end), {
    title: 'Quote the whole description', isPreferred: true, edits: [ctx.edit(rest.start, rest.end, quoteYamlString(rest.text))],
  });
}

function commentAfterKey(ctx: ClaudeCodeContext, entry: FrontmatterEntry | undefined): boolean {
  return entry !== undefined && /^\s*#/.test(ctx.lineRest(entry).text);
}

function firstBodyLine(ctx: ClaudeCodeContext): string | undefined {
  const body = ctx.positions.text;
  // Line by line from the body's start (LF, CRLF or CR), not split all at once: a body of a megabyte of `---` lines
  // made a quarter of a million strings to pass over.
  for (let start = ctx.block.bodyStart; start <= body.length;) {
    let end = start;
    while (end < body.length && body.charCodeAt(end) !== 10 && body.charCodeAt(end) !== 13) end++;
    const line = body.slice(start, end);
    start = end + (body.charCodeAt(end) === 13 && body.charCodeAt(end + 1) === 10 ? 2 : 1);
    const bare = line.trim();
    // Blank, or only a `---` (which would read as `\u2014` below): never the line taken.
    if (bare === '' || bare === '---') continue;
    // A `---` copied into the front matter would end it there.
    const text = line.replace(/^#+\s*/, '').replaceAll('---', '\u2014').trim();
    if (text !== '' && text !== '\u2014' && !text.startsWith('<')) return text.slice(0, 200);
  }
  return undefined;
}

/**
 * The rest of the value's line, widened to take in a tag before it (`!!int 42`: the value starts at `42`), and the
 * text to quote: without the tag, which would otherwise turn the quoted text back into a number.
 */
function withValueTag(ctx: ClaudeCodeContext, rest: { start: number; end: number; text: string }): { start: number; end: number; value: string } {
  const lineStart = ctx.yamlText.lastIndexOf('\n', rest.start - 1) + 1;
  const tag = /(!\S*)\s+$/.exec(ctx.yamlText.slice(lineStart, rest.start));
  const start = tag ? rest.start - tag[0].length : rest.start;
  return { start, end: rest.end, value: rest.text.trim() };
}
