import type { DeliveryRow, webhookAttempts } from '../db/schema';

const INSERT_ATTEMPTS = `INSERT INTO webhook_attempts
  (id, delivery_id, attempted_at, status_code, latency_ms, error, response_excerpt)
SELECT json_extract(value, '$.id'), json_extract(value, '$.deliveryId'), json_extract(value, '$.attemptedAt'),
  json_extract(value, '$.statusCode'), json_extract(value, '$.latencyMs'), json_extract(value, '$.error'),
  json_extract(value, '$.responseExcerpt')
FROM json_each(?1)`;

const UPDATE_DELIVERIES = `UPDATE webhook_deliveries AS d
SET status = j.status, attempts = j.attempts, last_status_code = j.code, next_attempt_at = j.next,
  delivered_at = j.delivered, updated_at = j.at
FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.status') AS status,
    json_extract(value, '$.attempts') AS attempts, json_extract(value, '$.code') AS code,
    json_extract(value, '$.next') AS next, json_extract(value, '$.delivered') AS delivered,
    json_extract(value, '$.at') AS at
  FROM json_each(?1)) AS j
WHERE d.id = j.id`;

/** Endpoints that answered 410 Gone; nothing more is sent there until the merchant sets the URL again. */
const DISABLE_ENDPOINTS = `INSERT OR IGNORE INTO disabled_endpoints (merchant_id, mode, url, disabled_at)
SELECT json_extract(value, '$.merchantId'), json_extract(value, '$.mode'), json_extract(value, '$.url'),
  json_extract(value, '$.at')
FROM json_each(?1)`;

/** Webhook endpoints that answered 410 Gone: disabled until the merchant enables them again. */
const DISABLE_WEBHOOK_ENDPOINTS = `UPDATE webhook_endpoints AS e SET status = 'disabled', updated_at = j.at
FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.at') AS at FROM json_each(?1)) AS j
WHERE e.id = j.id`;

export type AttemptRow = typeof webhookAttempts.$inferInsert;

/** What one delivery of a batch leaves to write: its new state, the attempt made, an endpoint to disable. */
export type DeliveryWrite = {
  delivery: DeliveryRow;
  attempt?: AttemptRow;
  disable?: { merchantId: string; mode: 'test' | 'live'; url: string; at: number };
  disableEndpoint?: { id: string; at: number };
};

/**
 * Writes the outcome of a whole message batch in one D1 round trip: every attempt with its response
 * excerpt (one INSERT of a JSON array), every delivery's new state (one UPDATE ... FROM the same kind
 * of array) and, rarely, the URLs and endpoints that answered 410. Two statements whatever the batch size, each binding a single
 * parameter, so D1's 100-parameter bound never applies.
 */
export async function recordDeliveries(d1: D1Database, writes: DeliveryWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const attempts = writes.flatMap((w) => (w.attempt ? [w.attempt] : []));
  const states = writes.map(({ delivery: d }) => ({
    id: d.id,
    status: d.status,
    attempts: d.attempts,
    code: d.lastStatusCode,
    next: d.nextAttemptAt,
    delivered: d.deliveredAt,
    at: d.updatedAt,
  }));
  const disabled = writes.flatMap((w) => (w.disable ? [w.disable] : []));
  const statements: D1PreparedStatement[] = [];
  if (attempts.length > 0) statements.push(d1.prepare(INSERT_ATTEMPTS).bind(JSON.stringify(attempts)));
  statements.push(d1.prepare(UPDATE_DELIVERIES).bind(JSON.stringify(states)));
  if (disabled.length > 0) statements.push(d1.prepare(DISABLE_ENDPOINTS).bind(JSON.stringify(disabled)));
  const gone = writes.flatMap((w) => (w.disableEndpoint ? [w.disableEndpoint] : []));
  if (gone.length > 0) statements.push(d1.prepare(DISABLE_WEBHOOK_ENDPOINTS).bind(JSON.stringify(gone)));
  await d1.batch(statements);
}
