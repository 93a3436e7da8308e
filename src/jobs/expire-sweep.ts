import { and, asc, eq, gt, inArray, lte, or } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { checkoutSessions } from '../db/schema';
import type { ExpireMessage } from '../webhooks/messages';

/** Session ids per jobs message: a consumer makes this many Durable Object calls per message. */
export const EXPIRE_IDS_PER_MESSAGE = 100;
/** Messages per sendBatch, kept well under the 256 KB batch limit (50 x 100 ids ~ 170 KB). */
const MESSAGES_PER_SEND = 50;
/** Rows read per D1 query while paging through a large backlog. */
const PAGE = 5000;

/**
 * Finds every session past expires_at that is still open or pending and fans the ids out to the
 * jobs queue, 100 per message. One run makes a handful of D1 reads and queue sends even for 50,000
 * due sessions, so it stays far inside a Worker's subrequest limits; the consumers then ask each
 * SessionDO to expire. Overlapping runs only enqueue ids twice: the object expires a session once.
 */
export async function sweepExpiredSessions(db: DrizzleD1Database, jobs: Queue, now: number): Promise<number> {
  let after: { expiresAt: number; id: string } | null = null;
  let total = 0;
  for (;;) {
    const cursor = after;
    const rows: Array<{ id: string; expiresAt: number }> = await db
      .select({ id: checkoutSessions.id, expiresAt: checkoutSessions.expiresAt })
      .from(checkoutSessions)
      .where(
        and(
          inArray(checkoutSessions.status, ['open', 'pending']),
          lte(checkoutSessions.expiresAt, now),
          cursor
            ? or(
                gt(checkoutSessions.expiresAt, cursor.expiresAt),
                and(eq(checkoutSessions.expiresAt, cursor.expiresAt), gt(checkoutSessions.id, cursor.id)),
              )
            : undefined,
        ),
      )
      .orderBy(asc(checkoutSessions.expiresAt), asc(checkoutSessions.id))
      .limit(PAGE);
    if (rows.length === 0) break;
    const messages: Array<{ body: ExpireMessage }> = [];
    for (let i = 0; i < rows.length; i += EXPIRE_IDS_PER_MESSAGE) {
      messages.push({
        body: { kind: 'expire', sessionIds: rows.slice(i, i + EXPIRE_IDS_PER_MESSAGE).map((r) => r.id) },
      });
    }
    for (let i = 0; i < messages.length; i += MESSAGES_PER_SEND) {
      await jobs.sendBatch(messages.slice(i, i + MESSAGES_PER_SEND));
    }
    total += rows.length;
    const last = rows[rows.length - 1];
    if (!last || rows.length < PAGE) break;
    after = last;
  }
  return total;
}
