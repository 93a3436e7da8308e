/**
 * Runs at most `n` of the given tasks at once, in the order they were submitted. A Worker
 * invocation has six simultaneous outbound connections; starting more fetches only queues them
 * inside the runtime, where a per-request timeout would already be running.
 */
export function concurrency(n: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
