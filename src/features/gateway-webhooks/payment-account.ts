import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { paymentAttempts } from '../../db/schema';

/**
 * The gateway account that took a payment: the latest attempt at that gateway whose answer left the
 * money with it (paid, pending, or ambiguous then found pending). Accounts skipped or failed before
 * it never held the payment. Null for the built-in test sandbox, which has no account row.
 */
export async function creatingAccountId(
  db: DrizzleD1Database,
  paymentId: string,
  gateway: string,
): Promise<string | null> {
  const [row] = await db
    .select({ accountId: paymentAttempts.accountId })
    .from(paymentAttempts)
    .where(
      and(
        eq(paymentAttempts.paymentId, paymentId),
        eq(paymentAttempts.gateway, gateway),
        isNotNull(paymentAttempts.accountId),
        inArray(paymentAttempts.outcome, ['paid', 'pending', 'ambiguous']),
      ),
    )
    .orderBy(desc(paymentAttempts.startedAt), desc(paymentAttempts.id))
    .limit(1);
  return row?.accountId ?? null;
}
