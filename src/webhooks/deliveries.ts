import type { DeliveryRow } from '../db/schema';
import { newId } from '../lib/ids';
import { type DeliveryContext, isTargetOf } from './context';

/** New delivery rows from one JSON parameter; the unique (event, target, endpoint) index makes a race a no-op. */
const INSERT_DELIVERIES = `INSERT OR IGNORE INTO webhook_deliveries
  (id, event_id, merchant_id, target, endpoint_id, url, status, attempts, created_at, updated_at)
SELECT json_extract(value, '$.id'), json_extract(value, '$.event_id'), json_extract(value, '$.merchant_id'),
  json_extract(value, '$.target'), json_extract(value, '$.endpoint_id'), json_extract(value, '$.url'), 'pending', 0,
  json_extract(value, '$.at'), json_extract(value, '$.at')
FROM json_each(?1)`;

/** A delivery starting over (new, or reset by a redelivery) goes to the URL configured now. */
const MOVE_DELIVERIES = `UPDATE webhook_deliveries AS d SET url = j.url, updated_at = ?2
FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.url') AS url FROM json_each(?1)) AS j
WHERE d.id = j.id`;

const SELECT_DELIVERIES = `SELECT id, event_id, merchant_id, target, endpoint_id, url, status, attempts, next_attempt_at,
  last_status_code, created_at, updated_at, delivered_at
FROM webhook_deliveries WHERE event_id IN (SELECT value FROM json_each(?1))`;

type DeliverySqlRow = {
  id: string;
  event_id: string;
  merchant_id: string;
  target: DeliveryRow['target'];
  endpoint_id: string | null;
  url: string;
  status: DeliveryRow['status'];
  attempts: number;
  next_attempt_at: number | null;
  last_status_code: number | null;
  created_at: number;
  updated_at: number;
  delivered_at: number | null;
};

const toRow = (r: DeliverySqlRow): DeliveryRow => ({
  id: r.id,
  eventId: r.event_id,
  merchantId: r.merchant_id,
  target: r.target,
  endpointId: r.endpoint_id,
  url: r.url,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastStatusCode: r.last_status_code,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  deliveredAt: r.delivered_at,
});

/**
 * Makes sure every event of the batch has its delivery rows, in at most one D1 round trip: URLs of
 * deliveries starting over are brought up to date, missing rows inserted (another consumer may race;
 * the unique index keeps one) and the rows read back, in one batch. Fills `ctx.deliveries` in place.
 */
export async function ensureDeliveries(
  d1: D1Database,
  contexts: DeliveryContext[],
  now: number,
): Promise<void> {
  const moved: Array<{ id: string; url: string }> = [];
  const created: Array<Record<string, unknown>> = [];
  for (const ctx of contexts) {
    for (const d of ctx.deliveries) {
      const url = ctx.targets.find((t) => isTargetOf(d, t))?.url;
      if (d.status !== 'pending' || d.attempts !== 0 || url === undefined || url === d.url) continue;
      d.url = url;
      moved.push({ id: d.id, url });
    }
    for (const t of ctx.targets) {
      if (ctx.deliveries.some((d) => isTargetOf(d, t))) continue;
      const row = { id: newId('whd'), event_id: ctx.event.id, merchant_id: ctx.event.merchantId };
      created.push({ ...row, target: t.target, endpoint_id: t.endpointId, url: t.url, at: now });
    }
  }
  const statements: D1PreparedStatement[] = [];
  if (moved.length > 0) statements.push(d1.prepare(MOVE_DELIVERIES).bind(JSON.stringify(moved), now));
  if (created.length === 0) {
    if (statements.length > 0) await d1.batch(statements);
    return;
  }
  const eventIds = JSON.stringify(contexts.map((c) => c.event.id));
  statements.push(d1.prepare(INSERT_DELIVERIES).bind(JSON.stringify(created)));
  statements.push(d1.prepare(SELECT_DELIVERIES).bind(eventIds));
  const results = await d1.batch<DeliverySqlRow>(statements);
  const rows = (results[results.length - 1]?.results ?? []).map(toRow);
  for (const ctx of contexts) ctx.deliveries = rows.filter((d) => d.eventId === ctx.event.id);
}
