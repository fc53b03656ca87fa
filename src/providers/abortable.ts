// Ends an iteration as soon as a run is cancelled, even while the source is stuck waiting for its next item.
import { cancelledError } from './types';

/** Yields `source`'s items until `signal` aborts, then throws a 'cancelled' ProviderError without waiting for the source. */
export async function* abortable<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T, void, undefined> {
  if (signal.aborted) throw cancelledError();
  const iterator = source[Symbol.asyncIterator]();
  const aborted = whenAborted(signal);
  try {
    while (true) {
      const next = await Promise.race([iterator.next(), aborted.promise]);
      if (next.done) return;
      yield next.value;
      if (signal.aborted) throw cancelledError();
    }
  } finally {
    aborted.dispose();
    // Not awaited: a source blocked in next() would hold us here; the caller's cleanup ends it.
    iterator.return?.()?.catch(() => undefined);
  }
}

/** Waits for `promise` unless `signal` aborts first. */
export async function abortableWait<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  const aborted = whenAborted(signal);
  try {
    return await Promise.race([promise, aborted.promise]);
  } finally {
    aborted.dispose();
  }
}

function whenAborted(signal: AbortSignal): { promise: Promise<never>; dispose(): void } {
  let onAbort = () => undefined as void;
  const promise = new Promise<never>((_, reject) => {
    onAbort = () => reject(cancelledError());
    if (signal.aborted) onAbort();
  });
  promise.catch(() => undefined); // observed through Promise.race; never an unhandled rejection
  signal.addEventListener('abort', onAbort, { once: true });
  return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}
