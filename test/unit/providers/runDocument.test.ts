import * as assert from 'node:assert/strict';
import { redactSecrets } from '../../../src/providers/redact';
import { formatRunFooter, RunDocument } from '../../../src/providers/runDocument';
import { ProviderError } from '../../../src/providers/types';

const header = { agentName: 'code-reviewer', providerLabel: 'Claude Code', model: 'sonnet', prompt: 'Review the diff.\n\nBe brief.' };

describe('providers: run document', () => {
  it('writes header, quoted prompt, streamed answer and a footer with the run\'s duration, tokens and cost', () => {
    const document = new RunDocument(header);
    document.append({ type: 'text', text: 'Looks ' });
    document.append({ type: 'text', text: 'good.' });
    document.append({ type: 'usage', inputTokens: 1234, outputTokens: 56, costUsd: 0.0123, durationMs: 2400, model: 'claude-sonnet-5' });
    document.finish({ status: 'completed', elapsedMs: 3000 });
    assert.equal(document.answer, 'Looks good.');
    assert.equal(
      document.markdown,
      [
        '# Run of `code-reviewer`',
        '',
        '- **Provider:** Claude Code',
        '- **Model:** `sonnet`',
        '',
        '> Review the diff.',
        '>',
        '> Be brief.',
        '',
        '---',
        '',
        'Looks good.',
        '',
        '---',
        '',
        '*Completed in 3.0 s · 1,234 input tokens · 56 output tokens · $0.01 · `claude-sonnet-5`*',
        '',
      ].join('\n'),
    );
  });

  it('says "1 input token", not "1 input tokens"', () => {
    assert.match(formatRunFooter({ inputTokens: 1, outputTokens: 14 }, { status: 'completed', elapsedMs: 900 }), /· 1 input token · 14 output tokens/);
  });

  it('falls back to the measured time and leaves out what the back end did not report', () => {
    assert.equal(formatRunFooter({}, { status: 'completed', elapsedMs: 850 }).trim(), '---\n\n*Completed in 850 ms*');
    assert.match(formatRunFooter({ costUsd: 0.000235 }, { status: 'completed' }), /\$0\.0002/);
  });

  it('shows tool calls and retries between the answer text', () => {
    const document = new RunDocument(header);
    document.append({ type: 'tool-use', name: 'Read' });
    assert.ok(document.markdown.endsWith('\n\n*Using tool `Read`*\n\n'));
    document.append({ type: 'retry', attempt: 2, maxRetries: 10, delayMs: 1056, status: 429 });
    assert.ok(document.markdown.endsWith('\n\n*Using tool `Read`*\n\n\n\n*Request failed (HTTP 429); retrying in 1.1 s (attempt 2 of 10)…*\n\n'));
  });

  it('drops the partial text of a request that was retried, and keeps what earlier requests answered', () => {
    const document = new RunDocument(header);
    document.append({ type: 'text', text: 'Reading the file.' });
    document.append({ type: 'tool-use', name: 'Read' });
    document.append({ type: 'text', text: 'The bug is in lin' });
    document.append({ type: 'retry', attempt: 1, status: 529 });
    document.append({ type: 'text', text: 'The bug is in line 3.' });
    assert.equal(document.answer, 'Reading the file.The bug is in line 3.');
    assert.ok(!document.markdown.includes('in lin\n'), document.markdown);
    assert.match(document.markdown, /Reading the file\.\n\n\*Using tool `Read`\*\n\n\n\n\*Request failed \(HTTP 529\); retrying \(attempt 1\)…\*\n\nThe bug is in line 3\.$/);
  });

  it('shows a selected prompt as code in its file\'s language, in a fence its backticks cannot close', () => {
    const code = 'function add(a, b) {\n  return a - b;\n}';
    assert.ok(new RunDocument({ ...header, prompt: code, promptLanguage: 'javascript' }).markdown.includes(`\n\n\`\`\`javascript\n${code}\n\`\`\`\n\n---\n`));
    const markdown = new RunDocument({ ...header, prompt: 'Text\n```ts\nx\n```', promptLanguage: 'markdown' }).markdown;
    assert.ok(markdown.includes('\n````markdown\nText\n```ts\nx\n```\n````\n'), markdown);
  });

  it('reports a failure with its message and a cancel as such', () => {
    const failed = new RunDocument(header);
    const footer = failed.finish({ status: 'failed', error: new ProviderError('rate-limited', 'Anthropic is rate-limiting requests (429).', 'retry'), elapsedMs: 100 });
    assert.match(footer, /> \*\*Error:\*\* Anthropic is rate-limiting requests \(429\)\./);
    assert.match(footer, /\*Failed in 100 ms\*/);
    assert.match(new RunDocument(header).finish({ status: 'cancelled' }), /\*Cancelled\*/);
  });

  it('closes a code block a cancel cut short, so the footer is not swallowed by it', () => {
    const document = new RunDocument(header);
    document.append({ type: 'text', text: 'Here:\n```ts\nconst x = 1;' });
    assert.match(document.finish({ status: 'cancelled' }), /^\n```\n\n---/);
  });

  it('never shows a known secret, and no key-shaped string in an error', () => {
    const key = 'sk-ant-api03-abcdefghijklmnop';
    const document = new RunDocument({ ...header, prompt: `my key is ${key}` }, [key]);
    document.append({ type: 'text', text: `echo ${key}; a format like sk-xxxxxxxxxxxx is fine in an answer` });
    document.finish({ status: 'failed', error: new Error('401 Incorrect API key provided: sk-proj-abc1****wxyz') });
    assert.ok(!document.markdown.includes(key), document.markdown);
    assert.ok(!document.markdown.includes('sk-proj-abc1'), document.markdown);
    assert.ok(document.markdown.includes('sk-xxxxxxxxxxxx is fine'));
  });

  it('keeps names with backticks and newlines on one line of code', () => {
    const document = new RunDocument({ ...header, agentName: 'odd`name\nx', model: undefined });
    assert.match(document.markdown, /^# Run of ``odd`name x``\n/);
    assert.match(document.markdown, /- \*\*Model:\*\* default/);
  });

  it('redacts bearer tokens and every configured key, however short', () => {
    assert.equal(redactSecrets('Authorization: Bearer abcdefghijk123'), 'Authorization: [redacted]');
    assert.equal(redactSecrets('the key k3y is shown', ['k3y']), 'the key [redacted] is shown');
    assert.equal(redactSecrets('abc-long and abc', ['abc', 'abc-long']), '[redacted] and [redacted]');
  });

  it('never shows a key split across streamed events, at any split point', () => {
    const key = 'sk-ant-api03-abcdefghijklmnop';
    for (const short of [false, true]) {
      const secret = short ? 'k3y' : key;
      const answer = `Your key ${secret} was in the log; also ${secret}`;
      for (let first = 1; first < answer.length; first++) {
        for (const second of [first + 1, first + 3, answer.length]) {
          const document = new RunDocument(header, [secret]);
          const shown = [answer.slice(0, first), answer.slice(first, second), answer.slice(second)]
            .map((text) => document.append({ type: 'text', text })).join('') + document.finish({ status: 'completed' });
          assert.ok(!shown.includes(secret) && !document.markdown.includes(secret), `split at ${first}/${second}: ${shown}`);
          assert.ok(shown.includes('Your key [redacted] was in the log; also [redacted]'), shown);
        }
      }
    }
  });
});
