import { and, asc, eq, gt, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
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
 * Finds every session that is due and fans the ids out to the jobs queue, 100 per message: open or
 * pending sessions past expires_at, except pending ones held by an issued boleto, which are due at
 * pending_until instead. One run makes a handful of D1 reads and queue sends even for 50,000 due
 * sessions, so it stays far inside a Worker's subrequest limits; the consumers then ask each
 * SessionDO to expire (it checks the same rule). Overlapping runs only enqueue ids twice: the object
 * expires a session once.
 */
export async function sweepExpiredSessions(db: DrizzleD1Database, jobs: Queue, now: number): Promise<number> {
  const unheld = await sweep(db, jobs, checkoutSessions.expiresAt, (due) =>
    and(inArray(checkoutSessions.status, ['open', 'pending']), isNull(checkoutSessions.pendingUntil), due),
  );
  const held = await sweep(db, jobs, checkoutSessions.pendingUntil, (due) =>
    and(eq(checkoutSessions.status, 'pending'), due),
  );
  return unheld + held;

  async function sweep(
    database: DrizzleD1Database,
    queue: Queue,
    dueColumn: typeof checkoutSessions.expiresAt | typeof checkoutSessions.pendingUntil,
    where: (due: SQL) => SQL | undefined,
  ): Promise<number> {
    let after: { at: number; id: string } | null = null;
    let total = 0;
    for (;;) {
      const cursor = after;
      const page = cursor
        ? or(gt(dueColumn, cursor.at), and(eq(dueColumn, cursor.at), gt(checkoutSessions.id, cursor.id)))
        : undefined;
      const rows: Array<{ id: string; at: number | null }> = await database
        .select({ id: checkoutSessions.id, at: dueColumn })
        .from(checkoutSessions)
        .where(and(where(lte(dueColumn, now) as SQL), page))
        .orderBy(asc(dueColumn), asc(checkoutSessions.id))
        .limit(PAGE);
      if (rows.length === 0) break;
      await enqueue(
        queue,
        rows.map((r) => r.id),
      );
      total += rows.length;
      const last = rows[rows.length - 1];
      if (!last || rows.length < PAGE) break;
      after = { at: last.at ?? 0, id: last.id };
    }
    return total;
  }
}

async function enqueue(jobs: Queue, ids: string[]): Promise<void> {
  const messages: Array<{ body: ExpireMessage }> = [];
  for (let i = 0; i < ids.length; i += EXPIRE_IDS_PER_MESSAGE) {
    messages.push({ body: { kind: 'expire', sessionIds: ids.slice(i, i + EXPIRE_IDS_PER_MESSAGE) } });
  }
  for (let i = 0; i < messages.length; i += MESSAGES_PER_SEND) {
    await jobs.sendBatch(messages.slice(i, i + MESSAGES_PER_SEND));
  }
}
