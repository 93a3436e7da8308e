import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { merchants } from './merchants';

export const checkoutSessions = sqliteTable(
  'checkout_sessions',
  {
    /** The session id doubles as its unguessable token (cs_test_... / cs_live_...). */
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    mode: text('mode', { enum: ['test', 'live'] }).notNull(),
    status: text('status', { enum: ['open', 'pending', 'paid', 'expired', 'canceled'] }).notNull(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    country: text('country').notNull(),
    merchantOrderId: text('merchant_order_id').notNull(),
    /** The method restriction as the merchant sent it: a slug, a list of slugs, or null for all. */
    paymentMethod: text('payment_method', { mode: 'json' }).$type<string | string[] | null>(),
    gatewayFirstTry: text('gateway_first_try'),
    description: text('description'),
    locale: text('locale'),
    customer: text('customer', { mode: 'json' }).$type<Record<string, string> | null>(),
    metadata: text('metadata', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    paymentSettings: text('payment_settings', { mode: 'json' }).$type<unknown[] | null>(),
    successUrl: text('success_url'),
    cancelUrl: text('cancel_url'),
    notificationUrl: text('notification_url'),
    /** Seed 004: failed payment attempts are also POSTed here. */
    paymentFailureUrl: text('payment_failure_url'),
    /** How the customer hears about the session (`none`, `email`, `sms`, `both`); null: the merchant's default. */
    notifyCustomer: text('notify_customer', { enum: ['none', 'email', 'sms', 'both'] }),
    /** Customer fields a payment must carry (the mode's setting when the session was created); null: none. */
    requiredCustomerFields: text('required_customer_fields', { mode: 'json' }).$type<string[] | null>(),
    /** The API dialect the session was created through; its webhooks keep that dialect's payloads. */
    dialect: text('dialect', { enum: ['canonical', 'seed000', 'seed002', 'seed003', 'seed004'] })
      .notNull()
      .default('canonical'),
    /** The URL handed to the merchant at creation; kept so events carry it even when no request does. */
    checkoutUrl: text('checkout_url').notNull(),
    expiresAt: integer('expires_at').notNull(),
    /**
     * While pending, the session is held open past expires_at until this instant: an issued boleto
     * can be paid until it is voided (boleto_void_days after its due date). Null: expires_at rules.
     */
    pendingUntil: integer('pending_until'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Optimistic-concurrency guard: every transition is `UPDATE ... WHERE version = ?`. */
    version: integer('version').notNull().default(0),
  },
  (t) => [
    // One open, pending or paid session per order; expired and canceled ones free the order id.
    uniqueIndex('checkout_sessions_live_order_idx')
      .on(t.merchantId, t.mode, t.merchantOrderId)
      .where(sql`${t.status} IN ('open', 'pending', 'paid')`),
    index('checkout_sessions_order_idx').on(t.merchantId, t.mode, t.merchantOrderId),
    index('checkout_sessions_created_idx').on(t.merchantId, t.mode, t.createdAt, t.id),
    // The sweep's indexes are partial: a finished session leaves them, and a new one (open, not held
    // by a boleto) writes no entry to the second, which keeps session inserts cheaper.
    index('checkout_sessions_due_idx')
      .on(t.status, t.expiresAt)
      .where(sql`${t.status} IN ('open', 'pending')`),
    index('checkout_sessions_held_idx')
      .on(t.pendingUntil)
      .where(sql`${t.status} = 'pending' AND ${t.pendingUntil} IS NOT NULL`),
  ],
);

export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    merchantId: text('merchant_id').notNull(),
    mode: text('mode', { enum: ['test', 'live'] }).notNull(),
    key: text('key').notNull(),
    /** SHA-256 of method, path and canonical body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    /** Null while the first request still runs. */
    responseStatus: integer('response_status'),
    /** The stored answer, sealed with ENCRYPTION_KEY (it may hold a secret, e.g. a rolled webhook secret). */
    responseBody: text('response_body'),
    createdAt: integer('created_at').notNull(),
    /** While a request holds the key, a crashed worker must not lock it for 24 h: the lock lapses. */
    lockedUntil: integer('locked_until'),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.mode, t.key] }),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);

export type SessionRow = typeof checkoutSessions.$inferSelect;
