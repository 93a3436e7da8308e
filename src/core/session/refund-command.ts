import { and, asc, eq } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { type PaymentRow, payments, type RefundRow, refunds, type SessionRow } from '../../db/schema';
import type { Currency } from '../../domain/money';
import {
  decideRefund,
  paymentStatusAfterRefunds,
  REFUND_EVENTS,
  type RefundStatus,
  refundPath,
} from '../../domain/refund-rules';
import type { Mode } from '../../domain/tenant';
import { paymentConnector } from '../../gateways/payment-connector';
import { ConnectorError, type GatewayRefundResult, type RefundBankAccount } from '../../gateways/types';
import { newId } from '../../lib/ids';
import type { Ports } from '../../platform/ports';
import type { Refusal } from './commands';
import { newEvent, type OutboxEvent, type SessionChange } from './commit';
import { paymentEvent } from './payment-events';
import { nextAction, refundView } from './refund-view';

/** What a session command module may use of its object: D1, the platform's ports, and the guarded commit. */
export type SessionScope = {
  db: DrizzleD1Database;
  platform: Ports;
  commit(row: SessionRow, change: SessionChange, now: number): Promise<SessionRow | null>;
};

export type RefundCommand = {
  sessionId: string;
  paymentId: string;
  owner?: { merchantId: string; mode: Mode };
  amount?: number;
  reason?: string | null;
  metadata?: Record<string, string>;
  origin: 'merchant' | 'policy';
  /** A form's one-time key: asked again with it, the refund it made is the answer, not a second one. */
  requestKey?: string;
  now?: number;
};

/** `replayed`: the same request (its key) asked again, answered with the refund it made the first time. */
export type RefundOutcome = { ok: true; refund: RefundRow; payment: PaymentRow; replayed?: true } | Refusal;

const CONCURRENT: Refusal = { ok: false, code: 'concurrent_update', detail: 'The session changed; retry.' };

export function refundsOf(db: DrizzleD1Database, paymentId: string) {
  return db.select().from(refunds).where(eq(refunds.paymentId, paymentId)).orderBy(asc(refunds.createdAt));
}

export async function paymentOf(db: DrizzleD1Database, session: SessionRow, paymentId: string) {
  const [p] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.id, paymentId), eq(payments.sessionId, session.id)))
    .limit(1);
  return p ?? null;
}

/**
 * The payment of this session, or null when there is none or the command names an owner it does not
 * belong to (another merchant's or mode's key): every command answers both with the same not_found.
 */
export async function ownedPaymentOf(
  db: DrizzleD1Database,
  session: SessionRow,
  paymentId: string,
  owner: { merchantId: string; mode: string } | undefined,
) {
  const payment = await paymentOf(db, session, paymentId);
  if (!payment || (owner && (payment.merchantId !== owner.merchantId || payment.mode !== owner.mode)))
    return null;
  return payment;
}

export const NO_SUCH_PAYMENT = { ok: false, code: 'not_found', detail: 'No such payment.' } as const;

async function refundEvent(
  ports: Pick<Ports, 'secrets'>,
  session: SessionRow,
  type: string,
  r: RefundRow,
): Promise<OutboxEvent> {
  return newEvent(type, { ...refundView(r, await nextAction(ports, session, r)), payment_id: r.paymentId });
}

/**
 * Starts a refund of a paid payment. Runs inside the session's object, one command at a time, so the
 * check "the amount fits in what is left" and the insert that takes it can never interleave with
 * another refund of the same payment. The refund row is committed before the gateway is asked, so a
 * crash leaves a trace; money that must go to a bank account waits in `requires_action`.
 */
