import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Times are integer milliseconds since the epoch (UTC); money is integer minor units.
 * JSON columns hold data that is only ever read whole (metadata, customer, settings).
 */

export const merchants = sqliteTable('merchants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  country: text('country'),
  notificationUrl: text('notification_url'),
  /** City printed in PIX codes (BR Code field 60). */
  city: text('city'),
  /** Origins allowed to frame the checkout and call the client API (CORS), e.g. https://shop.example. */
  allowedOrigins: text('allowed_origins', { mode: 'json' }).notNull().$type<string[]>().default([]),
  /** Accounts customers transfer to (bank_transfer); empty means the sandbox's test account in test mode. */
  bankAccounts: text('bank_accounts', { mode: 'json' }).notNull().$type<BankAccount[]>().default([]),
  /** The merchant's CLABE for SPEI collections; null: the sandbox issues a test one in test mode. */
  speiClabe: text('spei_clabe'),
  /** Methods the merchant accepts; null means every method Borda offers in the session's country. */
  enabledMethods: text('enabled_methods', { mode: 'json' }).$type<string[] | null>(),
  /** AES-GCM ciphertext of the whsec_ secret, sealed with ENCRYPTION_KEY (see src/crypto/secretbox.ts). */
  webhookSecretSealed: text('webhook_secret_sealed').notNull(),
  /** After a roll, the old secret keeps signing beside the new one until this instant (24 h). */
  webhookSecretPreviousSealed: text('webhook_secret_previous_sealed'),
  webhookSecretPreviousUntil: integer('webhook_secret_previous_until'),
  createdAt: integer('created_at').notNull(),
});

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    kind: text('kind', { enum: ['secret', 'public'] }).notNull(),
    mode: text('mode', { enum: ['test', 'live'] }).notNull(),
    /** A short readable prefix (e.g. "sk_test_4f9Q") so a merchant can tell keys apart. */
    prefix: text('prefix').notNull(),
    /** Hex SHA-256 of the whole key; the key itself is never stored. */
    hash: text('hash').notNull(),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [
    uniqueIndex('api_keys_hash_idx').on(t.hash),
    index('api_keys_merchant_idx').on(t.merchantId, t.mode),
  ],
);

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

/** One row per payment attempt on a session; a declined attempt stays here beside the next try. */
export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => checkoutSessions.id),
    merchantId: text('merchant_id').notNull(),
    mode: text('mode', { enum: ['test', 'live'] }).notNull(),
    method: text('method').notNull(),
    gateway: text('gateway').notNull(),
    status: text('status', { enum: ['pending', 'paid', 'denied', 'expired', 'canceled'] }).notNull(),
    /** What the customer is charged, in minor units (the session amount adjusted by the method's pricing). */
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    installments: integer('installments').notNull().default(1),
    /** Discount (negative) or addition (positive) the method's pricing applied to the session amount. */
    adjustment: integer('adjustment').notNull().default(0),
    /** Each installment in minor units (they add up to `amount`); monthly interest rate in percent. */
    installmentPlan: text('installment_plan', { mode: 'json' }).$type<{
      amounts: number[];
      monthly_rate: number;
    } | null>(),
    /** Method data safe to keep: PIX code and expiry; card brand and last four digits only. */
    details: text('details', { mode: 'json' }).notNull().$type<PaymentDetails>(),
    customer: text('customer', { mode: 'json' }).$type<Record<string, string> | null>(),
    gatewayReference: text('gateway_reference'),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    paidAt: integer('paid_at'),
  },
  (t) => [
    index('payments_session_idx').on(t.sessionId, t.createdAt),
    index('payments_merchant_created_idx').on(t.merchantId, t.mode, t.createdAt),
  ],
);

export type BankAccount = {
  bank_name: string;
  bank_code: string;
  agency: string;
  account: string;
  account_digit: string;
  account_type: 'checking' | 'savings' | 'payment';
  beneficiary: string;
  document: string;
};

