import { eq } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { checkoutSessions, merchants, refunds } from '../../db/schema';

/** The refund a bank-account link names, its session and its merchant's name (undefined: no such refund). */
export async function refundForBankLink(db: DrizzleD1Database, id: string) {
  const [found] = await db
    .select({ refund: refunds, session: checkoutSessions, merchant: merchants.name })
    .from(refunds)
    .innerJoin(checkoutSessions, eq(checkoutSessions.id, refunds.sessionId))
    .innerJoin(merchants, eq(merchants.id, refunds.merchantId))
    .where(eq(refunds.id, id))
    .limit(1);
  return found;
}
