import { gatewayBase, gatewayRequest } from '../http';
import { type GatewayReply, type StatusRules, scrubDigits, statusError, writeReplyOf } from '../http-outcome';
import { type ConnectorContext, ConnectorError } from '../types';
import { STRIPE_API_VERSION, type StripeError } from './wire';

/** Stripe's one API host; test and live differ only by key (sk_test_… / sk_live_…). */
export const STRIPE_BASE_URL = 'https://api.stripe.com';

export type StripeReply<T> = GatewayReply<T>;

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
const STATUS_RULES: StatusRules = {
  gateway: 'Stripe',
  rateLimitCode: 'gateway_unavailable',
  conflictAmbiguous: true,
  serverErrorAmbiguous: true,
};

export function httpError(status: number, body: unknown, what: string, reference: string | null = null) {
  const error = errorOf(body);
  const detail = scrubDigits([error?.type, error?.code, error?.param].filter(Boolean).join(' '));
  return statusError(status, what, detail, STATUS_RULES, reference);
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
  // Stripe keeps an Idempotency-Key for 24 h and replays the first answer, errors included.
  const answer = await gatewayRequest<T>({
    base: gatewayBase(ctx, STRIPE_BASE_URL),
    path,
    method,
    auth: { bearer: secretKey },
    body: opts.form ? { form: encodeForm(opts.form) } : undefined,
    idempotency: { header: 'Idempotency-Key', key: opts.idempotencyKey },
    headers: { 'Stripe-Version': STRIPE_API_VERSION },
    timeoutMs: ctx.timeoutMs,
  });
  return writeReplyOf(answer, 'Stripe', what);
}
