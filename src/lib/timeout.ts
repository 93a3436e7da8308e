/**
 * Whether a fetch failed because its time ran out: `AbortSignal.timeout` rejects with a
 * `TimeoutError`, and a manually aborted signal with an `AbortError`. Anything else is a connection
 * that failed. Every outbound call (gateways, webhooks, e-mail) asks here, so they agree.
 */
export function isTimeout(err: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  const name = err instanceof Error ? err.name : '';
  return name === 'TimeoutError' || name === 'AbortError';
}