export type PaymentDetails = {
  pix?: { payload: string; expires_at: number; txid: string };
  card?: { brand: string; last4: string };
  boleto?: {
    barcode: string;
    line: string;
    due_date: string;
    void_date: string;
    fine_cents: number | null;
    interest_per_day_cents: number | null;
    interest_monthly_percent: number | null;
  };
  bank_transfer?: BankAccount & { reference: string };
  spei?: { clabe: string; bank_name: string; beneficiary: string; reference: string };
  voucher?: { reference: string; expires_at: number; kind: 'voucher' | 'redirect' };
};

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
    /** `notification` (notification_url or the merchant default) or `payment_failure` (seed 004). */
    target: text('target', { enum: ['notification', 'payment_failure'] }).notNull(),
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
    uniqueIndex('webhook_deliveries_event_target_idx').on(t.eventId, t.target),
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
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.attemptedAt)],
);

/** Endpoints that answered 410 Gone: nothing more is sent there until the merchant sets the URL again. */
export const disabledEndpoints = sqliteTable(
  'disabled_endpoints',
  {
    merchantId: text('merchant_id').notNull(),
    url: text('url').notNull(),
    disabledAt: integer('disabled_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.url] })],
);

/** Routing rules of a gateway account: it takes a payment only if every given condition holds. */
export type GatewayRules = {
  methods?: string[];
  currencies?: string[];
  countries?: string[];
  min_amount?: number;
  max_amount?: number;
};

/**
 * A merchant's account at a gateway, per mode. Credentials are sealed with AES-GCM (never returned);
 * `settings` holds non-secret options (the sandbox's simulated behaviour). The circuit breaker's state
 * lives here too, so every isolate and every session's object sees the same health.
 */
export const gatewayAccounts = sqliteTable(
  'gateway_accounts',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id').notNull(),
    mode: text('mode', { enum: ['test', 'live'] }).notNull(),
    gateway: text('gateway').notNull(),
    /** Unique per merchant and mode, so one merchant can hold two accounts at the same gateway. */
    name: text('name').notNull(),
    credentialsSealed: text('credentials_sealed').notNull(),
    settings: text('settings', { mode: 'json' }).notNull().$type<Record<string, unknown>>().default({}),
    priority: integer('priority').notNull().default(100),
    rules: text('rules', { mode: 'json' }).notNull().$type<GatewayRules>().default({}),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    /** While set and in the future the circuit is open: the router skips this account. */
    openUntil: integer('open_until'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('gateway_accounts_name_idx').on(t.merchantId, t.mode, t.name),
    index('gateway_accounts_merchant_idx').on(t.merchantId, t.mode, t.priority),
  ],
);

/** Every call to every gateway for a payment: which, how long, what came of it, its reference. */
export const paymentAttempts = sqliteTable(
  'payment_attempts',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id').notNull(),
    sessionId: text('session_id').notNull(),
    gateway: text('gateway').notNull(),
    accountId: text('account_id'),
    outcome: text('outcome', {
      enum: ['paid', 'pending', 'denied', 'hard_decline', 'retryable', 'ambiguous', 'skipped_unhealthy'],
    }).notNull(),
    errorCode: text('error_code'),
    reference: text('reference'),
    latencyMs: integer('latency_ms').notNull(),
    startedAt: integer('started_at').notNull(),
  },
  (t) => [index('payment_attempts_payment_idx').on(t.paymentId, t.startedAt)],
);

/** Inbound gateway webhooks already applied, so a replayed notification changes nothing twice. */
export const gatewayEvents = sqliteTable(
  'gateway_events',
  {
    gateway: text('gateway').notNull(),
    eventId: text('event_id').notNull(),
    merchantId: text('merchant_id').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.gateway, t.merchantId, t.eventId] })],
);

export type GatewayAccountRow = typeof gatewayAccounts.$inferSelect;
export type PaymentAttemptRow = typeof paymentAttempts.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type MerchantRow = typeof merchants.$inferSelect;
export type SessionRow = typeof checkoutSessions.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
