import type { PaymentDetails } from '../../db/schema';
import { minorAmount } from '../amounts';
import { fromTable } from '../status-table';
import {
  ConnectorError,
  type CreatePaymentRequest,
  type GatewayPaymentResult,
  type GatewayStatus,
  type InboundGatewayEvent,
} from '../types';
import { CARD_REJECTIONS, type MpPayment, paymentStatus } from './wire';

/** A Mercado Pago payment's reference in Borda: its numeric id, as text. */
export function referenceOf(p: MpPayment): string {
  return String(p.id);
}

function failureCode(p: MpPayment): string {
  const card = p.payment_type_id === 'credit_card' || p.payment_type_id === 'debit_card';
  return fromTable(CARD_REJECTIONS, p.status_detail, card ? 'card_declined' : 'processing_error');
}

/** A payment as Borda's status: a cancelled PIX or voucher whose detail is `expired` ran out of time. */
export function paymentGatewayStatus(p: MpPayment): GatewayStatus {
  const reference = referenceOf(p);
  const status = paymentStatus(p.status);
  if (status === 'canceled' && p.status === 'cancelled' && p.status_detail === 'expired')
    return { status: 'expired', reference };
  if (status === 'denied') return { status, reference, failureCode: failureCode(p) };
  return { status, reference };
}

function expiresAt(p: MpPayment, req: CreatePaymentRequest): number {
  const at = p.date_of_expiration ? Date.parse(p.date_of_expiration) : Number.NaN;
  return Number.isFinite(at) ? Math.min(at, req.expiresAt) : req.expiresAt;
}

function details(p: MpPayment, req: CreatePaymentRequest): PaymentDetails {
  if (req.method === 'pix') {
    const payload = p.point_of_interaction?.transaction_data?.qr_code;
    if (!payload) throw new Error('no qr_code');
    return { pix: { payload, expires_at: expiresAt(p, req), txid: referenceOf(p) } };
  }
  const td = p.transaction_details;
  if (req.method === 'pse') {
    // The customer is sent to the bank; the payment id is what support can look up.
    const url = td?.external_resource_url;
    if (!url) throw new Error('no bank URL');
    return { voucher: { reference: referenceOf(p), expires_at: req.expiresAt, kind: 'redirect', url } };
  }
  const reference = td?.payment_method_reference_id ?? td?.verification_code ?? p.barcode?.content;
  if (!reference) throw new Error('no voucher reference');
  const url = td?.external_resource_url ?? p.point_of_interaction?.transaction_data?.ticket_url;
  return {
    voucher: { reference, expires_at: expiresAt(p, req), kind: 'voucher', ...(url ? { url } : {}) },
  };
}

/** POST /v1/payments reply → Borda's result. */
export function createResult(p: MpPayment, req: CreatePaymentRequest): GatewayPaymentResult {
  const reference = referenceOf(p);
  const status = paymentGatewayStatus(p);
  if (status.status === 'paid') return { status: 'paid', reference };
  if (req.method === 'card') {
    if (status.status === 'pending') {
      const last4 = p.card?.last_four_digits ?? '';
      // Borda names brands as its card module does; Mercado Pago says `master` for Mastercard.
      const brand = p.payment_method_id === 'master' ? 'mastercard' : (p.payment_method_id ?? '');
      return { status: 'pending', reference, details: { card: { brand, last4 } } };
    }
    return { status: 'denied', reference, failureCode: status.failureCode ?? 'card_declined' };
  }
  const what = `Mercado Pago could not issue the ${req.method} (status ${p.status})`;
  // An unissued PIX or voucher is this gateway's failure, not the customer's: another may issue it.
  if (status.status !== 'pending') throw new ConnectorError('retryable', 'gateway_rejected', what, reference);
  try {
    return { status: 'pending', reference, details: details(p, req) };
  } catch {
    throw new ConnectorError('retryable', 'gateway_rejected', `${what}: unusable payment data`, reference);
  }
}

/**
 * A payment queried after a verified notification → Borda's event. The event id is the payment and the
 * status it reached, so every notification about one state change is applied once, whichever delivery
 * (or replay) arrives first.
 */
export function eventFromPayment(p: MpPayment): InboundGatewayEvent {
  const s = paymentGatewayStatus(p);
  const eventId = `${referenceOf(p)}:${p.status}:${p.status_detail ?? ''}`;
  if (s.status === 'pending' || s.status === 'not_found')
    return { kind: 'ignored', eventId, reason: `payment is ${p.status}` };
  const reference = referenceOf(p);
  if (s.status === 'paid')
    return { kind: 'paid', eventId, reference, ...minorAmount(p.transaction_amount, p.currency_id) };
  if (s.status === 'denied') return { kind: 'denied', eventId, reference, failureCode: s.failureCode };
  return { kind: s.status, eventId, reference };
}
