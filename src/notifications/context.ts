import { and, eq, sql } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
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

/** The session, the payment a message is about and the merchant's name, in one D1 round trip. */
export async function loadNotificationContext(
  db: DrizzleD1Database,
  sessionId: string,
  paymentId: string | null,
): Promise<NotificationContext | null> {
  const [sessionRows, paymentRows] = await db.batch([
    db
      .select({
        session: checkoutSessions,
        merchantName: merchants.name,
        // Aliased: inside db.batch D1 keys columns by name, and the session has a notify_customer too.
        merchantDefault: sql<string | null>`${merchantModeSettings.notifyCustomer}`.as('m_notify_customer'),
      })
      .from(checkoutSessions)
      .innerJoin(merchants, eq(merchants.id, checkoutSessions.merchantId))
      .leftJoin(
        merchantModeSettings,
        and(ownedBy(merchantModeSettings, checkoutSessions.merchantId, checkoutSessions.mode)),
      )
      .where(eq(checkoutSessions.id, sessionId))
      .limit(1),
    db
      .select()
      .from(payments)
      .where(eq(payments.id, paymentId ?? ''))
      .limit(1),
  ]);
  const found = sessionRows[0];
  if (!found) return null;
  const payment = paymentRows[0] ?? null;
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
