import type { PaymentDetails } from '../../db/schema';
import { minorAmount } from '../amounts';
import {
  ConnectorError,
  type CreatePaymentRequest,
  type GatewayPaymentResult,
  type GatewayRefundResult,
  type GatewayStatus,
  type InboundGatewayEvent,
} from '../types';
import { type EbanxPayment, type EbanxRefund, type EbanxReply, paymentStatus, refundStatus } from './wire';

const CARD_CODES = new Set([
  'visa',
  'mastercard',
  'amex',
  'elo',
  'hipercard',
  'diners',
  'creditcard',
  'debitcard',
]);

/** A cancelled payment: a card refused by its issuer is denied; anything else that lapsed expired. */
export function paymentGatewayStatus(p: EbanxPayment): GatewayStatus {
  const status = paymentStatus(p.status);
  if (status !== 'canceled') return { status, reference: p.hash };
  if (CARD_CODES.has(p.payment_type_code ?? ''))
    return { status: 'denied', reference: p.hash, failureCode: 'card_declined' };
  return { status: 'expired', reference: p.hash };
}

/** Methods EBANX completes on another page (the bank, the wallet, Servipag's portal). */
const REDIRECTS = new Set(['pse', 'nequi', 'servipag']);

function expiresAt(req: CreatePaymentRequest, iso?: string): number {
  const at = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(at) ? Math.min(at, req.expiresAt) : req.expiresAt;
}

function details(reply: EbanxReply, p: EbanxPayment, req: CreatePaymentRequest): PaymentDetails {
  if (req.method === 'pix') {
    const payload = p.pix?.qr_code_value;
    if (!payload) throw new Error('no qr_code_value');
    return { pix: { payload, expires_at: expiresAt(req, p.pix?.expiration_date), txid: p.hash } };
  }
  if (req.method === 'spei') {
    if (!p.clabe_account || !p.clabe_reference) throw new Error('no CLABE');
    return {
      spei: { clabe: p.clabe_account, bank_name: 'STP', beneficiary: 'EBANX', reference: p.clabe_reference },
    };
  }
  const redirect = reply.redirect_url ?? undefined;
  if (REDIRECTS.has(req.method)) {
    if (!redirect) throw new Error('no redirect_url');
    return {
      voucher: { reference: p.pin ?? p.hash, expires_at: req.expiresAt, kind: 'redirect', url: redirect },
    };
  }
  const reference = p.oxxo_barcode ?? p.cip_code ?? p.voucher_id ?? p.pin;
  const url = p.oxxo_url ?? p.cip_url ?? p.voucher_url ?? redirect;
  if (!reference) throw new Error('no voucher reference');
  return { voucher: { reference, expires_at: req.expiresAt, kind: 'voucher', ...(url ? { url } : {}) } };
}

/** POST /ws/direct answer → Borda's result. The payment `hash` is the reference everywhere. */
export function createResult(reply: EbanxReply, req: CreatePaymentRequest): GatewayPaymentResult {
  const p = reply.payment;
  if (!p?.hash || typeof p.status !== 'string') {
    throw new ConnectorError(
      'ambiguous',
      'gateway_error',
      'EBANX accepted the payment but its answer is unreadable',
    );
  }
  const reference = p.hash;
  const status = paymentStatus(p.status);
  if (status === 'paid') return { status: 'paid', reference };
  if (req.method === 'card') {
    if (status === 'pending')
      return {
        status: 'pending',
        reference,
        details: { card: { brand: p.payment_type_code ?? '', last4: '' } },
      };
    return { status: 'denied', reference, failureCode: 'card_declined' };
  }
  const what = `EBANX could not issue the ${req.method} (status ${p.status})`;
  if (status !== 'pending') throw new ConnectorError('retryable', 'gateway_rejected', what, reference);
  try {
    return { status: 'pending', reference, details: details(reply, p, req) };
  } catch {
    throw new ConnectorError('retryable', 'gateway_rejected', `${what}: unusable payment data`, reference);
  }
}

function paidAmount(p: EbanxPayment): number | undefined {
  const raw = p.amount_total ?? p.amount_ext;
  return typeof raw === 'string' ? Number(raw) : raw;
}

/**
 * A payment queried after a notification → Borda's event; the event id is the payment and the state it
 * reached, so a notification delivered twice (or forged and replayed) applies at most once.
 */
export function eventFromPayment(p: EbanxPayment): InboundGatewayEvent {
  const s = paymentGatewayStatus(p);
  const eventId = `${p.hash}:${p.status}`;
  if (s.status === 'pending' || s.status === 'not_found')
    return { kind: 'ignored', eventId, reason: `payment is ${p.status}` };
  if (s.status === 'paid')
    return {
      kind: 'paid',
      eventId,
      reference: p.hash,
      ...minorAmount(paidAmount(p), p.currency_code ?? p.currency_ext),
    };
  if (s.status === 'denied')
    return { kind: 'denied', eventId, reference: p.hash, failureCode: s.failureCode };
  return { kind: s.status, eventId, reference: p.hash };
}

export function refundResult(r: EbanxRefund | undefined): GatewayRefundResult {
  if (!r || typeof r.status !== 'string') return { status: 'pending', reference: null };
  const status = refundStatus(r.status);
  return {
    status,
    reference: String(r.id),
    ...(status === 'failed' ? { failureCode: 'refund_cancelled' } : {}),
  };
}
