import { and, asc, eq, inArray, isNotNull, isNull, ne, or } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { checkoutSessions, type PaymentRow, payments } from '../db/schema';
import { paymentConnector } from '../gateways/payment-connector';
import { ConnectorError } from '../gateways/types';
import type { Platform } from '../platform/platform';

export const VOID_PER_RUN = 25;

/**
 * Voids at the gateway what attempts of finished sessions issued (PIX codes, boletos, vouchers), so
 * a customer cannot pay what the session no longer takes. Works from D1 alone: an attempt superseded
 * or expired by the session's object, or still pending in a session that ended by any path (the
 * set-based expiry included). A void the gateway refuses because the money already arrived settles
 * the payment as paid, which takes the late path. Bounded per run; a void that failed transiently is
 * tried again at the next run.
 */
export async function voidIssuedPayments(
  platform: Platform,
  db: DrizzleD1Database,
  now: number,
): Promise<number> {
  const rows = await db
    .select({ payment: payments })
    .from(payments)
    .innerJoin(checkoutSessions, eq(checkoutSessions.id, payments.sessionId))
    .where(
      and(
        isNull(payments.voidedAt),
        isNotNull(payments.gatewayReference),
        ne(payments.method, 'card'),
        or(
          inArray(payments.status, ['canceled', 'expired']),
          and(
            eq(payments.status, 'pending'),
            inArray(checkoutSessions.status, ['paid', 'expired', 'canceled']),
          ),
        ),
      ),
    )
    .orderBy(asc(payments.updatedAt))
    .limit(VOID_PER_RUN);
  for (const { payment } of rows) await voidOne(platform, db, payment, now);
  return rows.length;
}

async function voidOne(platform: Platform, db: DrizzleD1Database, p: PaymentRow, now: number): Promise<void> {
  let voidError: string | null = null;
  let done = true;
  try {
    const { connector, ctx } = await paymentConnector(platform, db, p, now);
    await connector.cancel(ctx, p.gatewayReference as string);
  } catch (err) {
    voidError = err instanceof ConnectorError ? err.code : 'gateway_error';
    if (voidError === 'already_paid') {
      await platform.session(p.sessionId).settle({
        sessionId: p.sessionId,
        paymentId: p.id,
        outcome: 'paid',
        now,
      });
    } else if (err instanceof ConnectorError && err.kind !== 'hard_decline') {
      done = false;
    }
  }
  await db
    .update(payments)
    .set({ voidedAt: done ? now : null, voidError })
    .where(eq(payments.id, p.id));
}
