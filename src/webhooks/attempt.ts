import { isTimeout } from '../lib/timeout';
import { type AttemptVerdict, classifyResponse } from './schedule';

/** Redirects are not followed and a slow receiver is cut off after 15 s. */
export const DELIVERY_TIMEOUT_MS = 15_000;

/** How much of a receiver's answer body is kept with the attempt. */
export const EXCERPT_BYTES = 500;

export type AttemptResult = {
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  /** The first EXCERPT_BYTES of the answer body as text (headers are never kept); null without an answer. */
  excerpt: string | null;
  verdict: AttemptVerdict;
};

/**
 * Reads at most `limit` bytes of a body as UTF-8 text (a character cut at the limit is dropped, control
 * characters but tab and newline become U+FFFD) and releases the rest. A body that stalls or fails
 * midway keeps what arrived: the answer's status decides the outcome, never its body.
 */
export async function readExcerpt(body: ReadableStream<Uint8Array> | null, limit = EXCERPT_BYTES) {
  if (!body) return '';
  const reader = body.getReader();
  const kept = new Uint8Array(limit);
  let length = 0;
  try {
    while (length < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      const take = Math.min(value.byteLength, limit - length);
      kept.set(value.subarray(0, take), length);
      length += take;
    }
  } catch {
    // A receiver that breaks off mid-body: keep what came.
  }
  reader.cancel().catch(() => {});
  const text = new TextDecoder().decode(kept.subarray(0, length), { stream: true });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\ufffd');
}

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
    // Latency is to the answer's headers; then a short excerpt of the body is kept and the rest released.
    const latencyMs = Date.now() - started;
    const excerpt = await readExcerpt(res.body);
    const verdict = classifyResponse(res.status, res.headers.get('retry-after'), Date.now());
    return {
      statusCode: res.status,
      latencyMs,
      error: verdict.kind === 'delivered' ? null : `HTTP ${res.status}`,
      excerpt,
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
      excerpt: null,
      verdict: classifyResponse(null, null, Date.now()),
    };
  }
}
