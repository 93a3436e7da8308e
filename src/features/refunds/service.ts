import { and, asc, eq } from 'drizzle-orm';
import type { RefundAction } from '../../core/session/refund-update';
import { nextAction, refundView } from '../../core/session/refund-view';
import { checkoutSessions, type RefundRow, refunds } from '../../db/schema';
import { ownedBy } from '../../db/tenant';
import { ApiError, refusalError } from '../../domain/errors';
import type { RefundBankAccount } from '../../gateways/types';
import type { MerchantCtx } from '../context';
import { getPayment } from '../payments/service';
import type { CreateRefund } from './schema';

/** Refunds a payment of the key's merchant and mode through its session's object (the single writer). */
export async function refundPayment({
  ctx,
  input,
}: {
  ctx: MerchantCtx;
  input: { paymentId: string; body: CreateRefund; requestKey?: string };
}): Promise<{ refund: RefundRow; replayed: boolean }> {
  const payment = await getPayment({ ctx, input: { id: input.paymentId } });
  const outcome = await ctx.session(payment.sessionId).refund({
    sessionId: payment.sessionId,
    paymentId: payment.id,
    owner: { merchantId: ctx.merchant.id, mode: ctx.mode },
    amount: input.body.amount,
    reason: input.body.reason ?? null,
    metadata: input.body.metadata as Record<string, string> | undefined,
    origin: 'merchant',
    requestKey: input.requestKey,
  });
  if (!outcome.ok) throw refusalError(outcome);
  return { refund: outcome.refund, replayed: outcome.replayed === true };
}

export async function getRefund({
  ctx,
  input,
}: {
  ctx: MerchantCtx;
  input: { id: string };
}): Promise<RefundRow> {
  const [row] = await ctx.db
    .select()
    .from(refunds)
    .where(and(eq(refunds.id, input.id), ownedBy(refunds, ctx.merchant.id, ctx.mode)))
    .limit(1);
  if (!row) throw new ApiError('not_found', 'No such refund.');
  return row;
}

export function listRefunds(ctx: MerchantCtx, paymentId: string) {
  return ctx.db
    .select()
    .from(refunds)
    .where(and(eq(refunds.paymentId, paymentId), ownedBy(refunds, ctx.merchant.id, ctx.mode)))
    .orderBy(asc(refunds.createdAt));
}

/** Confirms, cancels or (test keys) simulates the gateway's answer on a refund of the key's merchant. */
export async function actOnRefund({
  ctx,
  input,
}: {
  ctx: MerchantCtx;
  input: { id: string; action: RefundAction };
}): Promise<RefundRow> {
  const refund = await getRefund({ ctx, input });
  const outcome = await ctx.session(refund.sessionId).updateRefund({
    sessionId: refund.sessionId,
    refundId: refund.id,
    owner: { merchantId: ctx.merchant.id, mode: ctx.mode },
    action: input.action,
  });
  if (!outcome.ok) throw refusalError(outcome);
  return outcome.refund;
}

/**
 * The merchant's view of a refund. While a transfer waits on the merchant, the whole bank account the
 * customer gave is shown (it is needed to send the money); otherwise only its last digits.
 */
export async function presentRefund(ctx: MerchantCtx, r: RefundRow) {
  const [session] = await ctx.db
    .select()
    .from(checkoutSessions)
    .where(eq(checkoutSessions.id, r.sessionId))
    .limit(1);
  if (!session) throw new ApiError('not_found', 'No such refund.');
  let action = await nextAction(ctx, session, r);
  if (action?.type === 'confirm_transfer' && r.bankAccountSealed) {
    const account = JSON.parse(await ctx.secrets.open(r.bankAccountSealed)) as RefundBankAccount;
    action = { type: 'confirm_transfer', bank_account: account };
  }
  return refundView(r, action);
}
