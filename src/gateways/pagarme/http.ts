import { gatewayBase, gatewayRequest, jsonBody } from '../http';
import { type GatewayReply, type StatusRules, scrubDigits, statusError, writeReplyOf } from '../http-outcome';
import { type ConnectorContext, ConnectorError } from '../types';
import type { PagarmeErrorBody } from './wire';

/** Pagar.me API v5 ("Core") base URL; test and live differ only by key (sk_test_… / sk_…). */
export const PAGARME_BASE_URL = 'https://api.pagar.me/core/v5';

export type PagarmeReply<T> = GatewayReply<T>;

function describe(body: unknown): string {
  if (body === null || typeof body !== 'object') return '';
  const { message, errors } = body as PagarmeErrorBody;
  // Field names only: the messages next to them may quote the rejected value.
  const fields = errors && typeof errors === 'object' ? Object.keys(errors).join(', ') : '';
  return scrubDigits([typeof message === 'string' ? message : '', fields].filter(Boolean).join(' — '));
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
const STATUS_RULES: StatusRules = {
  gateway: 'Pagar.me',
  rateLimitCode: 'gateway_unavailable',
  busy: [503],
  conflictAmbiguous: true,
  serverErrorAmbiguous: true,
};

export function httpError(
  status: number,
  body: unknown,
  what: string,
  reference: string | null = null,
): ConnectorError {
  return statusError(status, what, describe(body), STATUS_RULES, reference);
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
  // HTTP Basic: the secret key as user name, an empty password. Pagar.me keeps an Idempotency-Key
  // for 24 h and answers a repeat with the first order.
  const answer = await gatewayRequest<T>({
    base: gatewayBase(ctx, PAGARME_BASE_URL),
    path,
    method,
    auth: { basic: { user: secretKey, password: '' } },
    body: jsonBody(opts.body),
    idempotency: { header: 'Idempotency-Key', key: opts.idempotencyKey },
    timeoutMs: ctx.timeoutMs,
  });
  const reply = writeReplyOf(answer, 'Pagar.me', what);
  if ((reply.status >= 200 && reply.status < 300) || reply.status === 404) return reply;
  throw httpError(reply.status, reply.body, what);
}
