/**
 * A whole number with thousands separated by commas, as `toLocaleString('en-US')` writes it. Written out because the
 * first `toLocaleString` call loads ICU's locale data (about 3 ms), and rule metas format their thresholds when the
 * extension's bundle loads, which VS Code counts as activation time.
 */
export function groupedNumber(count: number): string {
  const whole = Math.round(count);
  const digits = String(Math.abs(whole));
  let grouped = '';
  for (let end = digits.length; end > 0; end -= 3) grouped = (end > 3 ? ',' : '') + digits.slice(Math.max(0, end - 3), end) + grouped;
  return whole < 0 ? `-${grouped}` : grouped;
}
