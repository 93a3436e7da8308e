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

/** What a message is about: a session, and the payment of it the event named (if any). */
export type NotificationRef = { sessionId: string; paymentId: string | null };

/**
 * The sessions with their merchant's name and default, each left-joined with the named payments that
 * are its own: one statement for a whole queue batch (the ids travel as two JSON parameters, since D1
 * binds at most 100), prepared once per isolate. A session may come back once per payment of it.
 */
const contextsRead = preparedOnce((db) =>
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
    // A payment of another session is never used to write to this session's customer.
    .leftJoin(
      payments,
      and(
        eq(payments.sessionId, checkoutSessions.id),
        sql`${payments.id} IN (SELECT value FROM json_each(${sql.placeholder('paymentIds')}))`,
      ),
    )
    .where(sql`${checkoutSessions.id} IN (SELECT value FROM json_each(${sql.placeholder('sessionIds')}))`)
    .prepare(),
);

/**
 * The context of every ref, in one D1 round trip: look one up with `(sessionId, paymentId)`; null
 * when the session is gone, and `payment: null` when the payment is not that session's.
 */
export async function loadNotificationContexts(
  db: DrizzleD1Database,
  refs: readonly NotificationRef[],
): Promise<(ref: NotificationRef) => NotificationContext | null> {
  const sessionIds = [...new Set(refs.map((r) => r.sessionId))];
  const paymentIds = [...new Set(refs.flatMap((r) => (r.paymentId ? [r.paymentId] : [])))];
  const found =
    sessionIds.length === 0
      ? []
      : await contextsRead(db).all({
          sessionIds: JSON.stringify(sessionIds),
          paymentIds: JSON.stringify(paymentIds),
        });
  const sessions = new Map<string, Omit<NotificationContext, 'payment'>>();
  const paymentsById = new Map<string, PaymentRow>();
  for (const f of found) {
    sessions.set(f.session.id, {
      session: f.session,
      merchantName: f.merchantName,
      merchantDefault: f.merchantDefault ?? null,
    });
    if (f.payment) paymentsById.set(f.payment.id, f.payment);
  }
  return ({ sessionId, paymentId }) => {
    const base = sessions.get(sessionId);
    if (!base) return null;
    const payment = paymentId ? paymentsById.get(paymentId) : undefined;
    return { ...base, payment: payment && payment.sessionId === sessionId ? payment : null };
  };
}

/** Who the customer said they are: what they typed on the page over what the merchant sent. */
export function customerOf(ctx: NotificationContext): { name?: string; email?: string; phone?: string } {
  return { ...(ctx.session.customer ?? {}), ...(ctx.payment?.customer ?? {}) };
}

export function localeOf(session: SessionRow): Locale {
  return pickLocale(session.locale, session.country);
}
