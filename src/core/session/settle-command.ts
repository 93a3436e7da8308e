import { and, eq, inArray, ne } from 'drizzle-orm';
import { checkoutSessions, type PaymentRow, type SessionRow } from '../../db/schema';
import { ownedBy } from '../../db/tenant';
import { isEndToEndId } from '../../domain/pix-end-to-end';
import { dueAt, type SessionStatus } from '../../domain/session-state';
import {
  applyPolicy,
  classifySettlement,
  decideAccept,
  FLAG_EVENTS,
  type FlagResolution,
} from '../../domain/settlement-rules';
import type { PayOutcome, SettleCommand } from './commands';
import type { SessionChange } from './commit';
import { latePaymentPolicy } from './late-policy';
import { paymentEvent } from './payment-events';
import { settlePayment } from './payment-row';
import { createRefund, NO_SUCH_PAYMENT, ownedPaymentOf, type SessionScope } from './refund-command';
import { sessionEvents } from './session-events';

const CONCURRENT = { ok: false, code: 'concurrent_update', detail: 'The session changed; retry.' } as const;

/** Another open, pending or paid session of this session's order (an ended session cannot take it back), if any. */
async function orderTaken(
  scope: SessionScope,
  row: SessionRow,
): Promise<{ id: string; status: SessionStatus } | undefined> {
  const [other] = await scope.db
    .select({ id: checkoutSessions.id, status: checkoutSessions.status })
    .from(checkoutSessions)
    .where(
      and(
        ownedBy(checkoutSessions, row.merchantId, row.mode),
        eq(checkoutSessions.merchantOrderId, row.merchantOrderId),
        inArray(checkoutSessions.status, ['open', 'pending', 'paid']),
        ne(checkoutSessions.id, row.id),
      ),
    )
    .limit(1);
  return other;
}

function underpaid(p: PaymentRow): boolean {
  return (
    (p.receivedCurrency !== null && p.receivedCurrency !== p.currency) ||
    (p.receivedAmount !== null && p.receivedAmount < p.amount)
  );
}

/**
 * Applies a gateway's word on a payment. A `paid` the session can take as usual pays it; one it can no
 * longer take (ended session, another payment won, other amount or currency) is recorded all the
 * same, flagged, and handled by the merchant's policy. Denied and expired only ever touch a pending
 * payment; a repeat of what a payment already is changes nothing.
 */
export async function settle(scope: SessionScope, row: SessionRow, cmd: SettleCommand): Promise<PayOutcome> {
  const now = cmd.now ?? Date.now();
  const payment = await ownedPaymentOf(scope.db, row, cmd.paymentId, cmd.owner);
  if (!payment) return NO_SUCH_PAYMENT;
  if (cmd.outcome === 'paid') {
    const c = classifySettlement({
      session: { status: row.status, expiresAt: row.expiresAt, dueAt: dueAt(row) },
      payment,
      received: { amount: cmd.amount, currency: cmd.currency },
      now,
    });
    if (c.kind === 'repeat') return { ok: true, session: row, payment };
    if (c.kind === 'unexpected') return settleUnexpected(scope, row, payment, c, now, cmd);
  }
  if (payment.status === cmd.outcome) return { ok: true, session: row, payment };
  if (payment.status !== 'pending') {
    return {
      ok: false,
      code: 'invalid_state_transition',
      detail: `The payment is ${payment.status}; it cannot become ${cmd.outcome}.`,
    };
  }
  const settled = settlePayment(row, payment, cmd.outcome, now);
  if (!settled.ok) return settled;
  const { to } = settled;
  const next = withEndToEndId(settled.payment, cmd);
  const committed = await scope.commit(
    row,
    {
      session: { status: to, pendingUntil: to === 'pending' ? row.pendingUntil : null },
      updatePayments: [{ id: next.id, set: next }],
      events: [paymentEvent(next, row, now), ...sessionEvents(row, to, now)],
    },
    now,
  );
  if (!committed) return CONCURRENT;
  return { ok: true, session: committed, payment: next };
}

/** A paid PIX keeps the end-to-end id its settlement carried (a well-formed one only). */
function withEndToEndId(payment: PaymentRow, cmd: SettleCommand): PaymentRow {
  const pix = payment.details.pix;
  if (cmd.outcome !== 'paid' || !pix || !cmd.endToEndId || !isEndToEndId(cmd.endToEndId)) return payment;
  return { ...payment, details: { ...payment.details, pix: { ...pix, end_to_end_id: cmd.endToEndId } } };
}

