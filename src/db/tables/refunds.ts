import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { RefundStatus } from '../../domain/refund-rules';
import { payments } from './payments';

/** One row per refund of a payment; their amounts never add up to more than the payment collected. */
export const refunds = sqliteTable(
  'refunds',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id),
    sessionId: text('session_id').notNull(),
    merchantId: text('merchant_id').notNull(),
    mode: text('mode', { enum: ['test', 'live'] }).notNull(),
    status: text('status').notNull().$type<RefundStatus>(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    reason: text('reason'),
    metadata: text('metadata', { mode: 'json' }).notNull().$type<Record<string, string>>(),
    /** Who asked: the merchant through the API, or its policy for unexpected money. */
    origin: text('origin', { enum: ['merchant', 'policy'] }).notNull(),
    gateway: text('gateway').notNull(),
    gatewayReference: text('gateway_reference'),
    failureCode: text('failure_code'),
    /** The customer's bank account for the transfer, sealed (src/lib/secretbox.ts). */
    bankAccountSealed: text('bank_account_sealed'),
    /** What may be shown of that account: bank, holder and the account's last digits. */
    bankAccountHint: text('bank_account_hint', { mode: 'json' }).$type<{
      bank_code: string;
      holder_name: string;
      account_last4: string;
    } | null>(),
    /** The gateway's own page where the payer gives their account, when the gateway collects it itself. */
    gatewayActionUrl: text('gateway_action_url'),
    /** A PIX devolução is possible until this instant. */
    windowClosesAt: integer('window_closes_at'),
    /** How a refund that needed action was completed: the gateway's transfer or the merchant's word. */
    completedBy: text('completed_by', { enum: ['gateway', 'merchant'] }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    completedAt: integer('completed_at'),
    /** The one-time key of the form (or request) that asked for it: the same key never refunds twice. */
    requestKey: text('request_key'),
  },
  (t) => [
    index('refunds_payment_idx').on(t.paymentId, t.createdAt),
    index('refunds_merchant_created_idx').on(t.merchantId, t.mode, t.createdAt),
    // The refund-status poll reads only refunds still waiting on their gateway.
    uniqueIndex('refunds_request_key_idx')
      .on(t.paymentId, t.requestKey)
      .where(sql`${t.requestKey} IS NOT NULL`),
    index('refunds_pending_idx').on(t.updatedAt).where(sql`${t.status} = 'pending'`),
  ],
);

export type RefundRow = typeof refunds.$inferSelect;
