import { and, eq, sql } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { checkoutSessions, type SessionRow } from '../db/schema';
import type { SessionStatus } from '../domain/session-state';
import { newId } from '../lib/ids';

export type OutboxEvent = { id: string; type: string; data: Record<string, unknown> };

export function newEvent(type: string, data: Record<string, unknown>): OutboxEvent {
  return { id: newId('evt'), type, data };
}

/**
 * One D1 batch that moves a session from `row.version` to `row.version + 1` and writes its outbox
 * events. D1 has no interactive transactions, so every statement carries the same version guard:
 * the events are inserted only if the session is still at the version we read, and the update
 * applies under the same condition. Inside the batch (one SQLite transaction) either all apply or
 * none do; the caller reads the update's returned row to learn which.
 */
export async function commitTransition(
  db: DrizzleD1Database,
  row: SessionRow,
  patch: { status: SessionStatus },
  events: OutboxEvent[],
  now: number,
): Promise<SessionRow | null> {
  const guard = sql`EXISTS (SELECT 1 FROM checkout_sessions WHERE id = ${row.id} AND version = ${row.version})`;
  const inserts = events.map((e) =>
    db.run(sql`INSERT INTO events (id, merchant_id, mode, type, session_id, payment_id, data, created_at)
      SELECT ${e.id}, ${row.merchantId}, ${row.mode}, ${e.type}, ${row.id}, ${(e.data.payment_id as string | undefined) ?? null},
             ${JSON.stringify(e.data)}, ${now}
      WHERE ${guard}`),
  );
  const update = db
    .update(checkoutSessions)
    .set({ ...patch, version: row.version + 1, updatedAt: now })
    .where(and(eq(checkoutSessions.id, row.id), eq(checkoutSessions.version, row.version)))
    .returning();
  const results = await db.batch([...inserts, update] as unknown as [typeof update, ...(typeof update)[]]);
  const updated = results[results.length - 1] as SessionRow[];
  return updated[0] ?? null;
}
