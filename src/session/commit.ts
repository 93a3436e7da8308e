import { and, eq, exists, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import {
  checkoutSessions,
  events,
  gatewayAccounts,
  type PaymentAttemptRow,
  type PaymentRow,
  paymentAttempts,
  payments,
  type RefundRow,
  refunds,
  type SessionRow,
} from '../db/schema';
import type { SessionStatus } from '../domain/session-state';
import { newId } from '../lib/ids';

export type OutboxEvent = { id: string; type: string; data: Record<string, unknown> };

export function newEvent(type: string, data: Record<string, unknown>): OutboxEvent {
  return { id: newId('evt'), type, data };
}

/** Everything one state change of a session writes. */
export type SessionChange = {
  session?: { status?: SessionStatus; pendingUntil?: number | null };
  insertPayment?: PaymentRow;
  updatePayments?: Array<{ id: string; set: Partial<PaymentRow> }>;
  /** Every gateway call of the attempt, and the circuit-breaker state it leaves behind. */
  insertAttempts?: PaymentAttemptRow[];
  accountHealth?: Array<{ id: string; consecutiveFailures: number; openUntil: number | null }>;
  events?: OutboxEvent[];
  insertRefund?: RefundRow;
  updateRefunds?: Array<{ id: string; set: Partial<RefundRow> }>;
};

/**
 * Commits one change of a session in a single D1 batch, moving it from `row.version` to
 * `row.version + 1`. D1 has no interactive transactions, so every statement carries the same
 * guard, "the session is still at the version we read": inserts are `INSERT ... SELECT` from that
 * session row, updates have `WHERE EXISTS` on it, and the session update itself comes last. The
 * batch is one SQLite transaction, so either everything applies or nothing does; the returned row
 * (null when the version had moved) tells which.
 */
export async function commitSessionChange(
  db: DrizzleD1Database,
  row: SessionRow,
  change: SessionChange,
  now: number,
): Promise<SessionRow | null> {
  const guard = and(eq(checkoutSessions.id, row.id), eq(checkoutSessions.version, row.version)) as SQL;
  const statements: BatchItem<'sqlite'>[] = [];
  if (change.insertPayment) statements.push(guardedInsert(db, payments, change.insertPayment, guard));
  for (const a of change.insertAttempts ?? []) statements.push(guardedInsert(db, paymentAttempts, a, guard));
  for (const h of change.accountHealth ?? []) {
    // Health is shared state, not the session's: it is written with the attempt but not version-guarded.
    statements.push(
      db
        .update(gatewayAccounts)
        .set({ consecutiveFailures: h.consecutiveFailures, openUntil: h.openUntil })
        .where(eq(gatewayAccounts.id, h.id)),
    );
  }
  if (change.insertRefund) statements.push(guardedInsert(db, refunds, change.insertRefund, guard));
  for (const e of change.events ?? []) {
    statements.push(
      guardedInsert(
        db,
        events,
        {
          id: e.id,
          merchantId: row.merchantId,
          mode: row.mode,
          type: e.type,
          sessionId: row.id,
          paymentId: (e.data.payment_id as string | undefined) ?? null,
          data: e.data,
          createdAt: now,
          enqueuedAt: null,
        },
        guard,
      ),
    );
  }
  for (const u of change.updatePayments ?? []) {
    statements.push(
      db
        .update(payments)
        .set({ ...u.set, updatedAt: now })
        .where(
          and(eq(payments.id, u.id), exists(db.select({ one: sql`1` }).from(checkoutSessions).where(guard))),
        ),
    );
  }
  for (const u of change.updateRefunds ?? []) {
    statements.push(
      db
        .update(refunds)
        .set({ ...u.set, updatedAt: now })
        .where(
          and(eq(refunds.id, u.id), exists(db.select({ one: sql`1` }).from(checkoutSessions).where(guard))),
        ),
    );
  }
  const update = db
    .update(checkoutSessions)
    .set({ ...change.session, version: row.version + 1, updatedAt: now })
    .where(guard)
    .returning();
  const results = await db.batch([...statements, update] as unknown as [typeof update]);
  return (results[results.length - 1] as SessionRow[])[0] ?? null;
}

/** INSERT INTO table SELECT <values> FROM checkout_sessions WHERE guard: inserts only if the guard holds. */
function guardedInsert<T extends typeof payments | typeof events | typeof paymentAttempts | typeof refunds>(
  db: DrizzleD1Database,
  table: T,
  values: T['$inferInsert'],
  guard: SQL,
) {
  const columns = getTableColumns(table);
  const fields = Object.fromEntries(
    Object.entries(columns).map(([key, column]) => {
      const value = (values as Record<string, unknown>)[key] ?? null;
      return [key, sql`${value === null ? null : sql.param(value, column)}`.as(column.name)];
    }),
  );
  return db.insert(table).select(db.select(fields).from(checkoutSessions).where(guard) as never);
}
