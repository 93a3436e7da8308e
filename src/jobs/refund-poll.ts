import { and, asc, eq, isNotNull, lte, or } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { payments, type RefundRow, refunds } from '../db/schema';
import { paymentConnector } from '../gateways/payment-connector';
import type { Platform } from '../platform/platform';

export const REFUND_POLL_PER_RUN = 25;
/** A pending refund is asked about once it has waited this long since its last change or check. */
export const REFUND_POLL_AFTER_MS = 60_000;

/**
 * Asks gateways where their pending refunds stand (a PIX devolução settles asynchronously; a refund
 * call that timed out is pending until its gateway says). A final answer goes through the session's
 * object; an unchanged one only marks the refund as checked, so the oldest are asked first.
 */
export async function pollPendingRefunds(
  platform: Platform,
  db: DrizzleD1Database,
  now: number,
): Promise<number> {
  const due = await db
    .select({ refund: refunds, payment: payments })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(
      and(
        // Pending at the gateway, or waiting on the payer at the gateway's own form (Asaas's bank-slip refund).
        or(
          eq(refunds.status, 'pending'),
          and(eq(refunds.status, 'requires_action'), isNotNull(refunds.gatewayActionUrl)),
        ),
        lte(refunds.updatedAt, now - REFUND_POLL_AFTER_MS),
      ),
    )
    .orderBy(asc(refunds.updatedAt))
    .limit(REFUND_POLL_PER_RUN);
  for (const { refund, payment } of due) await pollOne(platform, db, refund, payment, now);
  return due.length;
}

async function pollOne(
  platform: Platform,
  db: DrizzleD1Database,
  refund: RefundRow,
  payment: typeof payments.$inferSelect,
  now: number,
): Promise<void> {
  try {
    const { connector, ctx } = await paymentConnector(platform, db, payment, now);
    const found = await connector.fetchRefund?.(ctx, {
      reference: refund.gatewayReference,
      paymentReference: payment.gatewayReference ?? '',
      refundId: refund.id,
    });
    if (found && found.status !== 'pending' && found.status !== 'requires_action') {
      const outcome = await platform.session(refund.sessionId).updateRefund({
        sessionId: refund.sessionId,
        refundId: refund.id,
        action: {
          kind: 'gateway_result',
          status: found.status,
          reference: found.reference,
          failureCode: found.failureCode,
        },
        now,
      });
      if (outcome.ok) return;
    }
  } catch (err) {
    console.error(`refund poll ${refund.id} failed: ${err instanceof Error ? err.message : 'unknown'}`);
  }
  await db
    .update(refunds)
    .set({ updatedAt: now })
    .where(and(eq(refunds.id, refund.id), eq(refunds.status, refund.status)));
}
