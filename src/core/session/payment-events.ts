import type { PaymentRow, SessionRow } from '../../db/schema';
import { isoUtc } from '../../lib/time';
import { newEvent, type OutboxEvent } from './commit';

const EVENT_STATUS: Record<PaymentRow['status'], string> = {
  pending: 'pending',
  paid: 'success',
  partially_refunded: 'partially_refunded',
  refunded: 'refunded',
  denied: 'failed',
  expired: 'expired',
  canceled: 'canceled',
};

export const PAYMENT_EVENT_FOR: Record<PaymentRow['status'], string> = {
  pending: 'payment.pending',
  paid: 'payment.success',
  partially_refunded: 'payment.refunded',
  refunded: 'payment.refunded',
  denied: 'payment.failed',
  expired: 'payment.failed',
  canceled: 'payment.failed',
};

/** A payment event with seed 000's fields; amounts stay integer minor units in the canonical API. */
export function paymentEvent(
  payment: PaymentRow,
  session: SessionRow,
  now: number,
  type: string = PAYMENT_EVENT_FOR[payment.status],
): OutboxEvent {
  return newEvent(type, {
    event: type,
    payment_id: payment.id,
    checkout_session_id: session.id,
    merchant_id: session.merchantId,
    reference_id: session.merchantOrderId,
    status: EVENT_STATUS[payment.status],
    amount: payment.amount,
    currency: payment.currency,
    payment_method: payment.method,
    provider: payment.gateway,
    installments: payment.installments,
    failure_code: payment.failureCode,
    paid_at: payment.paidAt === null ? null : isoUtc(payment.paidAt),
    refunded_amount: payment.refundedAmount,
    ...(payment.settlementFlag
      ? {
          settlement_flag: payment.settlementFlag,
          flag_resolution: payment.flagResolution,
          received_amount: payment.receivedAmount ?? payment.amount,
          received_currency: payment.receivedCurrency ?? payment.currency,
        }
      : {}),
    timestamp: isoUtc(now),
    metadata: session.metadata,
    livemode: session.mode === 'live',
  });
}

/**
 * Payments that stop being payable (superseded by another attempt, or ended with their session): the
 * updates and the `payment.failed` events of one commit, saying why in `failure_code`.
 */
export function closePayments(
  closing: PaymentRow[],
  set: { status: 'expired' | 'canceled'; failureCode: string },
  session: SessionRow,
  now: number,
): { updatePayments: Array<{ id: string; set: Partial<PaymentRow> }>; events: OutboxEvent[] } {
  return {
    updatePayments: closing.map((p) => ({ id: p.id, set })),
    events: closing.map((p) => paymentEvent({ ...p, ...set }, session, now)),
  };
}
