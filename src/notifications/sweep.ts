import { and, inArray, isNull, lt, or } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { customerNotifications } from '../db/schema';
import type { NotifyMessage } from './messages';

/** A due message nobody picked up for this long lost its queue message (a failed send, a dropped retry). */
export const STALE_NOTIFICATION_MS = 10 * 60 * 1000;
const SWEEP_LIMIT = 100; // one sendBatch

/**
 * Cron: hands due messages whose queue message was lost back to the notifications queue. The consumer's
 * lease makes a message that is in fact still queued harmless: it is sent once.
 */
export async function reenqueueNotifications(
  db: DrizzleD1Database,
  queue: Queue,
  now: number,
): Promise<number> {
  const stale = await db
    .select({ id: customerNotifications.id })
    .from(customerNotifications)
    .where(
      and(
        inArray(customerNotifications.status, ['pending', 'sending']),
        lt(customerNotifications.nextAttemptAt, now - STALE_NOTIFICATION_MS),
        or(isNull(customerNotifications.leaseUntil), lt(customerNotifications.leaseUntil, now)),
      ),
    )
    .limit(SWEEP_LIMIT);
  if (stale.length === 0) return 0;
  await queue.sendBatch(stale.map((r) => ({ body: { kind: 'notify', id: r.id } satisfies NotifyMessage })));
  return stale.length;
}
