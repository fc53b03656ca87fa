// The one rule for tests that run a real Claude Code version: skip outside CI when it is not installed, fail in CI.
import * as assert from 'node:assert/strict';
import { ClaudeBinaryMissingError } from '../../support/claudeCli';
import { claudeBinaryOrSkip, installedClaudeBinary, recordedVersions } from '../../support/claudeCodeVersions';

/** A test's `skip`, recording that it was asked: mocha's own throws to end the test. */
function skipRecorder(): { skip(): void; skipped: boolean } {
  return { skipped: false, skip() { this.skipped = true; throw new Error('skipped'); } };
}

describe('claudeBinaryOrSkip', () => {
  const missing = '0.0.1';

  it('skips a test outside CI when the version is not installed', () => {
    const test = skipRecorder();
    assert.throws(() => claudeBinaryOrSkip(test, missing, {}), /skipped/);
    assert.equal(test.skipped, true);
  });

  it('fails in CI instead, saying how to install it', () => {
    const test = skipRecorder();
    assert.throws(() => claudeBinaryOrSkip(test, missing, { CI: 'true' }), (error) => error instanceof ClaudeBinaryMissingError && /npm run loader-truth -- --version 0\.0\.1/.test(error.message));
    assert.equal(test.skipped, false);
  });

  it('gives the binary of an installed version', function () {
    const [oldest] = recordedVersions();
    assert.equal(claudeBinaryOrSkip(this, oldest), installedClaudeBinary(oldest));
  });
});
