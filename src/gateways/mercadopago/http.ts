import { gatewayBase, gatewayRequest, jsonBody } from '../http';
import { type GatewayReply, type StatusRules, scrubDigits, statusError, writeReplyOf } from '../http-outcome';
import { type ConnectorContext, ConnectorError } from '../types';
import type { MpErrorBody } from './wire';

/** Mercado Pago's API base; test and live differ only by the access token (TEST-… / APP_USR-…). */
export const MERCADOPAGO_BASE_URL = 'https://api.mercadopago.com';

export type MpReply<T> = GatewayReply<T>;

function describe(body: unknown): string {
  if (body === null || typeof body !== 'object') return '';
  const { message, cause } = body as MpErrorBody;
  const codes = Array.isArray(cause) ? cause.map((c) => c.code).join(', ') : '';
  return scrubDigits([typeof message === 'string' ? message : '', codes].filter(Boolean).join(' — '));
}

/**
 * What an HTTP status from Mercado Pago means for the router: 401/403 our token is wrong (retryable:
 * the payment never started); 400 and other 4xx the request's content was refused (another gateway may
 * accept it: retryable); 429 rate limited (retryable); 5xx the payment may have been written (ambiguous:
 * the router asks for it by external_reference before anyone else tries).
 */
const STATUS_RULES: StatusRules = {
  gateway: 'Mercado Pago',
  rateLimitCode: 'gateway_rate_limited',
  conflictAmbiguous: false,
  serverErrorAmbiguous: true,
};

export function httpError(status: number, body: unknown, what: string, reference: string | null = null) {
  return statusError(status, what, describe(body), STATUS_RULES, reference);
}

/**
 * One call to Mercado Pago bounded by `ctx.timeoutMs`, with the access token as a Bearer token and,
 * on writes, `X-Idempotency-Key`. Returns 2xx and 404 replies; throws ConnectorError for the rest. A
 * timeout is ambiguous (the request may have arrived); no reply at all is retryable.
 */
export async function mpCall<T>(
  ctx: ConnectorContext,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  opts: { body?: unknown; idempotencyKey?: string; headers?: Record<string, string> } = {},
): Promise<MpReply<T>> {
  const what = `${method} ${path.split('?')[0]}`;
  const token = ctx.credentials.access_token;
  if (!token) throw new ConnectorError('retryable', 'gateway_auth', 'Mercado Pago access_token is not set');
  const answer = await gatewayRequest<T>({
    base: gatewayBase(ctx, MERCADOPAGO_BASE_URL),
    path,
    method,
    auth: { bearer: token },
    body: jsonBody(opts.body),
    idempotency: { header: 'X-Idempotency-Key', key: opts.idempotencyKey },
    headers: opts.headers,
    timeoutMs: ctx.timeoutMs,
  });
  const reply = writeReplyOf(answer, 'Mercado Pago', what);
  if ((reply.status >= 200 && reply.status < 300) || reply.status === 404) return reply;
  throw httpError(reply.status, reply.body, what);
}
