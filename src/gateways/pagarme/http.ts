import { type ConnectorContext, ConnectorError } from '../types';
import type { PagarmeErrorBody } from './wire';

/** Pagar.me API v5 ("Core") base URL; test and live differ only by key (sk_test_… / sk_…). */
export const PAGARME_BASE_URL = 'https://api.pagar.me/core/v5';

export type PagarmeReply<T> = { status: number; body: T | null };

/**
 * Pagar.me v5 authenticates with HTTP Basic: the secret key as user name, an empty password.
 * Exported for the tests, which check the header Borda sends.
 */
export function basicAuth(secretKey: string): string {
  return `Basic ${btoa(`${secretKey}:`)}`;
}

// Gateway text may echo input; runs of digits (a card number, a CVV, a document) never reach an error.
function scrub(text: string): string {
  return text.replace(/\d{3,}/g, '***').slice(0, 200);
}

function describe(body: unknown): string {
  if (body === null || typeof body !== 'object') return '';
  const { message, errors } = body as PagarmeErrorBody;
  // Field names only: the messages next to them may quote the rejected value.
  const fields = errors && typeof errors === 'object' ? Object.keys(errors).join(', ') : '';
  return scrub([typeof message === 'string' ? message : '', fields].filter(Boolean).join(' — '));
}

/**
 * What an HTTP status from Pagar.me means for the router:
 * - 401/403: our key is wrong or lacks the scope; the payment never started, so another gateway may try;
 * - 400/422 (and other 4xx): Pagar.me refused the request's content (a missing phone, a document it
 *   rejects, a method the account lacks). That is this gateway's requirement, not the customer's bank
 *   refusing the money, so it is retryable rather than a hard decline: another gateway may well accept;
 * - 429/503: refused before processing, retryable;
 * - 409: another request with the same Idempotency-Key is still in flight, so ambiguous;
 * - 500/502/504 and any other 5xx: the order may have been written before the failure, so ambiguous
 *   (the router then asks for the order by its code before letting anyone else try).
 */
export function httpError(
  status: number,
  body: unknown,
  what: string,
  reference: string | null = null,
): ConnectorError {
  const detail = describe(body);
  const message = `Pagar.me ${what} answered HTTP ${status}${detail ? `: ${detail}` : ''}`;
  if (status === 401 || status === 403)
    return new ConnectorError('retryable', 'gateway_auth', message, reference);
  if (status === 429 || status === 503) {
    return new ConnectorError('retryable', 'gateway_unavailable', message, reference);
  }
  if (status === 409 || status >= 500)
    return new ConnectorError('ambiguous', 'gateway_error', message, reference);
  return new ConnectorError('retryable', 'gateway_rejected', message, reference);
}

/**
 * One call to Pagar.me bounded by `ctx.timeoutMs`. Returns 2xx and 404 replies (the caller knows what a
 * missing resource means); throws ConnectorError for everything else. A timeout is ambiguous, because
 * the request may have reached Pagar.me; a connection failure without any reply is retryable.
 */
export async function pagarmeCall<T>(
  ctx: ConnectorContext,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  opts: { body?: unknown; idempotencyKey?: string } = {},
): Promise<PagarmeReply<T>> {
  const what = `${method} ${path}`;
  const secretKey = ctx.credentials.secret_key;
  if (!secretKey)
    throw new ConnectorError('retryable', 'gateway_auth', 'Pagar.me secret_key is not configured');
  const headers = new Headers({ Authorization: basicAuth(secretKey), Accept: 'application/json' });
  if (opts.body !== undefined) headers.set('Content-Type', 'application/json');
  // Pagar.me keeps an Idempotency-Key for 24 h and answers a repeat with the first order.
  if (opts.idempotencyKey) headers.set('Idempotency-Key', opts.idempotencyKey);
  const signal = AbortSignal.timeout(ctx.timeoutMs);
  let text: string;
  let status: number;
  try {
    const res = await fetch(`${ctx.apiBase ?? PAGARME_BASE_URL}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal,
    });
    status = res.status;
    text = await res.text();
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (signal.aborted || name === 'TimeoutError' || name === 'AbortError') {
      throw new ConnectorError(
        'ambiguous',
        'gateway_timeout',
        `Pagar.me ${what} did not answer in ${ctx.timeoutMs} ms`,
      );
    }
    throw new ConnectorError('retryable', 'gateway_unavailable', `Pagar.me ${what} could not be reached`);
  }
  let body: T | null = null;
  try {
    body = text ? (JSON.parse(text) as T) : null;
  } catch {
    body = null;
  }
  if ((status >= 200 && status < 300) || status === 404) return { status, body };
  throw httpError(status, body, what);
}
