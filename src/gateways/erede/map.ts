import { brCodeTxid } from '../pix-txid';
import {
  ConnectorError,
  type CreatePaymentRequest,
  type GatewayPaymentResult,
  type GatewayStatus,
} from '../types';
import type { ERedeReply } from './http';
import { EREDE_DECLINES, type ERedeQuery, type ERedeTransaction, eredeStatus, isDecline } from './wire';

const BRASILIA_OFFSET = '-03:00';

/** e.Rede's zone-less Brasília times (`2026-11-12T15:00:09`) as an instant; null when unreadable. */
export function parseBrasilia(text: string | undefined): number | null {
  if (!text) return null;
  const ms = /[zZ]|[+-]\d{2}:\d{2}$/.test(text) ? Date.parse(text) : Date.parse(`${text}${BRASILIA_OFFSET}`);
  return Number.isNaN(ms) ? null : ms;
}

function describe(reply: ERedeReply<ERedeTransaction>): string {
  const code = reply.body?.returnCode ? ` returnCode ${reply.body.returnCode}` : '';
  return `HTTP ${reply.status}${code}`;
}

/**
 * POST /transactions answer → Borda. The reference Borda keeps is e.Rede's `tid`.
 * - returnCode 00: a card is paid (captured); a PIX is issued (pending, its QR code);
 * - an authorizer refusal (1xx table), whatever the HTTP status: a card decline, a result;
 * - 122 (a transaction with this reference exists): ambiguous, so its status is asked first;
 * - 401/403: credentials; 429: rate limit; other 4xx: an integration error; 503: not served — all
 *   retryable, nothing was taken;
 * - other 5xx, or 2xx without a readable answer: ambiguous for a card; for a PIX retryable, since a
 *   QR code the customer never saw cannot be paid (it expires with the session).
 */
export function createResult(
  reply: ERedeReply<ERedeTransaction>,
  req: CreatePaymentRequest,
): GatewayPaymentResult {
  const body = reply.body;
  const returnCode = body?.returnCode;
  const tid = body?.tid ?? null;
  const ok = reply.status >= 200 && reply.status < 300;
  if (ok && returnCode === '00' && tid) {
    if (req.method === 'card') return { status: 'paid', reference: tid };
    const qr = body?.qrCodeResponse;
    if (!qr?.qrCodeData) {
      throw new ConnectorError('retryable', 'gateway_error', 'e.Rede issued a PIX without qrCodeData', tid);
    }
    const expires = parseBrasilia(qr.dateTimeExpiration ?? qr.expirationQrCode) ?? req.expiresAt;
    return {
      status: 'pending',
      reference: tid,
      details: {
        pix: {
          payload: qr.qrCodeData,
          expires_at: Math.min(expires, req.expiresAt),
          txid: brCodeTxid(qr.qrCodeData) ?? tid,
        },
      },
    };
  }
  if (req.method === 'card' && isDecline(returnCode)) {
    return { status: 'denied', reference: tid, failureCode: EREDE_DECLINES[returnCode] ?? 'card_declined' };
  }
  // A PIX nobody saw can never be paid, so only a card leaves money in doubt.
  const doubt = req.method === 'card' ? 'ambiguous' : 'retryable';
  if (returnCode === '122') {
    throw new ConnectorError(
      doubt,
      'gateway_error',
      'e.Rede already has a transaction with this reference',
      tid,
    );
  }
  const what = `e.Rede POST /transactions answered ${describe(reply)}`;
  if (reply.status === 401 || reply.status === 403)
    throw new ConnectorError('retryable', 'gateway_auth', what);
  if (reply.status === 429) throw new ConnectorError('retryable', 'gateway_rate_limited', what);
  if (reply.status === 503) throw new ConnectorError('retryable', 'gateway_unavailable', what);
  if (reply.status >= 400 && reply.status < 500)
    throw new ConnectorError('retryable', 'gateway_rejected', what);
  throw new ConnectorError(doubt, 'gateway_error', what, tid);
}

/** GET /transactions answer → Borda status. Cards report `authorization.status`, PIX `qrCodeResponse.status`. */
export function queryStatus(query: ERedeQuery, fallbackTid: string | null): GatewayStatus {
  const auth = query.authorization;
  const reference = auth?.tid ?? query.qrCodeResponse?.tid ?? fallbackTid;
  const status = eredeStatus(auth?.status ?? query.qrCodeResponse?.status);
  if (status !== 'denied') return { status, reference };
  const code = auth?.returnCode ?? auth?.brand?.returnCode;
  return { status, reference, failureCode: isDecline(code) ? EREDE_DECLINES[code] : 'card_declined' };
}
