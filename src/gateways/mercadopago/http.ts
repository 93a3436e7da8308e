import { isTimeout } from '../../lib/timeout';
import { type ConnectorContext, ConnectorError } from '../types';
import type { MpErrorBody } from './wire';

/** Mercado Pago's API base; test and live differ only by the access token (TEST-… / APP_USR-…). */
export const MERCADOPAGO_BASE_URL = 'https://api.mercadopago.com';

export type MpReply<T> = { status: number; body: T | null };

// Gateway text may echo input; runs of digits (a card number, a document) never reach an error.
function scrub(text: string): string {
  return text.replace(/\d{3,}/g, '***').slice(0, 200);
}

function describe(body: unknown): string {
  if (body === null || typeof body !== 'object') return '';
  const { message, cause } = body as MpErrorBody;
  const codes = Array.isArray(cause) ? cause.map((c) => c.code).join(', ') : '';
  return scrub([typeof message === 'string' ? message : '', codes].filter(Boolean).join(' — '));
}

/**
 * What an HTTP status from Mercado Pago means for the router: 401/403 our token is wrong (retryable:
 * the payment never started); 400 and other 4xx the request's content was refused (another gateway may
 * accept it: retryable); 429 rate limited (retryable); 5xx the payment may have been written (ambiguous:
 * the router asks for it by external_reference before anyone else tries).
 */
export function httpError(status: number, body: unknown, what: string, reference: string | null = null) {
  const detail = describe(body);
  const message = `Mercado Pago ${what} answered HTTP ${status}${detail ? `: ${detail}` : ''}`;
  if (status === 401 || status === 403)
    return new ConnectorError('retryable', 'gateway_auth', message, reference);
  if (status === 429) return new ConnectorError('retryable', 'gateway_rate_limited', message, reference);
  if (status >= 500) return new ConnectorError('ambiguous', 'gateway_error', message, reference);
  return new ConnectorError('retryable', 'gateway_rejected', message, reference);
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
  const headers = new Headers({ Authorization: `Bearer ${token}`, Accept: 'application/json' });
  if (opts.body !== undefined) headers.set('Content-Type', 'application/json');
  if (opts.idempotencyKey) headers.set('X-Idempotency-Key', opts.idempotencyKey);
  for (const [name, value] of Object.entries(opts.headers ?? {})) headers.set(name, value);
  const signal = AbortSignal.timeout(ctx.timeoutMs);
  let status: number;
  let text: string;
  try {
    const res = await fetch(`${ctx.apiBase ?? MERCADOPAGO_BASE_URL}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal,
    });
    status = res.status;
    text = await res.text();
  } catch (err) {
    if (isTimeout(err, signal)) {
      throw new ConnectorError('ambiguous', 'gateway_timeout', `Mercado Pago ${what} timed out`);
    }
    throw new ConnectorError('retryable', 'gateway_unavailable', `Mercado Pago ${what} could not be reached`);
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
