import { serializeSession } from '../api/sessions/serialize';
import type { PaymentRow, SessionRow } from '../db/schema';
import { type SessionStatus, TRANSITION_EVENTS } from '../domain/session-state';
import { isoUtc } from '../lib/time';
import { newEvent, type OutboxEvent } from './commit';

const EVENT_STATUS: Record<PaymentRow['status'], string> = {
  pending: 'pending',
  paid: 'success',
  denied: 'failed',
  expired: 'expired',
  canceled: 'canceled',
};

export const PAYMENT_EVENT_FOR: Record<PaymentRow['status'], string> = {
  pending: 'payment.pending',
  paid: 'payment.success',
  denied: 'payment.failed',
  expired: 'payment.failed',
  canceled: 'payment.failed',
};

/** A payment event with seed 000's fields; amounts stay integer minor units in the canonical API. */
export function paymentEvent(payment: PaymentRow, session: SessionRow, now: number): OutboxEvent {
  const type = PAYMENT_EVENT_FOR[payment.status];
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
    timestamp: isoUtc(now),
    metadata: session.metadata,
    livemode: session.mode === 'live',
  });
}

/** The session event a status change emits, carrying the session as it will be after the change. */
export function sessionEvents(row: SessionRow, to: SessionStatus, now: number): OutboxEvent[] {
  const type = TRANSITION_EVENTS[to];
  if (!type || to === row.status) return [];
  return [newEvent(type, serializeSession({ ...row, status: to, version: row.version + 1, updatedAt: now }))];
}
