import { and, desc, eq } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { payments } from '../../db/schema';
import type { WebhookDialect } from '../../webhooks/payload';
import { CASHIER_EVENTS } from './cashier-payload';
import { FINTOC_EVENTS, type FintocExtras } from './fintoc-payload';
import { sessionTokenFor } from './seed002-token';

/**
 * Which events a dialect's URL receives: only those its document describes. A Fintoc-style URL gets
 * the two checkout session events, a cashier URL `payment.success` and `payment.failed`, a direct PIX
 * callback the payment's status changes; Southpayments' notify_url the order on every change.
 */
export function dialectReceives(dialect: WebhookDialect | null, type: string): boolean {
  if (dialect === 'seed002') return FINTOC_EVENTS.has(type);
  if (dialect === 'seed000') return CASHIER_EVENTS.has(type);
  // The direct PIX API's callback gets the payment object on each status change, nothing else.
  if (dialect === 'seed003') return type.startsWith('payment.');
  return true;
}

/** What a Fintoc body needs beyond the event: the session token and the payment that settled it. */
export async function fintocExtras(
  db: DrizzleD1Database,
  encryptionKey: string,
  sessionId: string,
): Promise<FintocExtras> {
  const [payment] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.sessionId, sessionId)))
    .orderBy(desc(payments.paidAt), desc(payments.createdAt))
    .limit(1);
  return { sessionToken: await sessionTokenFor(sessionId, encryptionKey), payment: payment ?? null };
}
