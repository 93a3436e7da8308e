import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { d1Of, guardedInsert, updateById } from '../../db/guarded-sql';
import {
  checkoutSessions,
  type EventRow,
  events,
  gatewayAccounts,
  type PaymentAttemptRow,
  type PaymentRow,
  paymentAttempts,
  payments,
  type RefundRow,
  refunds,
  type SessionRow,
} from '../../db/schema';
import type { SessionStatus } from '../../domain/session-state';
import { newId } from '../../lib/ids';

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
 *
 * The row returned is `row` with the change applied, not read back: every writer of a session bumps
 * its version (this function, the set-based expiry), so a session still at `row.version` is `row`.
 * The statements' SQL text is written once (src/db/guarded-sql.ts), not built per commit.
 */
export async function commitSessionChange(
  db: DrizzleD1Database,
  row: SessionRow,
  change: SessionChange,
  now: number,
): Promise<SessionRow | null> {
  const d1 = d1Of(db);
  const id = row.id;
  const version = row.version;
  const statements: D1PreparedStatement[] = [];
  if (change.insertPayment) statements.push(guardedInsert(d1, payments, change.insertPayment, id, version));
  for (const a of change.insertAttempts ?? [])
    statements.push(guardedInsert(d1, paymentAttempts, a, id, version));
  for (const h of change.accountHealth ?? []) {
    // Health is shared state, not the session's: it is written with the attempt but not version-guarded.
    const set = { consecutiveFailures: h.consecutiveFailures, openUntil: h.openUntil };
    statements.push(updateById(d1, gatewayAccounts, set, 'plain', [h.id]));
  }
  if (change.insertRefund) statements.push(guardedInsert(d1, refunds, change.insertRefund, id, version));
  for (const e of change.events ?? []) {
    const event: EventRow = {
      id: e.id,
      merchantId: row.merchantId,
      mode: row.mode,
      type: e.type,
      sessionId: id,
      paymentId: (e.data.payment_id as string | undefined) ?? null,
      data: e.data,
      createdAt: now,
      enqueuedAt: null,
    };
    statements.push(guardedInsert(d1, events, event, id, version));
  }
  for (const u of change.updatePayments ?? []) {
    const set = { ...u.set, updatedAt: now };
    statements.push(updateById(d1, payments, set, 'guarded', [u.id, id, version]));
  }
  for (const u of change.updateRefunds ?? []) {
    const set = { ...u.set, updatedAt: now };
    statements.push(updateById(d1, refunds, set, 'guarded', [u.id, id, version]));
  }
  const next: SessionRow = { ...row, version: version + 1, updatedAt: now };
  if (change.session?.status !== undefined) next.status = change.session.status;
  if (change.session?.pendingUntil !== undefined) next.pendingUntil = change.session.pendingUntil;
  const set = { ...change.session, version: next.version, updatedAt: now };
  statements.push(updateById(d1, checkoutSessions, set, 'versioned', [id, version]));
  const results = await d1.batch(statements);
  return results[results.length - 1]?.meta.changes === 1 ? next : null;
}
