import { timingSafeEqualText } from '../../lib/crypto';
import { type ConnectorContext, ConnectorError, type InboundGatewayEvent } from '../types';
import type { AsaasPayment } from './wire';

/**
 * Asaas webhooks for payments (https://docs.asaas.com/docs/payment-events,
 * https://docs.asaas.com/docs/about-webhooks): a POST whose body is `{ id, event, dateCreated,
 * payment }`, authenticated only by the token the merchant configured, echoed in `asaas-access-token`.
 */

/** The payment events Asaas documents (Webhook "Eventos para cobranças"). */
export type AsaasPaymentEvent =
  | 'PAYMENT_CREATED'
  | 'PAYMENT_AWAITING_RISK_ANALYSIS'
  | 'PAYMENT_APPROVED_BY_RISK_ANALYSIS'
  | 'PAYMENT_REPROVED_BY_RISK_ANALYSIS'
  | 'PAYMENT_AUTHORIZED'
  | 'PAYMENT_UPDATED'
  | 'PAYMENT_CONFIRMED'
  | 'PAYMENT_RECEIVED'
  | 'PAYMENT_CREDIT_CARD_CAPTURE_REFUSED'
  | 'PAYMENT_ANTICIPATED'
  | 'PAYMENT_OVERDUE'
  | 'PAYMENT_DELETED'
  | 'PAYMENT_RESTORED'
  | 'PAYMENT_REFUNDED'
  | 'PAYMENT_PARTIALLY_REFUNDED'
  | 'PAYMENT_REFUND_IN_PROGRESS'
  | 'PAYMENT_REFUND_DENIED'
  | 'PAYMENT_RECEIVED_IN_CASH_UNDONE'
  | 'PAYMENT_CHARGEBACK_REQUESTED'
  | 'PAYMENT_CHARGEBACK_DISPUTE'
  | 'PAYMENT_AWAITING_CHARGEBACK_REVERSAL'
  | 'PAYMENT_DUNNING_RECEIVED'
  | 'PAYMENT_DUNNING_REQUESTED'
  | 'PAYMENT_BANK_SLIP_CANCELLED'
  | 'PAYMENT_BANK_SLIP_VIEWED'
  | 'PAYMENT_CHECKOUT_VIEWED';

/** What an event means to Borda; null when Borda does not act on it (a later event or the status settles it). */
export type EventAction = { kind: 'paid' | 'expired' | 'canceled' } | { kind: 'denied'; failureCode: string };

/**
 * Event → action, exhaustive over the documented events. PAYMENT_CONFIRMED is the card's "paid"
 * (RECEIVED comes ~30 days later); the PIX and BOLETO refinements of `bordaStatus` apply to it and to
 * PAYMENT_OVERDUE in `parseAsaasWebhook`. Approval by risk analysis is followed by PAYMENT_CONFIRMED.
 * PAYMENT_REFUNDED is `canceled`: it is how a PIX held under a precautionary block ends when denied.
 */
export const ASAAS_EVENT_ACTIONS: Record<AsaasPaymentEvent, EventAction | null> = {
  PAYMENT_CONFIRMED: { kind: 'paid' },
  PAYMENT_RECEIVED: { kind: 'paid' },
  PAYMENT_DUNNING_RECEIVED: { kind: 'paid' },
  PAYMENT_CREDIT_CARD_CAPTURE_REFUSED: { kind: 'denied', failureCode: 'card_declined' },
  PAYMENT_REPROVED_BY_RISK_ANALYSIS: { kind: 'denied', failureCode: 'card_declined' },
  PAYMENT_OVERDUE: { kind: 'expired' },
  PAYMENT_BANK_SLIP_CANCELLED: { kind: 'expired' },
  PAYMENT_DELETED: { kind: 'canceled' },
  PAYMENT_REFUNDED: { kind: 'canceled' },
  PAYMENT_CREATED: null,
  PAYMENT_AWAITING_RISK_ANALYSIS: null,
  PAYMENT_APPROVED_BY_RISK_ANALYSIS: null,
  PAYMENT_AUTHORIZED: null,
  PAYMENT_UPDATED: null,
  PAYMENT_ANTICIPATED: null,
  PAYMENT_RESTORED: null,
  PAYMENT_PARTIALLY_REFUNDED: null,
  PAYMENT_REFUND_IN_PROGRESS: null,
  PAYMENT_REFUND_DENIED: null,
  PAYMENT_RECEIVED_IN_CASH_UNDONE: null,
  PAYMENT_CHARGEBACK_REQUESTED: null,
  PAYMENT_CHARGEBACK_DISPUTE: null,
  PAYMENT_AWAITING_CHARGEBACK_REVERSAL: null,
  PAYMENT_DUNNING_REQUESTED: null,
  PAYMENT_BANK_SLIP_VIEWED: null,
  PAYMENT_CHECKOUT_VIEWED: null,
};

