// What the engine returns outlives the text it read: a catalog keeps every file's result, so no result may keep its
// file's text alive (a slice of a string shares the whole string's memory in V8).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintAgentFile } from '../../../../src/engine/lint/lint';
import type { LintResult } from '../../../../src/engine/lint/lintResult';
import { sharedFolder } from '../../../support/sharedMaterial';

describe('retained memory', () => {
  it('keeps none of the texts it linted: 2,160 results of 14 MB of agents hold under 5 MB', function () {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) this.skip();
    const folder = path.join(sharedFolder(), 'corpus', 'claude');
    const files = fs.readdirSync(folder).filter((name) => name.endsWith('.md')).map((name) => path.join(folder, name));
    const settle = () => {
      gc!();
      gc!();
      return process.memoryUsage().heapUsed;
    };
    const results: LintResult[] = [];
    let textBytes = 0;
    const before = settle();
    for (let copy = 0; copy < 6; copy++) {
      for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        textBytes += text.length;
        results.push(lintAgentFile(text, { path: `.claude/agents/${copy}-${path.basename(file)}` }));
      }
    }
    const retained = settle() - before;
    assert.equal(results.filter((result) => result.loads).length, files.length * 6);
    assert.ok(textBytes > 12 * 1048576, `${textBytes} bytes of text`);
    assert.ok(retained < 5 * 1048576, `${(retained / 1048576).toFixed(1)} MB retained by ${results.length} results`);
  });
});
