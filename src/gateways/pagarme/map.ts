import type { PaymentDetails } from '../../db/schema';
import { parseLinhaDigitavel } from '../../domain/boleto';
import { voidDate } from '../../domain/boleto-terms';
import { type BoletoPlan, endOfBrasiliaDay } from '../boleto-plan';
import { brCodeTxid } from '../pix-txid';
import { fraudDecline } from '../refusals';
import {
  ConnectorError,
  type CreatePaymentRequest,
  type GatewayPaymentResult,
  type GatewayStatus,
  type InboundGatewayEvent,
} from '../types';
import {
  chargeStatus,
  orderStatus,
  type PagarmeCharge,
  type PagarmeOrder,
  type PagarmeTransaction,
  type PagarmeWebhook,
} from './wire';

/**
 * Acquirer return codes with a specific Borda failure code. Pagar.me's own acquirer and Stone answer
 * with Stone's four-digit codes; other acquirers pass ISO 8583 / ABECS two-character codes. Every
 * other refusal is `card_declined`.
 */
const ACQUIRER_FAILURES: Record<string, string> = {
  '1016': 'insufficient_funds',
  '51': 'insufficient_funds',
  '1001': 'expired_card',
  '1819': 'expired_card',
  '54': 'expired_card',
  '1045': 'incorrect_cvc',
  '82': 'incorrect_cvc',
  N7: 'incorrect_cvc',
};

/** Why a card transaction failed, in Borda's codes. */
export function cardFailureCode(tx: PagarmeTransaction | undefined): string {
  const code = tx?.acquirer_return_code?.trim() ?? '';
  const known = Object.hasOwn(ACQUIRER_FAILURES, code) ? ACQUIRER_FAILURES[code] : undefined;
  if (known) return known;
  // No acquirer answer at all: Pagar.me failed before an issuer saw the card, so the customer may retry.
  if (
    !code &&
    (tx?.status === 'with_error' || tx?.status === 'failed' || tx?.gateway_response?.errors?.length)
  ) {
    return 'processing_error';
  }
  return 'card_declined';
}

function methodOf(charge: PagarmeCharge): string {
  return (charge.payment_method ?? charge.last_transaction?.transaction_type ?? '').toLowerCase();
}

function pixDetails(tx: PagarmeTransaction | undefined, req: CreatePaymentRequest): PaymentDetails {
  if (!tx?.qr_code) throw new Error('no qr_code');
  const expires = tx.expires_at ? Date.parse(tx.expires_at) : Number.NaN;
  return {
    pix: {
      payload: tx.qr_code,
      expires_at: Number.isFinite(expires) ? expires : req.expiresAt,
      txid: brCodeTxid(tx.qr_code) ?? tx.id ?? '',
    },
  };
}

/**
 * Pagar.me's `barcode` is an image URL; the 44 digits come from `line`, whose check digits are verified
 * so a corrupted line is never shown to a customer.
 */
function boletoDetails(
  tx: PagarmeTransaction | undefined,
  plan: BoletoPlan,
): { details: PaymentDetails; holdUntil: number } {
  if (!tx?.line) throw new Error('no line');
  const line = tx.line.replace(/\D/g, '');
  const { barcode } = parseLinhaDigitavel(line);
  const due = tx.due_at?.slice(0, 10) ?? plan.due;
  const voidOn = voidDate(due, plan.voidDays);
  const { fineCents, interestPerDayCents, interestMonthlyPercent } = plan.terms;
  return {
    details: {
      boleto: {
        barcode,
        line,
        due_date: due,
        void_date: voidOn,
        fine_cents: fineCents,
        interest_per_day_cents: interestPerDayCents,
        interest_monthly_percent: interestMonthlyPercent,
      },
    },
    holdUntil: endOfBrasiliaDay(voidOn),
  };
}

