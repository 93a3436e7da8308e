import { and, eq, sql } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { preparedOnce } from '../db/prepared';
import {
  checkoutSessions,
  merchantModeSettings,
  merchants,
  type PaymentRow,
  payments,
  type SessionRow,
} from '../db/schema';
import { ownedBy } from '../db/tenant';
import { pickLocale } from '../domain/locale-format';
import type { Locale } from '../domain/methods';

export type NotificationContext = {
  session: SessionRow;
  payment: PaymentRow | null;
  merchantName: string;
  /** The merchant's `notify_customer` for the session's mode, used when the session does not say. */
  merchantDefault: string | null;
};

/**
 * The session with its merchant's name and default, and the payment a message is about: one
 * statement (the payment left-joined by its id), prepared once per isolate.
 */
const contextRead = preparedOnce((db) =>
  db
    .select({
      session: checkoutSessions,
      merchantName: merchants.name,
      merchantDefault: merchantModeSettings.notifyCustomer,
      payment: payments,
    })
    .from(checkoutSessions)
    .innerJoin(merchants, eq(merchants.id, checkoutSessions.merchantId))
    .leftJoin(
      merchantModeSettings,
      and(ownedBy(merchantModeSettings, checkoutSessions.merchantId, checkoutSessions.mode)),
    )
    .leftJoin(payments, eq(payments.id, sql.placeholder('paymentId')))
    .where(eq(checkoutSessions.id, sql.placeholder('sessionId')))
    .limit(1)
    .prepare(),
);

/** The session, the payment a message is about and the merchant's name, in one D1 round trip. */
export async function loadNotificationContext(
  db: DrizzleD1Database,
  sessionId: string,
  paymentId: string | null,
): Promise<NotificationContext | null> {
  const [found] = await contextRead(db).all({ sessionId, paymentId: paymentId ?? '' });
  if (!found) return null;
  const payment = found.payment;
  // A payment of another session is never used to write to this session's customer.
  return {
    session: found.session,
    payment: payment && payment.sessionId === sessionId ? payment : null,
    merchantName: found.merchantName,
    merchantDefault: found.merchantDefault ?? null,
  };
}

/** Who the customer said they are: what they typed on the page over what the merchant sent. */
export function customerOf(ctx: NotificationContext): { name?: string; email?: string; phone?: string } {
  return { ...(ctx.session.customer ?? {}), ...(ctx.payment?.customer ?? {}) };
}

export function localeOf(session: SessionRow): Locale {
  return pickLocale(session.locale, session.country);
}