export function isAsaasPaymentEvent(value: string): value is AsaasPaymentEvent {
  return Object.hasOwn(ASAAS_EVENT_ACTIONS, value);
}

/** An inbound webhook: `id` repeats when Asaas redelivers the same event. */
export type AsaasWebhookBody = { id: string; event: string; dateCreated: string; payment?: AsaasPayment };

/**
 * Verifies and reduces one Asaas webhook. The token is compared in constant time with the merchant's
 * `webhook_token`; a merchant without one accepts nothing. `eventId` is Asaas's event id, which
 * repeats when Asaas redelivers the same event; `reference` is the Asaas payment id (pay_…), the
 * reference createPayment returned. An authentic body Borda cannot read is `ignored`, not an error:
 * Asaas pauses a merchant's whole webhook queue after 15 failed deliveries, and a retry of the same
 * body would fail the same way (fetchStatus still settles the payment).
 * @throws ConnectorError('retryable', 'unauthorized') when the token does not match.
 */
export function parseAsaasWebhook(
  ctx: ConnectorContext,
  req: { headers: Headers; body: string },
): InboundGatewayEvent {
  const expected = ctx.credentials.webhook_token;
  const given = req.headers.get('asaas-access-token');
  if (!expected || given === null || !timingSafeEqualText(given, expected)) {
    throw new ConnectorError('retryable', 'unauthorized', 'The asaas-access-token header does not match.');
  }
  let body: Partial<AsaasWebhookBody> | null;
  try {
    body = JSON.parse(req.body) as Partial<AsaasWebhookBody> | null;
  } catch {
    body = null;
  }
  const eventId = typeof body?.id === 'string' ? body.id : '';
  if (!eventId || typeof body?.event !== 'string') {
    return { kind: 'ignored', eventId, reason: 'not an Asaas event (no id or event name)' };
  }
  if (!isAsaasPaymentEvent(body.event)) return { kind: 'ignored', eventId, reason: `event ${body.event}` };
  const payment = body.payment;
  if (typeof payment?.id !== 'string')
    return { kind: 'ignored', eventId, reason: `${body.event} without a payment` };
  const action = ASAAS_EVENT_ACTIONS[body.event];
  if (action === null) return { kind: 'ignored', eventId, reason: `event ${body.event}` };
  if (body.event === 'PAYMENT_CONFIRMED' && payment.billingType === 'PIX') {
    return {
      kind: 'ignored',
      eventId,
      reason: 'PIX under precautionary block; RECEIVED or REFUNDED follows',
    };
  }
  if (body.event === 'PAYMENT_OVERDUE' && payment.billingType === 'BOLETO') {
    return { kind: 'ignored', eventId, reason: 'an overdue boleto stays payable until its void date' };
  }
  if (action.kind === 'denied') {
    return { kind: 'denied', eventId, reference: payment.id, failureCode: action.failureCode };
  }
  if (action.kind === 'paid' && typeof payment.value === 'number' && Number.isFinite(payment.value)) {
    // `value` is in reais (a JSON number); Asaas charges in BRL only.
    return {
      kind: 'paid',
      eventId,
      reference: payment.id,
      amount: Math.round(payment.value * 100),
      currency: 'BRL',
    };
  }
  return { kind: action.kind, eventId, reference: payment.id };
}
