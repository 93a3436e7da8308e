import type { DrizzleD1Database } from 'drizzle-orm/d1';
import type { EventRow } from '../db/schema';

/** The API dialect a session was created through: its webhooks keep that dialect's shape. */
export type WebhookDialect = 'canonical' | 'seed000' | 'seed002' | 'seed003' | 'seed004';

/** An event as the outbox stores it, before it is shaped into the body Borda POSTs. */
export type OutboxRecord = {
  id: string;
  type: string;
  mode: 'test' | 'live';
  /** Epoch milliseconds. */
  createdAt: number;
  data: Record<string, unknown>;
};

/**
 * How the provider dialects (src/dialects/) take part in delivery, without this layer knowing them:
 * what an event's body needs beyond the event (`extras`, one read per event), whether a dialect's URL
 * receives an event at all (its document lists its events), and the body itself (null: canonical).
 * The dialects register one adapter when the Worker's entry loads them.
 */
export type DialectAdapter = {
  extras(
    db: DrizzleD1Database,
    encryptionKey: string,
    dialect: WebhookDialect | null,
    event: Pick<EventRow, 'type' | 'sessionId' | 'data'>,
  ): Promise<unknown>;
  receives(
    dialect: WebhookDialect | null,
    event: Pick<EventRow, 'type' | 'sessionId'>,
    target: 'notification' | 'payment_failure',
    extras: unknown,
  ): boolean;
  body(e: OutboxRecord, dialect: WebhookDialect, extras: unknown): string | null;
};

let registered: DialectAdapter | null = null;

export function registerDialectAdapter(adapter: DialectAdapter): void {
  registered = adapter;
}

/** The registered adapter; null before the dialects are loaded (canonical delivery only). */
export function dialectAdapter(): DialectAdapter | null {
  return registered;
}
