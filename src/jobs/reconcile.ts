import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { type PaymentRow, payments } from '../db/schema';
import { paymentConnector } from '../gateways/payment-connector';
import type { GatewayStatus } from '../gateways/types';
import type { Platform } from '../platform/platform';

/** Payments asked about per cron run, and how many at once: bounded, whatever the backlog. */
export const RECONCILE_PER_RUN = 25;
const CONCURRENCY = 5;

const MINUTE = 60_000;
/**
 * How long a payment may stay pending before its gateway is asked, and how long before it is asked
 * again: a PIX settles in seconds, so minutes; a boleto takes one to three business days to clear.
 */
export const RECONCILE_AFTER_MS: Record<string, number> = {
  card: 5 * MINUTE,
  pix: 10 * MINUTE,
  boleto: 24 * 60 * MINUTE,
};
const DEFAULT_AFTER_MS = 60 * MINUTE;

function windowSql(column: typeof payments.method) {
  const cases = Object.entries(RECONCILE_AFTER_MS).map(([m, ms]) => sql`WHEN ${m} THEN ${ms}`);
  return sql`(CASE ${column} ${sql.join(cases, sql` `)} ELSE ${DEFAULT_AFTER_MS} END)`;
}

const OUTCOME: Partial<Record<GatewayStatus['status'], 'paid' | 'denied' | 'expired'>> = {
  paid: 'paid',
  denied: 'denied',
  canceled: 'denied',
  expired: 'expired',
};

/**
 * Asks the gateway about payments left pending past their method's window (a lost webhook), oldest
 * first, at most RECONCILE_PER_RUN a run. What it learns goes through the session's object exactly
 * as a webhook would (so money arriving after expiry takes the late path); a repeat changes nothing,
 * and `reconciled_at` keeps a payment from being asked again before its window passes once more.
 */
export async function reconcilePendingPayments(
  platform: Platform,
  db: DrizzleD1Database,
  now: number,
): Promise<number> {
  const window = windowSql(payments.method);
  const due: PaymentRow[] = await db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.status, 'pending'),
        lte(payments.createdAt, sql`${now} - ${window}`),
        or(isNull(payments.reconciledAt), lte(payments.reconciledAt, sql`${now} - ${window}`)),
      ),
    )
    .orderBy(asc(payments.createdAt))
    .limit(RECONCILE_PER_RUN);
  const queue = [...due];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let p = queue.shift(); p !== undefined; p = queue.shift())
        await reconcileOne(platform, db, p, now);
    }),
  );
  return due.length;
}

async function reconcileOne(
  platform: Platform,
  db: DrizzleD1Database,
  p: PaymentRow,
  now: number,
): Promise<void> {
  try {
    const { connector, ctx } = await paymentConnector(platform, db, p, now);
    const found = await connector.fetchStatus(ctx, { reference: p.gatewayReference, paymentId: p.id });
    const outcome = OUTCOME[found.status];
    if (outcome) {
      await platform.session(p.sessionId).settle({ sessionId: p.sessionId, paymentId: p.id, outcome, now });
    }
  } catch (err) {
    console.error(`reconcile ${p.id} failed: ${err instanceof Error ? err.message : 'unknown'}`);
  }
  await db.update(payments).set({ reconciledAt: now }).where(eq(payments.id, p.id));
}
