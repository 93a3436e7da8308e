import { gatewayBase, gatewayRequest } from '../http';
import { type StatusRules, scrubDigits, statusError, writeReplyOf } from '../http-outcome';
import { type ConnectorContext, ConnectorError } from '../types';
import type { EbanxReply } from './wire';

/** EBANX's hosts: the sandbox for test accounts, production for live ones. */
export const EBANX_BASE_URL = { test: 'https://sandbox.ebanx.com', live: 'https://api.ebanx.com' } as const;

/** The integration key is not accepted (EBANX's `BP-SA-*` codes are about the merchant's key). */
function isAuthError(code: string): boolean {
  return code.startsWith('BP-SA') || code === 'DA-1';
}

/**
 * An answer with `status: ERROR` → ConnectorError. EBANX answers a refused request with HTTP 200 and
 * an error code; the request was refused before any payment existed, so another gateway may try
 * (retryable), and a refused key is `gateway_auth`.
 */
export function replyError(reply: EbanxReply, what: string, reference: string | null = null) {
  const code = reply.status_code ?? '';
  const message = `EBANX ${what} refused: ${code} ${scrubDigits(reply.status_message ?? '')}`.trim();
  if (isAuthError(code)) return new ConnectorError('retryable', 'gateway_auth', message, reference);
  return new ConnectorError('retryable', 'gateway_rejected', message, reference);
}

/** 5xx may have been processed (ambiguous); 429 and any other status were refused (retryable). */
const STATUS_RULES: StatusRules = {
  gateway: 'EBANX',
  rateLimitCode: 'gateway_rate_limited',
  conflictAmbiguous: false,
  serverErrorAmbiguous: true,
};

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
  const answer = await gatewayRequest<EbanxReply>({
    base: gatewayBase(ctx, EBANX_BASE_URL),
    path,
    method: 'POST',
    body: { json: { integration_key: key, ...body } },
    timeoutMs: ctx.timeoutMs,
  });
  const { status, body: reply } = writeReplyOf(answer, 'EBANX', what);
  if (status < 200 || status >= 300) {
    throw statusError(status, what, '', STATUS_RULES);
  }
  if (!reply || typeof reply !== 'object') {
    // A 2xx without a readable body to a payment request: the payment may exist.
    const kind = path === '/ws/direct' ? 'ambiguous' : 'retryable';
    throw new ConnectorError(
      kind,
      kind === 'ambiguous' ? 'gateway_error' : 'gateway_rejected',
      `EBANX ${what} answered HTTP ${status} without a readable body`,
    );
  }
  return reply;
}
