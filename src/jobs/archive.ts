/**
 * Archiving of old outbox events: their rows, with every delivery and delivery attempt, leave D1
 * for R2 once they are older than the retention and nothing about them is pending, so a busy
 * merchant's database stays well under D1's 10 GB limit (see docs: capacity model). Sessions,
 * payments and payment attempts, the record of money, stay in D1.
 *
 * Each page is written to R2 first (one NDJSON object per merchant and page, under
 * `events/<merchant>/<day>/<first event id>.ndjson`) and deleted from D1 after; a run that dies in
 * between writes the same object again next time. The delete re-checks, inside its own batch,
 * that no delivery went back to pending meanwhile (a redelivery), so nothing is deleted unarchived.
 */

/** Events per page: one R2 write per merchant in it, one D1 batch of three deletes. */
const PAGE = 500;
/** Pages per cron run: 10,000 events a minute, far above what a database accumulates. */
const PAGES_PER_RUN = 20;
const DAY_MS = 86_400_000;
export const DEFAULT_RETENTION_DAYS = 90;

type EventSqlRow = {
  id: string;
  merchant_id: string;
  mode: string;
  type: string;
  session_id: string | null;
  payment_id: string | null;
  data: string;
  created_at: number;
  enqueued_at: number | null;
};
type DeliverySqlRow = Record<string, unknown> & { id: string; event_id: string };
type AttemptSqlRow = Record<string, unknown> & { delivery_id: string };

/** No delivery of the event is still pending. */
const SETTLED = `NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id AND d.status = 'pending')`;
/**
 * Handed to the queue before the cut-off (?1), so written before it too, and settled. By
 * enqueued_at, which the outbox index leads with: a range scan, not a scan of every event.
 */
const SELECT_PAGE = `SELECT e.* FROM events e
WHERE e.enqueued_at < ?1 AND ${SETTLED}
ORDER BY e.enqueued_at, e.id LIMIT ?2`;
const IDS = `SELECT value FROM json_each(?1)`;
/** The page's ids still archivable now: the deletes apply to these only. */
const STILL = `SELECT e.id FROM events e WHERE e.id IN (${IDS}) AND ${SETTLED}`;

export function retentionMs(setting: string | undefined): number {
  const days = Number(setting);
  return (Number.isInteger(days) && days > 0 ? days : DEFAULT_RETENTION_DAYS) * DAY_MS;
}

/** Moves events older than the retention to R2, a bounded number of pages per run; answers how many. */
export async function archiveOldEvents(
  db: D1Database,
  bucket: R2Bucket | undefined,
  now: number,
  retention: string | undefined,
): Promise<number> {
  if (!bucket) return 0;
  const cutOff = now - retentionMs(retention);
  let archived = 0;
  for (let page = 0; page < PAGES_PER_RUN; page++) {
    const { results: events } = await db.prepare(SELECT_PAGE).bind(cutOff, PAGE).all<EventSqlRow>();
    if (events.length === 0) break;
    const ids = JSON.stringify(events.map((e) => e.id));
    const [deliveries, attempts] = await db.batch<Record<string, unknown>>([
      db.prepare(`SELECT * FROM webhook_deliveries WHERE event_id IN (${IDS})`).bind(ids),
      db
        .prepare(
          `SELECT a.* FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
           WHERE d.event_id IN (${IDS}) ORDER BY a.attempted_at`,
        )
        .bind(ids),
    ]);
    await writeArchive(
      bucket,
      events,
      (deliveries?.results ?? []) as DeliverySqlRow[],
      (attempts?.results ?? []) as AttemptSqlRow[],
    );
    await db.batch([
      db
        .prepare(
          `DELETE FROM webhook_attempts WHERE delivery_id IN
           (SELECT id FROM webhook_deliveries WHERE event_id IN (${STILL}))`,
        )
        .bind(ids),
      db.prepare(`DELETE FROM webhook_deliveries WHERE event_id IN (${STILL})`).bind(ids),
      db.prepare(`DELETE FROM events WHERE id IN (${STILL})`).bind(ids),
    ]);
    archived += events.length;
    if (events.length < PAGE) break;
  }
  return archived;
}

/** One NDJSON object per merchant of the page: each line an event with its deliveries and their attempts. */
async function writeArchive(
  bucket: R2Bucket,
  events: EventSqlRow[],
  deliveries: DeliverySqlRow[],
  attempts: AttemptSqlRow[],
): Promise<void> {
  const byMerchant = new Map<string, EventSqlRow[]>();
  for (const e of events) byMerchant.set(e.merchant_id, [...(byMerchant.get(e.merchant_id) ?? []), e]);
  for (const [merchantId, own] of byMerchant) {
    const lines = own.map((e) =>
      JSON.stringify({
        ...e,
        data: JSON.parse(e.data),
        deliveries: deliveries
          .filter((d) => d.event_id === e.id)
          .map((d) => ({ ...d, attempts: attempts.filter((a) => a.delivery_id === d.id) })),
      }),
    );
    const first = own[0] as EventSqlRow;
    const day = new Date(first.created_at).toISOString().slice(0, 10);
    await bucket.put(`events/${merchantId}/${day}/${first.id}.ndjson`, `${lines.join('\n')}\n`, {
      httpMetadata: { contentType: 'application/x-ndjson' },
    });
  }
}
