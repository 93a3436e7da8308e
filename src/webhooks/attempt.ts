import { isTimeout } from '../lib/timeout';
import { type AttemptVerdict, classifyResponse } from './schedule';

/** Redirects are not followed and a slow receiver is cut off after 15 s. */
export const DELIVERY_TIMEOUT_MS = 15_000;

export type AttemptResult = {
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  verdict: AttemptVerdict;
};

/** One HTTP POST of a signed webhook body. Never throws: every failure is an outcome to record. */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<AttemptResult> {
  const started = Date.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'user-agent': 'Borda-Webhooks/1', ...headers },
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    // The body is not needed; cancel it so the connection is released.
    await res.body?.cancel();
    const latencyMs = Date.now() - started;
    const verdict = classifyResponse(res.status, res.headers.get('retry-after'), Date.now());
    return {
      statusCode: res.status,
      latencyMs,
      error: verdict.kind === 'delivered' ? null : `HTTP ${res.status}`,
      verdict,
    };
  } catch (err) {
    const latencyMs = Date.now() - started;
    const timedOut = isTimeout(err);
    const error = timedOut
      ? `timeout after ${DELIVERY_TIMEOUT_MS} ms`
      : `network error: ${err instanceof Error ? err.message : 'unknown'}`;
    return {
      statusCode: null,
      latencyMs,
      error: error.slice(0, 300),
      verdict: classifyResponse(null, null, Date.now()),
    };
  }
}
