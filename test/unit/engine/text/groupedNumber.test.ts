import * as assert from 'node:assert/strict';
import { groupedNumber } from '../../../../src/engine/text/groupedNumber';

describe('groupedNumber', () => {
  it('writes whole numbers as en-US locale formatting does', () => {
    for (const count of [0, 7, 12, 999, 1000, 1001, 12_345, 999_999, 1_000_000, 1_234_567_890, -1, -1234, -999_999]) {
      assert.equal(groupedNumber(count), count.toLocaleString('en-US'), String(count));
    }
  });

  it('rounds fractions to the nearest whole number', () => {
    assert.equal(groupedNumber(1234.6), '1,235');
  });
});
