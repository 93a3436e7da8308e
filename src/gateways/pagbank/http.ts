import { isTimeout } from '../../lib/timeout';
import { type ConnectorContext, ConnectorError } from '../types';
import type { PagbankErrorBody } from './wire';

/** PagBank's documented hosts: a separate sandbox, so a sandbox token never reaches production. */
export const PAGBANK_BASE_URL = {
  test: 'https://sandbox.api.pagseguro.com',
  live: 'https://api.pagseguro.com',
} as const;

export type PagbankReply<T> = { status: number; body: T | null };

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
export function httpError(status: number, body: unknown, what: string, reference: string | null = null) {
  const detail = describe(body);
  const message = `PagBank ${what} answered HTTP ${status}${detail ? `: ${detail}` : ''}`;
  if (status === 401 || status === 403)
    return new ConnectorError('retryable', 'gateway_auth', message, reference);
  if (status === 429) return new ConnectorError('retryable', 'gateway_unavailable', message, reference);
  if (status === 409 || status >= 500)
    return new ConnectorError('ambiguous', 'gateway_error', message, reference);
  return new ConnectorError('retryable', 'gateway_rejected', message, reference);
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
  const headers = new Headers({ Authorization: `Bearer ${token}`, Accept: 'application/json' });
  if (opts.body !== undefined) headers.set('Content-Type', 'application/json');
  if (opts.idempotencyKey) headers.set('x-idempotency-key', opts.idempotencyKey);
  const signal = AbortSignal.timeout(ctx.timeoutMs);
  let status: number;
  let text: string;
  try {
    const res = await fetch(`${ctx.apiBase ?? PAGBANK_BASE_URL[ctx.mode]}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal,
    });
    status = res.status;
    text = await res.text();
  } catch (err) {
    if (isTimeout(err, signal)) {
      throw new ConnectorError(
        'ambiguous',
        'gateway_timeout',
        `PagBank ${what} did not answer in ${ctx.timeoutMs} ms`,
      );
    }
    throw new ConnectorError('retryable', 'gateway_unavailable', `PagBank ${what} could not be reached`);
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
