import { eq } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { pickLocale } from '../checkout/i18n';
import { checkoutSessions, merchants, type PaymentRow, payments, type SessionRow } from '../db/schema';
import type { Locale } from '../domain/methods';

export type NotificationContext = {
  session: SessionRow;
  payment: PaymentRow | null;
  merchantName: string;
};

/** The session, the payment a message is about and the merchant's name, in one D1 round trip. */
export async function loadNotificationContext(
  db: DrizzleD1Database,
  sessionId: string,
  paymentId: string | null,
): Promise<NotificationContext | null> {
  const [sessionRows, paymentRows] = await db.batch([
    db
      .select({ session: checkoutSessions, merchantName: merchants.name })
      .from(checkoutSessions)
      .innerJoin(merchants, eq(merchants.id, checkoutSessions.merchantId))
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
  };
}

/** Who the customer said they are: what they typed on the page over what the merchant sent. */
export function customerOf(ctx: NotificationContext): { name?: string; email?: string; phone?: string } {
  return { ...(ctx.session.customer ?? {}), ...(ctx.payment?.customer ?? {}) };
}

export function localeOf(session: SessionRow): Locale {
  return pickLocale(session.locale, session.country);
}
