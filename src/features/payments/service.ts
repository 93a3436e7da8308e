import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SettleCommand } from '../../core/session/commands';
import { type PaymentRow, paymentAttempts, payments } from '../../db/schema';
import { ownedBy } from '../../db/tenant';
import { ApiError, refusalError } from '../../domain/errors';
import { sandboxEndToEndId } from '../../domain/pix-end-to-end';
import type { MerchantCtx } from '../context';

export async function getPayment({
  ctx,
  input,
}: {
  ctx: MerchantCtx;
  input: { id: string };
}): Promise<PaymentRow> {
  const [row] = await ctx.db
    .select()
    .from(payments)
    .where(and(eq(payments.id, input.id), ownedBy(payments, ctx.merchant.id, ctx.mode)))
    .limit(1);
  if (!row) throw new ApiError('not_found', 'No such payment.');
  return row;
}

/** A payment with every gateway call made for it, in one D1 round trip. */
export async function getPaymentWithAttempts({ ctx, input }: { ctx: MerchantCtx; input: { id: string } }) {
  const [found, attempts] = await ctx.db.batch([
    ctx.db
      .select()
      .from(payments)
      .where(and(eq(payments.id, input.id), ownedBy(payments, ctx.merchant.id, ctx.mode)))
      .limit(1),
    ctx.db
      .select()
      .from(paymentAttempts)
      .where(
        and(
          eq(paymentAttempts.paymentId, input.id),
          inArray(
            paymentAttempts.paymentId,
            ctx.db
              .select({ id: payments.id })
              .from(payments)
              .where(ownedBy(payments, ctx.merchant.id, ctx.mode)),
          ),
        ),
      )
      .orderBy(asc(paymentAttempts.startedAt)),
  ]);
  const payment = found[0];
  if (!payment) throw new ApiError('not_found', 'No such payment.');
  return { payment, attempts };
}

/** The sandbox payer bank's ISPB in simulated end-to-end ids (no real institution has it). */
const SANDBOX_ISPB = '99999999';
const randomUnit = () => (crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) / 2 ** 32;

/**
 * A simulated PIX settles with an end-to-end id, as a real transfer does (the sandbox payer bank's),
 * whether the API or the checkout page's Simulate button settled it.
 */
export function simulatedEndToEnd(
  payment: PaymentRow,
  outcome: SettleCommand['outcome'],
  now: number,
): { endToEndId?: string } {
  return outcome === 'paid' && payment.details.pix
    ? { endToEndId: sandboxEndToEndId(SANDBOX_ISPB, now, randomUnit) }
    : {};
}

/** Settles a pending test payment as a gateway would (paid, denied or expired). Test keys only. */
export async function simulatePayment({
  ctx,
  input,
}: {
  ctx: MerchantCtx;
  input: { id: string; outcome: SettleCommand['outcome']; amount?: number; currency?: string };
}): Promise<PaymentRow> {
  if (ctx.mode !== 'test') throw new ApiError('forbidden', 'Payments can only be simulated with a test key.');
  const payment = await getPayment({ ctx, input });
  const outcome = await ctx.session(payment.sessionId).settle({
    sessionId: payment.sessionId,
    paymentId: payment.id,
    outcome: input.outcome,
    amount: input.amount,
    currency: input.currency,
    ...simulatedEndToEnd(payment, input.outcome, ctx.now),
    owner: { merchantId: ctx.merchant.id, mode: ctx.mode },
  });
  if (!outcome.ok) throw refusalError(outcome);
  return outcome.payment;
}

/** The merchant keeps a held late, duplicate or mismatched payment (see domain/settlement-rules.ts). */
export async function acceptHeldPayment({
  ctx,
  input,
}: {
  ctx: MerchantCtx;
  input: { id: string };
}): Promise<PaymentRow> {
  const payment = await getPayment({ ctx, input });
  const outcome = await ctx.session(payment.sessionId).accept({
    sessionId: payment.sessionId,
    paymentId: payment.id,
    outcome: 'paid',
    owner: { merchantId: ctx.merchant.id, mode: ctx.mode },
  });
  if (!outcome.ok) throw refusalError(outcome);
  return outcome.payment;
}
