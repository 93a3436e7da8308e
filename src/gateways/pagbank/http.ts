import { gatewayBase, gatewayRequest, jsonBody } from '../http';
import { type GatewayReply, type StatusRules, statusError, writeReplyOf } from '../http-outcome';
import { type ConnectorContext, ConnectorError } from '../types';
import type { PagbankErrorBody } from './wire';

/** PagBank's documented hosts: a separate sandbox, so a sandbox token never reaches production. */
export const PAGBANK_BASE_URL = {
  test: 'https://sandbox.api.pagseguro.com',
  live: 'https://api.pagseguro.com',
} as const;

export type PagbankReply<T> = GatewayReply<T>;

/** Error codes and parameter names only: descriptions may quote the rejected value. */
function describe(body: unknown): string {
  const messages = (body as PagbankErrorBody | null)?.error_messages;
  if (!Array.isArray(messages)) return '';
  return messages
    .map((m) => [m.code, m.description, m.parameter_name].filter(Boolean).join(' '))
    .join('; ')
    .replace(/\d{5,}/g, (d) => (d.length === 5 ? d : '***'))
    .slice(0, 200);
}

/**
 * What an HTTP status from PagBank means for the router:
 * - 401/403: the token is wrong or lacks permission: retryable;
 * - 400/422 and other 4xx: PagBank refused the request's content (a field it wants, a method not
 *   enabled): this gateway's requirement, another may accept: retryable;
 * - 409: the idempotency key is still being processed: ambiguous;
 * - 429: rate limited before processing: retryable; 5xx: may have been processed: ambiguous.
 */
const STATUS_RULES: StatusRules = {
  gateway: 'PagBank',
  rateLimitCode: 'gateway_unavailable',
  conflictAmbiguous: true,
  serverErrorAmbiguous: true,
};

export function httpError(status: number, body: unknown, what: string, reference: string | null = null) {
  return statusError(status, what, describe(body), STATUS_RULES, reference);
}

/**
 * One call to PagBank bounded by `ctx.timeoutMs`, to `ctx.apiBase` when overridden, else the mode's
 * documented host. Returns 2xx and 404 answers; throws the classified error for the rest, and on no
 * answer (a timeout after sending is ambiguous, a failed connection retryable).
 */
export async function pagbankCall<T>(
  ctx: ConnectorContext,
  method: 'GET' | 'POST',
  path: string,
  opts: { body?: unknown; idempotencyKey?: string } = {},
): Promise<PagbankReply<T>> {
  const what = `${method} ${path.replace(/\/(ORDE|CHAR|QRCO)_[^/]+/g, '/{id}')}`;
  const token = ctx.credentials.token;
  if (!token) throw new ConnectorError('retryable', 'gateway_auth', 'PagBank token is not configured');
  const answer = await gatewayRequest<T>({
    base: gatewayBase(ctx, PAGBANK_BASE_URL),
    path,
    method,
    auth: { bearer: token },
    body: jsonBody(opts.body),
    idempotency: { header: 'x-idempotency-key', key: opts.idempotencyKey },
    timeoutMs: ctx.timeoutMs,
  });
  const reply = writeReplyOf(answer, 'PagBank', what);
  if ((reply.status >= 200 && reply.status < 300) || reply.status === 404) return reply;
  throw httpError(reply.status, reply.body, what);
}
