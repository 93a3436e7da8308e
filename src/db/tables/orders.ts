import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * An order of the Southpayments-style orders API: the stable object (id, checkout_url) a merchant_key
 * names. Re-sending the key with a new amount replaces the session behind it (a session's amount never
 * changes); the order keeps its id and URL. The customer is kept here exactly as sent, so nothing of
 * the dialect leaks into the session's metadata.
 */
export const checkoutOrders = sqliteTable(
  'checkout_orders',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id').notNull(),
    mode: text('mode', { enum: ['test', 'live'] }).notNull(),
    merchantKey: text('merchant_key').notNull(),
    /** The session that stands behind the order now. */
    sessionId: text('session_id').notNull(),
    customer: text('customer', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('checkout_orders_key_idx').on(t.merchantId, t.mode, t.merchantKey, t.createdAt),
    index('checkout_orders_session_idx').on(t.sessionId),
  ],
);

export type OrderRow = typeof checkoutOrders.$inferSelect;
