// The command line's arguments, read without running a command: what each option gives, and which mistakes are usage errors.
import * as assert from 'node:assert/strict';
import { parseLintArguments, parseTestRoutingArguments, USAGE, UsageError } from '../../../src/cli/arguments';

describe('command line arguments', () => {
  it('reads lint options in both spellings, and paths after `--` as paths', () => {
    assert.deepEqual(parseLintArguments([]), { paths: [], format: 'text', claudeCodeVersion: 'auto' });
    assert.deepEqual(parseLintArguments(['--format', 'json', 'a.md', '--claude-code-version=latest', '--', '--format', '-x.md']),
      { paths: ['a.md', '--format', '-x.md'], format: 'json', claudeCodeVersion: 'latest' });
    assert.deepEqual(parseLintArguments(['-']).paths, ['-']);
  });

  it('makes an unknown lint option or format a usage error', () => {
    assert.throws(() => parseLintArguments(['--fix']), (error) => error instanceof UsageError && error.message === "unknown option '--fix'");
    assert.throws(() => parseLintArguments(['--format=xml']), (error) => error instanceof UsageError && /--format must be one of text, compact, json, sarif, not 'xml'/.test(error.message));
  });

  it('reads test-routing options, bounding the counts, with the same usage error', () => {
    assert.deepEqual(parseTestRoutingArguments(['p', '--runs=3', '--parallel', '2', '--format', 'junit', '--claude', '/bin/claude']),
      { paths: ['p'], runs: 3, parallel: 2, format: 'junit', claude: '/bin/claude' });
    assert.throws(() => parseTestRoutingArguments(['--runs', '0']), UsageError);
    assert.throws(() => parseTestRoutingArguments(['--claude']), (error) => error instanceof UsageError && error.message === '--claude needs a value');
  });

  it('has one usage text naming every command', () => {
    for (const command of ['lint', 'test-routing', 'docs', '--version']) assert.ok(USAGE.includes(`agent-studio ${command}`), command);
  });
});
