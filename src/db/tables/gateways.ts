import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
      enum: [
        'paid',
        'pending',
        'denied',
        'hard_decline',
        'retryable',
        'ambiguous',
        'skipped_unhealthy',
        'skipped_missing_data',
      ],
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