export async function createRefund(
  scope: SessionScope,
  row: SessionRow,
  cmd: RefundCommand,
): Promise<RefundOutcome> {
  const now = cmd.now ?? Date.now();
  const payment = await ownedPaymentOf(scope.db, row, cmd.paymentId, cmd.owner);
  if (!payment) return NO_SUCH_PAYMENT;
  const existing = await refundsOf(scope.db, payment.id);
  // Checked inside the object, one command at a time: two sends of one form cannot both pass.
  const asked = cmd.requestKey ? existing.find((r) => r.requestKey === cmd.requestKey) : undefined;
  if (asked) return { ok: true, refund: asked, payment, replayed: true };
  const decision = decideRefund(
    { ...payment, currency: payment.currency as Currency },
    existing,
    cmd.amount,
    now,
  );
  if (!decision.ok) return { ok: false, code: decision.code, detail: decision.detail, field: decision.field };
  const refund: RefundRow = {
    id: newId('re'),
    paymentId: payment.id,
    sessionId: row.id,
    merchantId: row.merchantId,
    mode: row.mode,
    status: decision.path === 'gateway' ? 'pending' : 'requires_action',
    amount: decision.amount,
    // What goes back is what came in: money that arrived in another currency returns in that currency.
    currency: payment.receivedCurrency ?? payment.currency,
    reason: cmd.reason ?? null,
    metadata: cmd.metadata ?? {},
    origin: cmd.origin,
    gateway: payment.gateway,
    gatewayReference: null,
    failureCode: null,
    bankAccountSealed: null,
    bankAccountHint: null,
    gatewayActionUrl: null,
    windowClosesAt: decision.windowClosesAt,
    completedBy: null,
    createdAt: now,
    updatedAt: now,
    completedAt: null,
    requestKey: cmd.requestKey ?? null,
  };
  // Refunding held money is the merchant's decision on it: it can no longer be accepted.
  const decided = payment.flagResolution === 'held';
  if (decided) payment.flagResolution = 'refunded';
  const created = await scope.commit(
    row,
    {
      insertRefund: refund,
      updatePayments: decided ? [{ id: payment.id, set: { flagResolution: 'refunded' } }] : undefined,
      events: [await refundEvent(scope.platform, row, 'refund.created', refund)],
    },
    now,
  );
  if (!created) return { ...CONCURRENT, retryable: true };
  // A bank-account refund asks the gateway too: most answer requires_action (Borda's page collects the
  // account), one may offer its own form (actionUrl), one may refund natively.
  const result = await askGateway(scope, payment, refund, undefined, now);
  // Before the customer's account is known, only the gateway's own form (actionUrl) or a native refund
  // changes the course of a bank-account refund; anything else waits for Borda's page.
  const native = result.status === 'succeeded' || result.status === 'pending';
  if (
    decision.path === 'bank_account' &&
    !native &&
    !(result.status === 'requires_action' && result.actionUrl)
  ) {
    return { ok: true, refund, payment };
  }
  return applyRefundResult(scope, created, payment, refund, result, Date.now());
}

/** Asks the payment's gateway to return the money; an ambiguous failure leaves the refund pending, to be asked again. */
export async function askGateway(
  scope: SessionScope,
  payment: PaymentRow,
  refund: RefundRow,
  bankAccount: RefundBankAccount | undefined,
  now: number,
): Promise<GatewayRefundResult> {
  const { connector, ctx } = await paymentConnector(scope.platform, scope.db, payment, now);
  if (!connector.refund) {
    // No refund API: a transfer to the customer's account is the merchant's to make and confirm.
    return bankAccount || refundPath(payment.method) === 'bank_account'
      ? { status: 'requires_action', reference: null }
      : { status: 'failed', reference: null, failureCode: 'refund_not_supported' };
  }
  try {
    return await connector.refund(ctx, {
      refundId: refund.id,
      paymentId: payment.id,
      reference: payment.gatewayReference ?? '',
      method: payment.method,
      amount: refund.amount,
      currency: refund.currency as never,
      chargedAmount: payment.receivedAmount ?? payment.amount,
      reason: refund.reason,
      bankAccount,
      now,
    });
  } catch (err) {
    if (err instanceof ConnectorError && err.kind === 'ambiguous') {
      return { status: 'pending', reference: err.reference };
    }
    return {
      status: 'failed',
      reference: null,
      failureCode: err instanceof ConnectorError ? err.code : 'gateway_error',
    };
  }
}

/**
 * Moves a refund to what its gateway (or the merchant) says, with its event; a succeeded refund adds
 * to the payment's refunded amount and moves it to partially_refunded or refunded in the same batch.
 */
export async function applyRefundResult(
  scope: SessionScope,
  row: SessionRow,
  payment: PaymentRow,
  refund: RefundRow,
  result: { status: RefundStatus; reference?: string | null; failureCode?: string; actionUrl?: string },
  now: number,
  set: Partial<RefundRow> = {},
): Promise<RefundOutcome> {
  const to = result.status;
  const next: RefundRow = {
    ...refund,
    ...set,
    status: to,
    gatewayReference: result.reference ?? refund.gatewayReference,
    gatewayActionUrl: result.actionUrl ?? refund.gatewayActionUrl,
    failureCode: to === 'failed' ? (result.failureCode ?? 'refund_failed') : null,
    completedAt: to === 'succeeded' || to === 'failed' || to === 'canceled' ? now : null,
    updatedAt: now,
  };
  const change: SessionChange = { updateRefunds: [{ id: refund.id, set: next }], events: [] };
  let paymentAfter = payment;
  const actionChanged = next.gatewayActionUrl !== refund.gatewayActionUrl;
  if (to !== refund.status || Object.keys(set).length > 0 || actionChanged) {
    const type = to === refund.status ? 'refund.updated' : REFUND_EVENTS[to];
    change.events?.push(await refundEvent(scope.platform, row, type, next));
  }
  if (to === 'succeeded' && refund.status !== 'succeeded') {
    const refundedAmount = payment.refundedAmount + refund.amount;
    paymentAfter = {
      ...payment,
      refundedAmount,
      status: paymentStatusAfterRefunds(payment, refundedAmount),
      updatedAt: now,
    };
    change.updatePayments = [{ id: payment.id, set: { refundedAmount, status: paymentAfter.status } }];
    change.events?.push(paymentEvent(paymentAfter, row, now));
  }
  const committed = await scope.commit(row, change, now);
  if (!committed) return CONCURRENT;
  return { ok: true, refund: next, payment: paymentAfter };
}
