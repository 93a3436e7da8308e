import { and, eq, sql } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { checkoutSessions, events, type SessionRow } from '../db/schema';
import type { SessionStatus } from '../domain/session-state';
import { newId } from '../lib/ids';

export type OutboxEvent = { id: string; type: string; data: Record<string, unknown> };

export function newEvent(type: string, data: Record<string, unknown>): OutboxEvent {
  return { id: newId('evt'), type, data };
}

/**
 * One D1 batch that moves a session from `row.version` to `row.version + 1` and writes its outbox
 * events. D1 has no interactive transactions, so every statement carries the same version guard:
 * each event is inserted by `INSERT ... SELECT` from the session row as it must still be (same id,
 * same version), and the update applies under the same condition. Inside the batch (one SQLite
 * transaction) either all apply or none do; the caller reads the update's returned row to learn which.
 */
export async function commitTransition(
  db: DrizzleD1Database,
  row: SessionRow,
  patch: { status: SessionStatus },
  outbox: OutboxEvent[],
  now: number,
): Promise<SessionRow | null> {
  const stillAtVersion = and(eq(checkoutSessions.id, row.id), eq(checkoutSessions.version, row.version));
  const inserts = outbox.map((e) =>
    db.insert(events).select(
      db
        .select({
          id: sql<string>`${e.id}`.as('id'),
          merchantId: checkoutSessions.merchantId,
          mode: checkoutSessions.mode,
          type: sql<string>`${e.type}`.as('type'),
          sessionId: checkoutSessions.id,
          paymentId: sql<string | null>`${(e.data.payment_id as string | undefined) ?? null}`.as(
            'payment_id',
          ),
          data: sql<string>`${JSON.stringify(e.data)}`.as('data'),
          createdAt: sql<number>`${now}`.as('created_at'),
          enqueuedAt: sql<null>`NULL`.as('enqueued_at'),
        })
        .from(checkoutSessions)
        .where(stillAtVersion),
    ),
  );
  const update = db
    .update(checkoutSessions)
    .set({ ...patch, version: row.version + 1, updatedAt: now })
    .where(stillAtVersion)
    .returning();
  // Inserts first: they must see the session still at the old version, which the update then bumps.
  const results = await db.batch([...inserts, update] as unknown as [typeof update]);
  return (results[results.length - 1] as SessionRow[])[0] ?? null;
}
