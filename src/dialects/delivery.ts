import { and, desc, eq } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { type EventRow, payments } from '../db/schema';
import type { DeliveryTarget } from '../webhooks/context';
import type { WebhookDialect } from '../webhooks/payload';
import { CASHIER_EVENTS } from './cashier/payload';
import { FINTOC_EVENTS, type FintocExtras } from './fintoc/payload';
import { sessionTokenFor } from './fintoc/token';
import type { OrderExtras } from './orders/payload';
import { orderById } from './orders/store';

/** What a dialect's body needs beyond the event, read at delivery time. */
export type DialectExtras = { fintoc?: FintocExtras; order?: OrderExtras | null };

/**
 * Whether a dialect's URL receives this event: only what its document describes. A Fintoc-style URL
 * gets the two checkout session events, a cashier URL `payment.success` and `payment.failed`, a direct
 * PIX callback the payment's status changes, Southpayments' notify_url the order on each status change
 * (not the cancellation of a session that an update replaced: the order itself goes on) while its
 * payment_failure_url keeps the failed payments.
 */
export function dialectReceives(
  dialect: WebhookDialect | null,
  event: Pick<EventRow, 'type' | 'sessionId'>,
  target: DeliveryTarget['target'],
  extras: DialectExtras,
): boolean {
  const type = event.type;
  if (dialect === 'seed002') return FINTOC_EVENTS.has(type);
  if (dialect === 'seed000') return CASHIER_EVENTS.has(type);
  if (dialect === 'seed003') return type.startsWith('payment.');
  if (dialect === 'seed004' && target === 'notification') {
    if (!type.startsWith('checkout_session.')) return false;
    return !extras.order || extras.order.order.sessionId === event.sessionId;
  }
  return true;
}

const ORDER_URL = /\/checkout\/orders\/(ord_[0-9A-Za-z]+)\?/;

/** The paid payment of a session, if any (the latest attempt otherwise). */
async function settledPayment(db: DrizzleD1Database, sessionId: string) {
  const [payment] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.sessionId, sessionId)))
    .orderBy(desc(payments.paidAt), desc(payments.createdAt))
    .limit(1);
  return payment ?? null;
}

export async function dialectExtras(
  db: DrizzleD1Database,
  encryptionKey: string,
  dialect: WebhookDialect | null,
  event: Pick<EventRow, 'type' | 'sessionId' | 'data'>,
): Promise<DialectExtras> {
  const sessionId = event.sessionId;
  if (!sessionId) return {};
  if (dialect === 'seed002' && FINTOC_EVENTS.has(event.type)) {
    const payment = await settledPayment(db, sessionId);
    return { fintoc: { sessionToken: await sessionTokenFor(sessionId, encryptionKey), payment } };
  }
  if (dialect === 'seed004' && event.type.startsWith('checkout_session.')) {
    // The session's checkout_url names its order, whether or not the order still stands on it.
    const orderId = ORDER_URL.exec(String(event.data.checkout_url ?? ''))?.[1];
    const [order, payment] = await Promise.all([
      orderId ? orderById(db, orderId) : undefined,
      settledPayment(db, sessionId),
    ]);
    if (!order) return { order: null };
    return { order: { order, chargedAmount: payment?.status === 'paid' ? payment.amount : null } };
  }
  return {};
}
