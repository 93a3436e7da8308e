import { and, asc, isNull, lt } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { events, loginThrottle, panelSessions } from '../db/schema';
import { THROTTLE_WINDOW_MS } from '../features/panel/login-throttle';
import { publishEvents } from '../webhooks/publish';

/**
 * An event younger than this may still be on its way from the object that wrote it, or waiting in
 * the queue for the consumer that marks it (src/webhooks/context.ts).
 */
export const OUTBOX_GRACE_MS = 60_000;
const OUTBOX_BATCH = 1000;

/** Re-enqueues outbox rows whose queue send never happened (the object died, the send failed). */
export async function reenqueueOutbox(db: DrizzleD1Database, queue: Queue, now: number): Promise<number> {
  const stuck = await db
    .select({ id: events.id })
    .from(events)
    .where(and(isNull(events.enqueuedAt), lt(events.createdAt, now - OUTBOX_GRACE_MS)))
    .orderBy(asc(events.createdAt))
    .limit(OUTBOX_BATCH);
  if (stuck.length > 0)
    await publishEvents(
      queue,
      db,
      stuck.map((e) => e.id),
      now,
    );
  return stuck.length;
}

/** Sign-in counters whose window has closed, and panel sessions a day past their end, are dropped. */
export async function purgePanelState(db: DrizzleD1Database, now: number): Promise<void> {
  await db.batch([
    db.delete(loginThrottle).where(lt(loginThrottle.windowStart, now - THROTTLE_WINDOW_MS)),
    db.delete(panelSessions).where(lt(panelSessions.expiresAt, now - PANEL_SESSION_GRACE_MS)),
  ]);
}
const PANEL_SESSION_GRACE_MS = 24 * 60 * 60 * 1000;
