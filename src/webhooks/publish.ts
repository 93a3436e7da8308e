import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { d1Of } from '../db/guarded-sql';
import { DELIVER_SEND_BATCH, type DeliverMessage } from './messages';

/** Events marked enqueued per UPDATE: their ids travel as one JSON parameter (D1 binds at most 100). */
const MARK_BATCH = 1000;
/** Written once, not built by drizzle on every publish (a payment publishes after each commit). */
const MARK_ENQUEUED = 'UPDATE events SET enqueued_at = ?1 WHERE id IN (SELECT value FROM json_each(?2))';

/**
 * Hands a SessionDO's just-committed outbox events to the webhook queue, and nothing else: the
 * consumer marks them enqueued when it reads them (src/webhooks/context.ts), which spares every
 * payment a D1 write. If the send fails, or the object dies first, the rows stay unmarked and the
 * cron sends them again (delivery is at least once, keyed by the stable event id).
 */
export async function enqueueEvents(queue: Queue, eventIds: string[]): Promise<void> {
  const sends: Promise<unknown>[] = [];
  for (let k = 0; k < eventIds.length; k += DELIVER_SEND_BATCH) {
    const chunk = eventIds.slice(k, k + DELIVER_SEND_BATCH);
    sends.push(
      queue.sendBatch(
        chunk.map((eventId) => ({ body: { kind: 'deliver', eventId } satisfies DeliverMessage })),
      ),
    );
  }
  await Promise.all(sends);
}

/**
 * Hands committed outbox events to the webhook queue and marks them enqueued (the cron's sends: an
 * expiry sweep's thousands, the outbox repair), so the cron does not send them again while a long
 * queue is still working through them. Runs after the D1
 * batch that wrote them has committed; if the send fails the rows stay unmarked and the cron
 * re-enqueues them, so nothing is lost (delivery is at least once, keyed by the stable event id).
 */
export async function publishEvents(
  queue: Queue,
  db: DrizzleD1Database,
  eventIds: string[],
  now: number,
): Promise<void> {
  for (let i = 0; i < eventIds.length; i += MARK_BATCH) {
    const group = eventIds.slice(i, i + MARK_BATCH);
    await enqueueEvents(queue, group);
    await d1Of(db).prepare(MARK_ENQUEUED).bind(now, JSON.stringify(group)).run();
  }
}
