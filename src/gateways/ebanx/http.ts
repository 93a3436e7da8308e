import { isTimeout } from '../../lib/timeout';
import { type ConnectorContext, ConnectorError } from '../types';
import type { EbanxReply } from './wire';

/** EBANX's hosts: the sandbox for test accounts, production for live ones. */
export const EBANX_BASE_URL = { test: 'https://sandbox.ebanx.com', live: 'https://api.ebanx.com' } as const;

/** The integration key is not accepted (EBANX's `BP-SA-*` codes are about the merchant's key). */
function isAuthError(code: string): boolean {
  return code.startsWith('BP-SA') || code === 'DA-1';
}

// Gateway text may echo input; runs of digits (a card number, a document) never reach an error.
function scrub(text: string): string {
  return text.replace(/\d{3,}/g, '***').slice(0, 200);
}

/**
 * An answer with `status: ERROR` → ConnectorError. EBANX answers a refused request with HTTP 200 and
 * an error code; the request was refused before any payment existed, so another gateway may try
 * (retryable), and a refused key is `gateway_auth`.
 */
export function replyError(reply: EbanxReply, what: string, reference: string | null = null) {
  const code = reply.status_code ?? '';
  const message = `EBANX ${what} refused: ${code} ${scrub(reply.status_message ?? '')}`.trim();
  if (isAuthError(code)) return new ConnectorError('retryable', 'gateway_auth', message, reference);
  return new ConnectorError('retryable', 'gateway_rejected', message, reference);
}

/**
 * One POST to EBANX (JSON, the integration key in the body) bounded by `ctx.timeoutMs`. Returns the
 * parsed answer of any 2xx; 5xx are ambiguous (the payment may exist), 429 and other statuses
 * retryable; a timeout is ambiguous, no reply at all retryable.
 */
export async function ebanxCall(
  ctx: ConnectorContext,
  path: '/ws/direct' | '/ws/query' | '/ws/refund' | '/ws/cancel',
  body: Record<string, unknown>,
): Promise<EbanxReply> {
  const what = `POST ${path}`;
  const key = ctx.credentials.integration_key;
  if (!key) throw new ConnectorError('retryable', 'gateway_auth', 'EBANX integration_key is not set');
  const signal = AbortSignal.timeout(ctx.timeoutMs);
  let status: number;
  let text: string;
  try {
    const res = await fetch(`${ctx.apiBase ?? EBANX_BASE_URL[ctx.mode]}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ integration_key: key, ...body }),
      signal,
    });
    status = res.status;
    text = await res.text();
  } catch (err) {
    if (isTimeout(err, signal)) {
      throw new ConnectorError('ambiguous', 'gateway_timeout', `EBANX ${what} timed out`);
    }
    throw new ConnectorError('retryable', 'gateway_unavailable', `EBANX ${what} could not be reached`);
  }
  if (status >= 500)
    throw new ConnectorError('ambiguous', 'gateway_error', `EBANX ${what} answered HTTP ${status}`);
  if (status === 429)
    throw new ConnectorError('retryable', 'gateway_rate_limited', `EBANX ${what} rate limited`);
  if (status === 401 || status === 403)
    throw new ConnectorError('retryable', 'gateway_auth', `EBANX ${what} refused the key`);
  let reply: EbanxReply | null = null;
  try {
    reply = JSON.parse(text) as EbanxReply;
  } catch {
    reply = null;
  }
  if (status < 200 || status >= 300 || !reply || typeof reply !== 'object') {
    const kind = path === '/ws/direct' && status >= 200 && status < 300 ? 'ambiguous' : 'retryable';
    throw new ConnectorError(
      kind,
      kind === 'ambiguous' ? 'gateway_error' : 'gateway_rejected',
      `EBANX ${what} answered HTTP ${status} without a readable body`,
    );
  }
  return reply;
}
