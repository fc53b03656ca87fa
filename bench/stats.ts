// Medians and percentiles: every figure is a median over repeated runs or a percentile over many, never one timing.

export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** Milliseconds spent in `run`. */
export function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

export async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}
