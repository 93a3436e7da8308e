import type { PaymentRow, SessionRow } from '../db/schema';
import { decideTransition, type SessionStatus } from '../domain/session-state';
import { newId } from '../lib/ids';
import type { Admitted } from './admit-payment';
import type { Refusal, SettleCommand } from './commands';

/** The row of a new payment attempt, pending until its gateway answers. */
export function newPaymentRow(
  session: SessionRow,
  admitted: Admitted,
  customer: PaymentRow['customer'],
  gateway: string,
  now: number,
): PaymentRow {
  return {
    id: newId('pay'),
    sessionId: session.id,
    merchantId: session.merchantId,
    mode: session.mode,
    method: admitted.method,
    gateway,
    status: 'pending',
    amount: admitted.amount,
    currency: session.currency,
    installments: admitted.installments,
    adjustment: admitted.adjustment,
    installmentPlan: admitted.installmentPlan,
    details: admitted.card ? { card: admitted.card } : {},
    customer,
    gatewayReference: null,
    failureCode: null,
    failureMessage: null,
    createdAt: now,
    updatedAt: now,
    paidAt: null,
    refundedAmount: 0,
    settlementFlag: null,
    flagResolution: null,
    receivedAmount: null,
    receivedCurrency: null,
    voidedAt: null,
    voidError: null,
    reconciledAt: null,
  };
}

/**
 * What settling a pending payment does to it and to its session: paid pays the session; denied or
 * expired reopens it, or expires it when its own time has run out meanwhile.
 */
export function settlePayment(
  session: SessionRow,
  payment: PaymentRow,
  outcome: SettleCommand['outcome'],
  now: number,
): { ok: true; to: SessionStatus; payment: PaymentRow } | Refusal {
  let to: SessionStatus = session.status;
  if (outcome === 'paid') to = 'paid';
  else if (session.status === 'pending') to = now >= session.expiresAt ? 'expired' : 'open';
  if (to !== session.status && !decideTransition(session, to, now).ok) {
    return {
      ok: false,
      code: 'invalid_state_transition',
      status: session.status,
      detail: `The session is ${session.status}.`,
    };
  }
  return {
    ok: true,
    to,
    payment: {
      ...payment,
      status: outcome,
      paidAt: outcome === 'paid' ? now : null,
      failureCode: outcome === 'paid' ? null : outcome === 'expired' ? 'payment_expired' : 'payment_denied',
      updatedAt: now,
    },
  };
}
