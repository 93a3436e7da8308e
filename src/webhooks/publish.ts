import { inArray } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { events } from '../db/schema';
import { DELIVER_SEND_BATCH, type DeliverMessage } from './messages';

/**
 * Hands committed outbox events to the webhook queue and marks them enqueued. Runs after the D1
 * batch that wrote them has committed; if the send fails the rows stay unmarked and the cron
 * re-enqueues them, so nothing is lost (delivery is at least once, keyed by the stable event id).
 */
export async function publishEvents(
  queue: Queue,
  db: DrizzleD1Database,
  eventIds: string[],
  now: number,
): Promise<void> {
  for (let i = 0; i < eventIds.length; i += DELIVER_SEND_BATCH) {
    const chunk = eventIds.slice(i, i + DELIVER_SEND_BATCH);
    await queue.sendBatch(
      chunk.map((eventId) => ({ body: { kind: 'deliver', eventId } satisfies DeliverMessage })),
    );
    await db.update(events).set({ enqueuedAt: now }).where(inArray(events.id, chunk));
  }
}
