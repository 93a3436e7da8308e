/**
 * The checkout session state machine, as data. Every pair not listed here is refused.
 *
 *   open -> pending -> paid
 *   open | pending -> expired | canceled
 *   pending -> open      (the asynchronous attempt failed; the customer may try again)
 */
export const SESSION_STATUSES = ['open', 'pending', 'paid', 'expired', 'canceled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SESSION_TRANSITIONS: Record<SessionStatus, readonly SessionStatus[]> = {
  open: ['pending', 'paid', 'expired', 'canceled'],
  pending: ['open', 'paid', 'expired', 'canceled'],
  paid: [],
  expired: [],
  canceled: [],
};

/** The event each target state emits, if any. */
export const TRANSITION_EVENTS: Partial<Record<SessionStatus, string>> = {
  paid: 'checkout_session.finished',
  expired: 'checkout_session.expired',
  canceled: 'checkout_session.canceled',
};

export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return SESSION_TRANSITIONS[from].includes(to);
}

export function isTerminal(status: SessionStatus): boolean {
  return SESSION_TRANSITIONS[status].length === 0;
}

export type TransitionResult =
  | { ok: true; from: SessionStatus; to: SessionStatus; event: string | null }
  | { ok: false; reason: 'invalid_transition' | 'expired'; from: SessionStatus; to: SessionStatus };

/**
 * Decides a transition. Expiry is lazy as well as swept: a session whose expires_at has passed can
 * only move to `expired`, so a late request can never pay it, whatever the sweep has done so far.
 */
export function decideTransition(
  session: { status: SessionStatus; expiresAt: number },
  to: SessionStatus,
  now: number,
): TransitionResult {
  const from = session.status;
  if (!canTransition(from, to)) return { ok: false, reason: 'invalid_transition', from, to };
  if (to !== 'expired' && to !== 'canceled' && session.status === 'open' && now >= session.expiresAt) {
    return { ok: false, reason: 'expired', from, to };
  }
  return { ok: true, from, to, event: TRANSITION_EVENTS[to] ?? null };
}

/**
 * The instant a session is due to expire: expires_at, or, while a pending payment holds it (an
 * issued boleto, payable until voided), pending_until.
 */
export function dueAt(session: {
  status: SessionStatus;
  expiresAt: number;
  pendingUntil: number | null;
}): number {
  return session.status === 'pending' && session.pendingUntil !== null
    ? session.pendingUntil
    : session.expiresAt;
}
