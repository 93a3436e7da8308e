import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A merchant's webhook endpoints, per mode (as Stripe's): every event of the mode goes to every
 * enabled endpoint subscribed to its type, each delivery recorded and retried on its own. They add
 * to the mode's default `notification_url` (and a session's own), which keep their behaviour.
 */
export const webhookEndpoints = sqliteTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id').notNull(),
    mode: text('mode', { enum: ['test', 'live'] }).notNull(),
    url: text('url').notNull(),
    /** The event types it receives; null: every type. */
    enabledEvents: text('enabled_events', { mode: 'json' }).$type<string[] | null>(),
    /** `disabled` by the merchant, or by Borda when the endpoint answered 410 Gone. */
    status: text('status', { enum: ['enabled', 'disabled'] })
      .notNull()
      .default('enabled'),
    description: text('description'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('webhook_endpoints_merchant_idx').on(t.merchantId, t.mode, t.createdAt)],
);

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
