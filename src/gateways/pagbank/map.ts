import { brCodeTxid } from '../pix-txid';
import { fraudDecline } from '../refusals';
import { fromTable } from '../status-table';
import {
  ConnectorError,
  type CreatePaymentRequest,
  type GatewayPaymentResult,
  type GatewayStatus,
  type InboundGatewayEvent,
} from '../types';
import { chargeStatus, type PagbankCharge, type PagbankOrder } from './wire';

/**
 * ABECS return codes (normativo 21, which PagBank's "Motivos de compra negada" follows in
 * `payment_response.raw_data.reason_code`) with a Borda failure code of their own; others are
 * card_declined.
 */
const REASON_CODES: Record<string, string> = {
  '51': 'insufficient_funds',
  '54': 'expired_card',
  '82': 'incorrect_cvc',
  N7: 'incorrect_cvc',
};
/** ABECS 59, suspected fraud: a verdict on the buyer, so no other gateway is tried. */
const FRAUD_REASONS = new Set(['59']);

function reasonOf(charge: PagbankCharge): string {
  return charge.payment_response?.raw_data?.reason_code?.trim().replace(/^0+(?=\d\d)/, '') ?? '';
}

/** Why a card charge was declined, in Borda's codes. */
export function cardFailureCode(charge: PagbankCharge): string {
  return fromTable(REASON_CODES, reasonOf(charge), 'card_declined');
}

/** A declined card charge → a denied result, or a hard decline when the issuer suspects fraud. */
export function declined(charge: PagbankCharge, reference: string): GatewayPaymentResult {
  if (FRAUD_REASONS.has(reasonOf(charge))) {
    throw fraudDecline('PagBank: the issuer suspects fraud', reference);
  }
  return { status: 'denied', reference, failureCode: cardFailureCode(charge) };
}

/** The charge that decides an order: a paid one if any, else the latest. */
export function decidingCharge(order: PagbankOrder): PagbankCharge | undefined {
  const charges = order.charges ?? [];
  return charges.find((c) => c.status === 'PAID') ?? charges[charges.length - 1];
}

/** POST /orders answer → Borda's result. The order id (`ORDE_…`) is the reference everywhere. */
export function createResult(order: PagbankOrder, req: CreatePaymentRequest): GatewayPaymentResult {
  const reference = order.id;
  if (req.method === 'pix') {
    const qr = order.qr_codes?.[0];
    if (!qr?.text) {
      throw new ConnectorError(
        'retryable',
        'gateway_rejected',
        `PagBank order ${reference} has no QR code`,
        reference,
      );
    }
    const expires = qr.expiration_date ? Date.parse(qr.expiration_date) : Number.NaN;
    return {
      status: 'pending',
      reference,
      details: {
        pix: {
          payload: qr.text,
          expires_at: Number.isFinite(expires) ? Math.min(expires, req.expiresAt) : req.expiresAt,
          txid: brCodeTxid(qr.text) ?? qr.id,
        },
      },
    };
  }
  const charge = decidingCharge(order);
  if (!charge) {
    throw new ConnectorError(
      'ambiguous',
      'gateway_error',
      `PagBank order ${reference} has no charge`,
      reference,
    );
  }
  const status = chargeStatus(charge.status);
  if (status === 'paid') return { status: 'paid', reference };
  if (status === 'pending') {
    const card = charge.payment_method?.card;
    return {
      status: 'pending',
      reference,
      details: card
        ? { card: { brand: (card.brand ?? '').toLowerCase(), last4: card.last_digits ?? '' } }
        : {},
    };
  }
  return declined(charge, reference);
}

/**
 * An order as Borda's status. A PIX order has no charge until it is paid, so without one it is
 * pending until its QR code's expiration date, then expired.
 */
export function orderStatus(order: PagbankOrder, now: number): GatewayStatus {
  const reference = order.id;
  const charge = decidingCharge(order);
  if (!charge) {
    const expiry = Date.parse(order.qr_codes?.[0]?.expiration_date ?? '');
    if (!order.qr_codes?.length) return { status: 'not_found', reference };
    return { status: Number.isFinite(expiry) && now > expiry ? 'expired' : 'pending', reference };
  }
  const status = chargeStatus(charge.status);
  if (status !== 'denied') return { status, reference };
  return { status: 'denied', reference, failureCode: cardFailureCode(charge) };
}

/**
 * A verified notification (the order as it is now) → Borda's event. PagBank sends no event id, so
 * the id is the order, its deciding charge and that charge's status: a repeat of the same state is
 * the same event (applied once), a new state is a new one.
 */
export function webhookEvent(order: PagbankOrder): InboundGatewayEvent {
  const charge = decidingCharge(order);
  if (!charge) return { kind: 'ignored', eventId: `${order.id}:none`, reason: 'no charge yet' };
  const eventId = `${order.id}:${charge.id}:${charge.status}`;
  const reference = order.id;
  const status = chargeStatus(charge.status);
  if (status === 'paid') {
    const paid = charge.amount?.summary?.paid ?? charge.amount?.value;
    return {
      kind: 'paid',
      eventId,
      reference,
      ...(typeof paid === 'number' ? { amount: paid } : {}),
      currency: charge.amount?.currency ?? 'BRL',
    };
  }
  if (status === 'denied')
    return { kind: 'denied', eventId, reference, failureCode: cardFailureCode(charge) };
  if (status === 'canceled') return { kind: 'canceled', eventId, reference };
  return { kind: 'ignored', eventId, reason: `charge ${charge.status} settles nothing` };
}