async function settleUnexpected(
  scope: SessionScope,
  row: SessionRow,
  payment: PaymentRow,
  c: Extract<ReturnType<typeof classifySettlement>, { kind: 'unexpected' }>,
  now: number,
  cmd: SettleCommand,
): Promise<PayOutcome> {
  const policy = await latePaymentPolicy(scope.db, row.merchantId, row.mode);
  let outcome = applyPolicy(c, policy);
  if (
    outcome.completesSession &&
    row.status !== 'open' &&
    row.status !== 'pending' &&
    (await orderTaken(scope, row))
  ) {
    outcome = { resolution: 'held', completesSession: false };
  }
  // Under the refund policy the money is held until its refund exists: creating the refund marks it
  // refunded, so a refund that could not be created leaves it held, in view, never silently dropped.
  const resolution: FlagResolution = outcome.resolution === 'refund' ? 'held' : outcome.resolution;
  const next: PaymentRow = {
    ...withEndToEndId(payment, cmd),
    status: 'paid',
    paidAt: now,
    failureCode: null,
    settlementFlag: c.flag,
    flagResolution: resolution,
    receivedAmount: c.receivedAmount,
    receivedCurrency: c.receivedCurrency,
    updatedAt: now,
  };
  // The session moves only when the money completes it, or when this attempt is over (an underpayment,
  // or money going back): the customer may then pay again while the session lasts.
  let to: SessionStatus = row.status;
  if (outcome.completesSession) to = 'paid';
  else if (
    row.status === 'pending' &&
    payment.status === 'pending' &&
    (c.underpaid || outcome.resolution === 'refund')
  ) {
    to = now >= row.expiresAt ? 'expired' : 'open';
  }
  const change: SessionChange = {
    session: to === row.status ? undefined : { status: to, pendingUntil: null },
    updatePayments: [{ id: next.id, set: next }],
    events: [
      paymentEvent(next, row, now, FLAG_EVENTS[c.flag]),
      ...(outcome.completesSession ? [paymentEvent(next, row, now)] : []),
      ...sessionEvents(row, to, now),
    ],
  };
  const committed = await scope.commit(row, change, now);
  if (!committed) return CONCURRENT;
  if (outcome.resolution === 'refund') {
    const refunded = await createRefund(scope, committed, {
      sessionId: row.id,
      paymentId: payment.id,
      origin: 'policy',
      reason: `unexpected money (${c.flag}): returned by the merchant's policy`,
      now,
    });
    if (refunded.ok) return { ok: true, session: committed, payment: refunded.payment };
    console.error(`policy refund of ${payment.id} was not created: ${refunded.code}`);
  }
  return { ok: true, session: committed, payment: next };
}

/** The merchant keeps a held payment: it completes its session if that session has not been paid meanwhile. */
export async function acceptPayment(
  scope: SessionScope,
  row: SessionRow,
  cmd: SettleCommand,
): Promise<PayOutcome> {
  const now = cmd.now ?? Date.now();
  const payment = await ownedPaymentOf(scope.db, row, cmd.paymentId, cmd.owner);
  if (!payment) return NO_SUCH_PAYMENT;
  const decision = decideAccept(
    {
      flag: payment.settlementFlag,
      resolution: payment.flagResolution,
      underpaid: underpaid(payment),
      status: payment.status,
    },
    row.status,
  );
  if (!decision.ok) return { ok: false, code: decision.code, detail: decision.detail };
  // Money for an order another session holds is not kept here: keeping it would charge the order
  // twice (paid there) or leave it payable twice (open there). The merchant refunds it instead, or
  // accepts it once the other session has ended.
  if (decision.completesSession && row.status !== 'open' && row.status !== 'pending') {
    const other = await orderTaken(scope, row);
    if (other)
      return other.status === 'paid'
        ? {
            ok: false,
            code: 'order_already_paid',
            detail: `Order ${row.merchantOrderId} was paid by session ${other.id}: refund this payment instead.`,
          }
        : {
            ok: false,
            code: 'order_has_open_session',
            detail: `Order ${row.merchantOrderId} has session ${other.id} open: end it first, or refund this payment.`,
          };
  }
  const completes = decision.completesSession;
  const next: PaymentRow = { ...payment, flagResolution: 'accepted', updatedAt: now };
  const to: SessionStatus = completes ? 'paid' : row.status;
  const committed = await scope.commit(
    row,
    {
      session: completes ? { status: 'paid', pendingUntil: null } : undefined,
      updatePayments: [{ id: payment.id, set: { flagResolution: 'accepted' } }],
      events: [paymentEvent(next, row, now), ...sessionEvents(row, to, now)],
    },
    now,
  );
  if (!committed) return CONCURRENT;
  return { ok: true, session: committed, payment: next };
}
