/**
 * What to make of money a gateway reports, as pure rules. Money that arrives is always recorded; a
 * settlement the session can no longer take normally is flagged, and the merchant's policy for
 * unexpected money decides what follows:
 *
 * - `late`: the session expired or was canceled, or this attempt had been voided or superseded;
 * - `duplicate`: another payment of the session already won;
 * - `amount_mismatch`: the amount or currency received differs from what was charged.
 *
 * Policies: `accept` (the money completes the session, as a normal payment would), `refund` (an
 * automatic full refund of what arrived), `hold` (the default: the merchant decides later). An
 * underpayment, or money in another currency, never completes a session, whatever the policy.
 */
export const LATE_PAYMENT_POLICIES = ['accept', 'refund', 'hold'] as const;
export type LatePaymentPolicy = (typeof LATE_PAYMENT_POLICIES)[number];
export const DEFAULT_LATE_PAYMENT_POLICY: LatePaymentPolicy = 'hold';

export type SettlementFlag = 'late' | 'duplicate' | 'amount_mismatch';
/** Where a flagged settlement stands: awaiting the merchant, accepted, or being given back. */
export type FlagResolution = 'held' | 'accepted' | 'refunded';

export const FLAG_EVENTS: Record<SettlementFlag, string> = {
  late: 'payment.late',
  duplicate: 'payment.duplicate',
  amount_mismatch: 'payment.amount_mismatch',
};

export type SettlementInput = {
  session: { status: string; expiresAt: number; dueAt: number };
  payment: { status: string; amount: number; currency: string };
  /** What the gateway says arrived; absent when its notification does not say. */
  received: { amount?: number; currency?: string };
  now: number;
};

export type SettlementClass =
  /** The payment already took money: a repeat of a notification already applied. */
  | { kind: 'repeat' }
  | { kind: 'normal' }
  | {
      kind: 'unexpected';
      flag: SettlementFlag;
      /** Less than charged, or another currency: it can never complete the session. */
      underpaid: boolean;
      receivedAmount: number;
      receivedCurrency: string;
    };

const TOOK_MONEY = new Set(['paid', 'partially_refunded', 'refunded']);

/** Classifies a `paid` notification against the session and payment as they are now. */
export function classifySettlement(input: SettlementInput): SettlementClass {
  const { session, payment, received, now } = input;
  if (TOOK_MONEY.has(payment.status)) return { kind: 'repeat' };
  const receivedAmount = received.amount ?? payment.amount;
  const receivedCurrency = (received.currency ?? payment.currency).toUpperCase();
  const otherCurrency = receivedCurrency !== payment.currency.toUpperCase();
  const mismatch = otherCurrency || receivedAmount !== payment.amount;
  const underpaid = otherCurrency || receivedAmount < payment.amount;
  let flag: SettlementFlag | null = null;
  if (session.status === 'paid') flag = 'duplicate';
  else if (
    session.status === 'expired' ||
    session.status === 'canceled' ||
    payment.status !== 'pending' ||
    now >= session.dueAt
  )
    flag = 'late';
  else if (mismatch) flag = 'amount_mismatch';
  if (flag === null) return { kind: 'normal' };
  return { kind: 'unexpected', flag, underpaid, receivedAmount, receivedCurrency };
}

export type PolicyOutcome = { resolution: FlagResolution | 'refund'; completesSession: boolean };

/** What the merchant's policy does with a flagged settlement. */
export function applyPolicy(
  c: { flag: SettlementFlag; underpaid: boolean },
  policy: LatePaymentPolicy,
): PolicyOutcome {
  if (policy === 'refund') return { resolution: 'refund', completesSession: false };
  if (policy === 'accept' && !c.underpaid) {
    return { resolution: 'accepted', completesSession: c.flag !== 'duplicate' };
  }
  return { resolution: 'held', completesSession: false };
}

export type AcceptDecision =
  | { ok: true; completesSession: boolean }
  | { ok: false; code: 'payment_not_held' | 'amount_insufficient'; detail: string };

/** Whether the merchant may accept a held settlement now, and whether that completes its session. */
export function decideAccept(
  payment: {
    flag: SettlementFlag | null;
    resolution: FlagResolution | null;
    underpaid: boolean;
    status?: string;
  },
  sessionStatus: string,
): AcceptDecision {
  const untouched = payment.status === undefined || payment.status === 'paid';
  if (payment.flag === null || payment.resolution !== 'held' || !untouched) {
    return {
      ok: false,
      code: 'payment_not_held',
      detail: 'Only a held late, duplicate or mismatched payment can be accepted.',
    };
  }
  if (payment.underpaid) {
    return {
      ok: false,
      code: 'amount_insufficient',
      detail:
        'Less than the charge arrived (or another currency): it cannot complete the session. Refund it instead.',
    };
  }
  return { ok: true, completesSession: sessionStatus !== 'paid' };
}
