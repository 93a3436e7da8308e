import { brCodeTxid } from '../pix-txid';
import {
  ConnectorError,
  type CreatePaymentRequest,
  type GatewayPaymentResult,
  type GatewayStatus,
} from '../types';
import type { PicPayReply } from './http';
import { type PicPayCharge, type PicPayError, picpayStatus } from './wire';

/**
 * POST /charge/pix or /charge/wallet answer → Borda. The reference Borda keeps is the
 * merchantChargeId, which every other endpoint takes. Nothing is charged when a code is created, and
 * a code the customer never saw cannot be paid (it expires with the session), so every failure here
 * is retryable: 401/403 credentials, 429 rate limit, 400/415 a refused request, 5xx or an unreadable
 * answer PicPay's own trouble.
 */
export function createResult(
  reply: PicPayReply<PicPayCharge | PicPayError>,
  req: CreatePaymentRequest,
  chargeId: string,
): GatewayPaymentResult {
  const what = `PicPay POST /charge/${req.method === 'pix' ? 'pix' : 'wallet'} answered HTTP ${reply.status}`;
  if (reply.status === 401 || reply.status === 403)
    throw new ConnectorError('retryable', 'gateway_auth', what);
  if (reply.status === 429) throw new ConnectorError('retryable', 'gateway_rate_limited', what);
  if (reply.status >= 400 && reply.status < 500)
    throw new ConnectorError('retryable', 'gateway_rejected', what);
  if (reply.status < 200 || reply.status >= 300)
    throw new ConnectorError('retryable', 'gateway_unavailable', what);
  const charge = (reply.body ?? {}) as PicPayCharge;
  const tx = charge.transactions?.[0];
  const status = picpayStatus(charge);
  const reference = charge.merchantChargeId ?? chargeId;
  if (status === 'paid') return { status: 'paid', reference };
  const code = req.method === 'pix' ? tx?.pix?.qrCode : tx?.wallet?.qrCode;
  if (status !== 'pending' || !code) {
    throw new ConnectorError('retryable', 'gateway_rejected', `${what} without a payable code`, reference);
  }
  if (req.method === 'pix') {
    return {
      status: 'pending',
      reference,
      details: { pix: { payload: code, expires_at: req.expiresAt, txid: brCodeTxid(code) ?? reference } },
    };
  }
  // The wallet's QR code opens the charge in the PicPay app: the customer scans or follows it.
  return {
    status: 'pending',
    reference,
    details: { voucher: { reference: code, expires_at: req.expiresAt, kind: 'redirect' } },
  };
}

/** A charge as Borda's status, with what it says was paid. */
export function chargeStatus(charge: PicPayCharge, chargeId: string): GatewayStatus & { amount?: number } {
  const status = picpayStatus(charge);
  const reference = charge.merchantChargeId ?? chargeId;
  const amount = typeof charge.amount === 'number' ? charge.amount : undefined;
  if (status === 'denied') return { status, reference, failureCode: 'payment_denied', amount };
  return { status, reference, amount };
}