/** POST /orders reply → Borda's result. The order id is the reference everywhere. */
export function createResult(
  order: PagarmeOrder,
  req: CreatePaymentRequest,
  plan: BoletoPlan | null,
): GatewayPaymentResult {
  const reference = order.id;
  const charge = order.charges?.[0];
  if (!charge) {
    throw new ConnectorError(
      'ambiguous',
      'gateway_error',
      `Pagar.me order ${reference} has no charge`,
      reference,
    );
  }
  const tx = charge.last_transaction;
  const status = chargeStatus(charge.status);
  if (req.method === 'card') {
    // Pagar.me's antifraud refusing the buyer is a verdict on the payment, not on this gateway.
    if (tx?.antifraud_response?.status === 'reproved') {
      throw fraudDecline('Pagar.me antifraud refused the payment', reference);
    }
    if (status === 'paid') return { status: 'paid', reference };
    if (status === 'pending') {
      const card = { brand: (tx?.card?.brand ?? '').toLowerCase(), last4: tx?.card?.last_four_digits ?? '' };
      return { status: 'pending', reference, details: { card } };
    }
    return { status: 'denied', reference, failureCode: cardFailureCode(tx) };
  }
  if (status === 'paid') return { status: 'paid', reference };
  const what = `Pagar.me could not issue the ${req.method} (charge ${charge.status})`;
  // A PIX or boleto that was not issued is this gateway's failure, not the customer's: another may issue it.
  if (status !== 'pending') throw new ConnectorError('retryable', 'gateway_rejected', what, reference);
  try {
    if (req.method === 'pix') return { status: 'pending', reference, details: pixDetails(tx, req) };
    if (plan) return { status: 'pending', reference, ...boletoDetails(tx, plan) };
  } catch {
    throw new ConnectorError('retryable', 'gateway_rejected', `${what}: unusable payment data`, reference);
  }
  throw new ConnectorError('retryable', 'gateway_rejected', what, reference);
}

/** An order as Borda's status. A PIX only fails by expiring, so its failure reads as `expired`. */
export function orderGatewayStatus(order: PagarmeOrder): GatewayStatus {
  const reference = order.id;
  const charge = order.charges?.[0];
  if (!charge) return { status: orderStatus(order.status), reference };
  const status = chargeStatus(charge.status);
  if (status !== 'denied') return { status, reference };
  const method = methodOf(charge);
  if (method === 'pix') return { status: 'expired', reference };
  const failureCode =
    method === 'credit_card' ? cardFailureCode(charge.last_transaction) : 'processing_error';
  return { status: 'denied', reference, failureCode };
}

/** Webhook types Borda acts on; every other type is acknowledged and ignored. */
const WEBHOOK_OUTCOMES: Record<string, 'paid' | 'failed' | 'canceled'> = {
  'order.paid': 'paid',
  'charge.paid': 'paid',
  'charge.overpaid': 'paid',
  // Money arrived, less than charged: recorded as an amount mismatch, which never completes a session.
  'charge.underpaid': 'paid',
  'order.payment_failed': 'failed',
  'charge.payment_failed': 'failed',
  'order.canceled': 'canceled',
  // Refunds and chargebacks have no kind of their own in Borda's event union yet: the money went back.
  'charge.refunded': 'canceled',
  'charge.chargedback': 'canceled',
};

/** A verified webhook → Borda's event. Order events carry the order; charge events carry `order.id`. */
export function webhookEvent(hook: PagarmeWebhook): InboundGatewayEvent {
  const eventId = hook.id;
  const outcome = Object.hasOwn(WEBHOOK_OUTCOMES, hook.type) ? WEBHOOK_OUTCOMES[hook.type] : undefined;
  if (!outcome) return { kind: 'ignored', eventId, reason: `event ${hook.type} does not settle a payment` };
  const isOrder = hook.type.startsWith('order.');
  const order = isOrder ? (hook.data as PagarmeOrder) : null;
  const charge = isOrder ? order?.charges?.[0] : (hook.data as PagarmeCharge);
  const reference = isOrder ? order?.id : charge?.order?.id;
  if (!reference) return { kind: 'ignored', eventId, reason: `event ${hook.type} names no order` };
  if (outcome === 'paid') {
    // What arrived, as the charge reports it: `paid_amount` (centavos) when present, else the charge amount.
    const c = charge as (PagarmeCharge & { paid_amount?: number; currency?: string }) | undefined;
    const amount = c?.paid_amount ?? c?.amount ?? order?.amount;
    const currency = c?.currency ?? (order as (PagarmeOrder & { currency?: string }) | null)?.currency;
    return {
      kind: 'paid',
      eventId,
      reference,
      ...(Number.isSafeInteger(amount) ? { amount } : {}),
      ...(typeof currency === 'string' ? { currency: currency.toUpperCase() } : {}),
    };
  }
  if (outcome !== 'failed') return { kind: outcome, eventId, reference };
  const method = charge ? methodOf(charge) : '';
  if (method === 'pix') return { kind: 'expired', eventId, reference };
  const failureCode =
    method === 'credit_card' ? cardFailureCode(charge?.last_transaction) : 'processing_error';
  return { kind: 'denied', eventId, reference, failureCode };
}
