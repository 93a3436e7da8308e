import { isTimeout } from '../../lib/timeout';
import { type ConnectorContext, ConnectorError } from '../types';
import { STRIPE_API_VERSION, type StripeError } from './wire';

/** Stripe's one API host; test and live differ only by key (sk_test_… / sk_live_…). */
export const STRIPE_BASE_URL = 'https://api.stripe.com';

export type StripeReply<T> = { status: number; body: T | null };

/** A form value: Stripe's API takes `application/x-www-form-urlencoded` with bracketed nesting. */
export type FormValue = string | number | boolean | undefined | FormValue[] | { [k: string]: FormValue };

/**
 * Stripe's form encoding: `a[b][c]=v` for nested objects, `a[0]=v` for arrays, booleans as
 * `true`/`false`, undefined left out. Exported for the tests, which decode what went over the wire.
 */
export function encodeForm(params: Record<string, FormValue>): string {
  const out = new URLSearchParams();
  const walk = (prefix: string, value: FormValue): void => {
    if (value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        walk(`${prefix}[${i}]`, v);
      });
      return;
    }
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(`${prefix}[${k}]`, v);
      return;
    }
    out.append(prefix, String(value));
  };
  for (const [k, v] of Object.entries(params)) walk(k, v);
  return out.toString();
}

/** Gateway text may echo input; runs of digits (a card number, a CVC, a document) never reach an error. */
function scrub(text: string): string {
  return text.replace(/\d{3,}/g, '***').slice(0, 200);
}

/** The API error object of a non-2xx reply, when there is one. */
export function errorOf(body: unknown): StripeError | null {
  if (!body || typeof body !== 'object') return null;
  const error = (body as { error?: unknown }).error;
  return error && typeof error === 'object' ? (error as StripeError) : null;
}

/**
 * What an HTTP status from Stripe means for the router (Stripe's "Error handling" page):
 * - 400/404 invalid_request_error: Stripe refused the request's content (a method the account has not
 *   activated, raw card data without the permission): this gateway cannot, another may: retryable;
 * - 401/403: the key is wrong or restricted: retryable;
 * - 402 card_error: handled by the caller as a decline, not here;
 * - 409: another request with the same Idempotency-Key is in flight: ambiguous;
 * - 429: rate limited before processing: retryable;
 * - 5xx: Stripe may have processed it (its docs say so): ambiguous, the router asks for the status.
 */
export function httpError(status: number, body: unknown, what: string, reference: string | null = null) {
  const error = errorOf(body);
  const detail = scrub([error?.type, error?.code, error?.param].filter(Boolean).join(' '));
  const message = `Stripe ${what} answered HTTP ${status}${detail ? `: ${detail}` : ''}`;
  if (status === 401 || status === 403)
    return new ConnectorError('retryable', 'gateway_auth', message, reference);
  if (status === 429) return new ConnectorError('retryable', 'gateway_unavailable', message, reference);
  if (status === 409 || status >= 500)
    return new ConnectorError('ambiguous', 'gateway_error', message, reference);
  return new ConnectorError('retryable', 'gateway_rejected', message, reference);
}

/**
 * One call to Stripe bounded by `ctx.timeoutMs`, against `ctx.apiBase` when the operator points Borda
 * at a fake or mock server. Returns every HTTP answer (the caller decides what 402 or 404 mean);
 * throws on no answer: a timeout after sending is ambiguous, a connection that failed is retryable.
 */
export async function stripeCall<T>(
  ctx: ConnectorContext,
  method: 'GET' | 'POST',
  path: string,
  opts: { form?: Record<string, FormValue>; idempotencyKey?: string } = {},
): Promise<StripeReply<T>> {
  const what = `${method} ${path.split('?')[0]}`;
  const secretKey = ctx.credentials.secret_key;
  if (!secretKey)
    throw new ConnectorError('retryable', 'gateway_auth', 'Stripe secret_key is not configured');
  const headers = new Headers({
    Authorization: `Bearer ${secretKey}`,
    Accept: 'application/json',
    'Stripe-Version': STRIPE_API_VERSION,
  });
  if (opts.form) headers.set('Content-Type', 'application/x-www-form-urlencoded');
  // Stripe keeps an Idempotency-Key for 24 h and replays the first answer, errors included.
  if (opts.idempotencyKey) headers.set('Idempotency-Key', opts.idempotencyKey);
  const signal = AbortSignal.timeout(ctx.timeoutMs);
  let status: number;
  let text: string;
  try {
    const res = await fetch(`${ctx.apiBase ?? STRIPE_BASE_URL}${path}`, {
      method,
      headers,
      body: opts.form ? encodeForm(opts.form) : undefined,
      signal,
    });
    status = res.status;
    text = await res.text();
  } catch (err) {
    if (isTimeout(err, signal)) {
      throw new ConnectorError(
        'ambiguous',
        'gateway_timeout',
        `Stripe ${what} did not answer in ${ctx.timeoutMs} ms`,
      );
    }
    throw new ConnectorError('retryable', 'gateway_unavailable', `Stripe ${what} could not be reached`);
  }
  let body: T | null = null;
  try {
    body = text ? (JSON.parse(text) as T) : null;
  } catch {
    body = null;
  }
  return { status, body };
}
