// Reports how long activate() took in this extension host, for `npm run bench` (which runs this file alone, several
// times, and takes the median). It checks only that the figure exists: tests do not time anything.
import * as assert from 'node:assert/strict';
import Mocha from 'mocha';
import * as vscode from 'vscode';

describe('activation time', () => {
  it('is reported by activate()', async () => {
    const api = (await vscode.extensions.getExtension('agent-studio.agent-studio')!.activate()) as { activationMs?: number };
    assert.equal(typeof api.activationMs, 'number');
    // The spec reporter's own channel: the runner prints it with the report.
    Mocha.reporters.Base.consoleLog(`      activate() took ${api.activationMs!.toFixed(2)} ms`);
  });
});
