// Long synchronous work cut into slices, so the process (the extension host) keeps answering events in between.
// Discovery reads thousands of small files: synchronous calls cost a fraction of their promise versions.

export class TimeSlices {
  private sliceStart = performance.now();

  constructor(private readonly sliceMs = 10) {}

  /** True once the current slice is used up: the caller should `await next()`. */
  get due(): boolean {
    return performance.now() - this.sliceStart >= this.sliceMs;
  }

  /** Lets pending events run, then starts a new slice. */
  async next(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
  }
}
