import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;

/**
 * One message to a customer (e-mail or SMS). `dedupe_key` (session, kind, the payment or refund it is
 * about, channel) is unique, so an event handled twice plans the message once; `lease_until` lets one
 * consumer at a time send it, so a duplicated queue message never sends it twice.
 */
export const customerNotifications = sqliteTable(
  'customer_notifications',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id').notNull(),
    mode: text('mode', { enum: ['test', 'live'] }).notNull(),
    sessionId: text('session_id').notNull(),
    paymentId: text('payment_id'),
    /** The outbox event that planned it. */
    eventId: text('event_id').notNull(),
    kind: text('kind').notNull(),
    channel: text('channel', { enum: NOTIFICATION_CHANNELS }).notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    /** The e-mail address or phone number the customer gave. */
    recipient: text('recipient').notNull(),
    locale: text('locale').notNull(),
    /** What the message is about, in minor units: the charged amount, or the refund's. */
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: NOTIFICATION_STATUSES }).notNull(),
    provider: text('provider'),
    providerMessageId: text('provider_message_id'),
    attempts: integer('attempts').notNull().default(0),
    /** When it is due: now for most kinds, a while before the payment expires for a reminder. */
    nextAttemptAt: integer('next_attempt_at').notNull(),
    leaseUntil: integer('lease_until'),
    lastError: text('last_error'),
    subject: text('subject'),
    /** Kept only by the local dev mailbox; real providers hold the sent copy. */
    bodyText: text('body_text'),
    bodyHtml: text('body_html'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (t) => [
    uniqueIndex('customer_notifications_dedupe_idx').on(t.dedupeKey),
    index('customer_notifications_session_idx').on(t.sessionId, t.createdAt),
    index('customer_notifications_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} IN ('pending', 'sending')`),
  ],
);

export type NotificationRow = typeof customerNotifications.$inferSelect;
