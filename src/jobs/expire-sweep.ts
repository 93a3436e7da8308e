import { and, asc, eq, gt, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { checkoutSessions } from '../db/schema';
import type { ExpireMessage } from '../webhooks/messages';

/** Session ids per jobs message for the SessionDO path: a consumer makes this many object calls. */
export const EXPIRE_IDS_PER_MESSAGE = 100;
/** Session ids per jobs message for the set-based path (~36 KB of ids; a message may hold 128 KB). */
export const EXPIRE_IN_D1_PER_MESSAGE = 1000;
/** Bytes of message bodies per sendBatch, kept under the 256 KB batch limit. */
const SEND_BYTES = 200_000;
/** Rows read per D1 query while paging through a large backlog. */
const PAGE = 5000;

/** 1 when the session has a payment pending: an attempt in flight or an issued PIX/boleto. */
const busy = sql<number>`EXISTS (SELECT 1 FROM payments p WHERE p.session_id = ${checkoutSessions.id} AND p.status = 'pending')`;

/**
 * Finds every session that is due and fans the ids out to the jobs queue: open or pending sessions
 * past expires_at, except pending ones held by an issued boleto, which are due at pending_until
 * instead. Sessions with no payment pending (nearly all) go in messages of 1,000 that the consumer
 * expires set-based in D1 (expire-set.ts); the others, 100 a message, through each SessionDO, which
 * closes their payment with them and waits for an attempt in flight. Either consumer re-checks the
 * rule when it writes, so overlapping runs only enqueue ids twice and nothing changes twice.
 */
export async function sweepExpiredSessions(db: DrizzleD1Database, jobs: Queue, now: number): Promise<number> {
  const unheld = await sweep(checkoutSessions.expiresAt, (due) =>
    and(inArray(checkoutSessions.status, ['open', 'pending']), isNull(checkoutSessions.pendingUntil), due),
  );
  const held = await sweep(checkoutSessions.pendingUntil, (due) =>
    and(eq(checkoutSessions.status, 'pending'), due),
  );
  return unheld + held;

  async function sweep(
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
      const rows: Array<{ id: string; at: number | null; busy: number }> = await db
        .select({ id: checkoutSessions.id, at: dueColumn, busy })
        .from(checkoutSessions)
        .where(and(where(lte(dueColumn, now) as SQL), page))
        .orderBy(asc(dueColumn), asc(checkoutSessions.id))
        .limit(PAGE);
      if (rows.length === 0) break;
      await enqueue(jobs, [
        ...messages(
          rows.filter((r) => !r.busy).map((r) => r.id),
          EXPIRE_IN_D1_PER_MESSAGE,
          true,
        ),
        ...messages(
          rows.filter((r) => r.busy).map((r) => r.id),
          EXPIRE_IDS_PER_MESSAGE,
          false,
        ),
      ]);
      total += rows.length;
      const last = rows[rows.length - 1];
      if (!last || rows.length < PAGE) break;
      after = { at: last.at ?? 0, id: last.id };
    }
    return total;
  }
}

function messages(ids: string[], per: number, inD1: boolean): ExpireMessage[] {
  const out: ExpireMessage[] = [];
  for (let i = 0; i < ids.length; i += per) {
    out.push(
      inD1
        ? { kind: 'expire', sessionIds: ids.slice(i, i + per), inD1 }
        : { kind: 'expire', sessionIds: ids.slice(i, i + per) },
    );
  }
  return out;
}

/** sendBatch in groups under the batch byte limit (and under 100 messages). */
async function enqueue(jobs: Queue, bodies: ExpireMessage[]): Promise<void> {
  let group: Array<{ body: ExpireMessage }> = [];
  let bytes = 0;
  for (const body of bodies) {
    const size = JSON.stringify(body).length + 100;
    if (group.length > 0 && (bytes + size > SEND_BYTES || group.length === 100)) {
      await jobs.sendBatch(group);
      group = [];
      bytes = 0;
    }
    group.push({ body });
    bytes += size;
  }
  if (group.length > 0) await jobs.sendBatch(group);
}
