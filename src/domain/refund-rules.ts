/**
 * Refund rules, as data and pure functions: what a payment can still give back, which methods refund
 * through the gateway and which need the customer's bank account, the PIX devolução window, and the
 * refund state machine. Amounts are integer minor units of the payment's currency.
 *
 *   pending -> succeeded | failed | canceled
 *   requires_action -> pending | succeeded | failed | canceled
 */
import { minorToDecimalLiteral } from './decimal';
import type { Currency } from './money';

export const REFUND_STATUSES = ['pending', 'requires_action', 'succeeded', 'failed', 'canceled'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export const REFUND_TRANSITIONS: Record<RefundStatus, readonly RefundStatus[]> = {
  pending: ['succeeded', 'failed', 'canceled'],
  requires_action: ['pending', 'succeeded', 'failed', 'canceled'],
  succeeded: [],
  failed: [],
  canceled: [],
};

/** The event each refund state emits when a refund enters it. */
export const REFUND_EVENTS: Record<RefundStatus, string> = {
  pending: 'refund.updated',
  requires_action: 'refund.updated',
  succeeded: 'refund.succeeded',
  failed: 'refund.failed',
  canceled: 'refund.updated',
};

export function canRefundTransition(from: RefundStatus, to: RefundStatus): boolean {
  return REFUND_TRANSITIONS[from].includes(to);
}

/** A refund that still holds (or has taken) part of the payment: counted against what can be refunded. */
export function holdsMoney(status: RefundStatus): boolean {
  return status === 'pending' || status === 'requires_action' || status === 'succeeded';
}

/** The Banco Central lets a PIX be returned (devolução) for 90 days after it was paid. */
export const PIX_REFUND_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * How a method's money goes back: `gateway` (card refund or charge cancel, PIX devolução) or
 * `bank_account` (boleto, bank transfers, vouchers and wallets: no way back to the payer without
 * the customer's own bank account, which must be of the payer's CPF/CNPJ).
 */
export type RefundPath = 'gateway' | 'bank_account';

export function refundPath(method: string): RefundPath {
  return method === 'card' || method === 'pix' ? 'gateway' : 'bank_account';
}

export type RefundablePayment = {
  method: string;
  currency: Currency;
  status: string;
  /** What the payment charged, pricing and interest included. */
  amount: number;
  /** What actually arrived when a settlement differed from the charge; null when it matched. */
  receivedAmount: number | null;
  paidAt: number | null;
};

/** What the money a payment brought in is: what arrived when that differed, else what was charged. */
export function collectedAmount(p: Pick<RefundablePayment, 'amount' | 'receivedAmount'>): number {
  return p.receivedAmount ?? p.amount;
}

/** What can still be refunded: the collected amount less every refund that holds or took money. */
export function remainingRefundable(
  p: Pick<RefundablePayment, 'amount' | 'receivedAmount'>,
  refunds: ReadonlyArray<{ amount: number; status: RefundStatus }>,
): number {
  const held = refunds.reduce((sum, r) => sum + (holdsMoney(r.status) ? r.amount : 0), 0);
  return Math.max(0, collectedAmount(p) - held);
}

/** When a PIX can no longer be returned; null for methods without a window. */
export function refundWindowClosesAt(p: Pick<RefundablePayment, 'method' | 'paidAt'>): number | null {
  return p.method === 'pix' && p.paidAt !== null ? p.paidAt + PIX_REFUND_WINDOW_MS : null;
}

export type RefundDecision =
  | { ok: true; amount: number; path: RefundPath; windowClosesAt: number | null }
  | {
      ok: false;
      code: 'payment_not_refundable' | 'refund_window_closed' | 'refund_exceeds_refundable';
      detail: string;
      field?: string;
    };

const REFUNDABLE_STATUSES = new Set(['paid', 'partially_refunded']);

/**
 * Whether a refund of `requested` (the rest when absent) may start now: the payment must have taken
 * money, the amount must fit in what is left, and a PIX must still be inside its window.
 */
export function decideRefund(
  p: RefundablePayment,
  refunds: ReadonlyArray<{ amount: number; status: RefundStatus }>,
  requested: number | undefined,
  now: number,
): RefundDecision {
  if (!REFUNDABLE_STATUSES.has(p.status)) {
    return {
      ok: false,
      code: 'payment_not_refundable',
      detail: `The payment is ${p.status}; only paid payments can be refunded.`,
    };
  }
  const remaining = remainingRefundable(p, refunds);
  if (remaining === 0) {
    return {
      ok: false,
      code: 'payment_not_refundable',
      detail: 'Nothing is left to refund on this payment.',
    };
  }
  const windowClosesAt = refundWindowClosesAt(p);
  if (windowClosesAt !== null && now > windowClosesAt) {
    return {
      ok: false,
      code: 'refund_window_closed',
      detail: `A PIX can be returned for 90 days after payment; this window closed at ${new Date(windowClosesAt).toISOString()}.`,
    };
  }
  const amount = requested ?? remaining;
  if (amount > remaining) {
    return {
      ok: false,
      code: 'refund_exceeds_refundable',
      // Minor units as the API takes them, and the same amount as people read it (the panel's form).
      detail: `At most ${remaining} (${minorToDecimalLiteral(remaining, p.currency)} ${p.currency}) can still be refunded on this payment.`,
      field: 'amount',
    };
  }
  return { ok: true, amount, path: refundPath(p.method), windowClosesAt };
}

/** The payment's status after its refunds: refunded once everything collected went back. */
export function paymentStatusAfterRefunds(
  p: Pick<RefundablePayment, 'amount' | 'receivedAmount'>,
  refundedAmount: number,
): 'paid' | 'partially_refunded' | 'refunded' {
  if (refundedAmount <= 0) return 'paid';
  return refundedAmount >= collectedAmount(p) ? 'refunded' : 'partially_refunded';
}
