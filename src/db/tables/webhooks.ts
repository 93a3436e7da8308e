import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** The transactional outbox: written in the same batch as the state change it describes. */
export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id').notNull(),
    mode: text('mode', { enum: ['test', 'live'] }).notNull(),
    type: text('type').notNull(),
    sessionId: text('session_id'),
    paymentId: text('payment_id'),
    data: text('data', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    createdAt: integer('created_at').notNull(),
    /** Set once the event was handed to the delivery queue; the cron re-enqueues rows left null. */
    enqueuedAt: integer('enqueued_at'),
  },
  (t) => [
    index('events_merchant_created_idx').on(t.merchantId, t.mode, t.createdAt, t.id),
    index('events_session_idx').on(t.sessionId),
    index('events_unenqueued_idx').on(t.enqueuedAt, t.createdAt),
  ],
);

/** One event's delivery to one URL; retried through the queue until delivered or given up. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id').notNull(),
    merchantId: text('merchant_id').notNull(),
    /**
     * `notification` (notification_url or the mode's default URL), `payment_failure` (seed 004), or
     * `endpoint`: one of the mode's webhook endpoints (`endpoint_id`).
     */
    target: text('target', { enum: ['notification', 'payment_failure', 'endpoint'] }).notNull(),
    /** The webhook endpoint (`we_...`) of an `endpoint` delivery; null for the other targets. */
    endpointId: text('endpoint_id'),
    url: text('url').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed', 'disabled'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When the next attempt is due; a queue hop that arrives early (delays cap at 12 h) waits again. */
    nextAttemptAt: integer('next_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [
    // One delivery per event and target, and per endpoint: null (the other targets) counts as one value.
    uniqueIndex('webhook_deliveries_event_target_idx').on(
      t.eventId,
      t.target,
      sql`coalesce(${t.endpointId}, '')`,
    ),
    index('webhook_deliveries_merchant_idx').on(t.merchantId, t.createdAt),
  ],
);

/** Every HTTP attempt of a delivery: when, what came back, how long it took, what went wrong. */
export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    id: text('id').primaryKey(),
    deliveryId: text('delivery_id').notNull(),
    attemptedAt: integer('attempted_at').notNull(),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    error: text('error'),
    /** The first 500 bytes of the receiver's answer body, as text; never its headers. */
    responseExcerpt: text('response_excerpt'),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.attemptedAt)],
);

/** Endpoints that answered 410 Gone: nothing more is sent there until the merchant sets the URL again. */
export const disabledEndpoints = sqliteTable(
  'disabled_endpoints',
  {
    merchantId: text('merchant_id').notNull(),
    /** Per mode, like the URLs: a test endpoint's 410 never silences live delivery, nor the reverse. */
    mode: text('mode', { enum: ['test', 'live'] }).notNull(),
    url: text('url').notNull(),
    disabledAt: integer('disabled_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.mode, t.url] })],
);

export type EventRow = typeof events.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
