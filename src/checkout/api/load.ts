import { desc, eq, sql } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { preparedOnce } from '../../db/prepared';
import {
  checkoutSessions,
  type GatewayAccountRow,
  merchantModeSettings,
  merchants,
  type PaymentRow,
  payments,
  type SessionRow,
} from '../../db/schema';
import { ownedBy } from '../../db/tenant';
import { ApiError } from '../../domain/errors';
import { dueAt } from '../../domain/session-state';
import { accountsFromJson, enabledAccountsJson } from '../../gateways/accounts';
import type { MerchantProfile } from '../../gateways/types';

export type CheckoutMerchant = MerchantProfile & {
  allowedOrigins: string[];
  brandColor: string | null;
  logo: string | null;
};
export type CheckoutContext = { session: SessionRow; merchant: CheckoutMerchant; payment: PaymentRow | null };

const merchantFields = {
  id: merchants.id,
  name: merchants.name,
  city: merchants.city,
  allowedOrigins: merchantModeSettings.allowedOrigins,
  enabledMethods: merchantModeSettings.enabledMethods,
  bankAccounts: merchantModeSettings.bankAccounts,
  speiClabe: merchantModeSettings.speiClabe,
  brandColor: merchantModeSettings.brandColor,
  logo: merchantModeSettings.logo,
};
// The session's own mode: a test key's settings never reach a live checkout.
const sessionModeSettings = ownedBy(merchantModeSettings, checkoutSessions.merchantId, checkoutSessions.mode);

/**
 * Everything the client API needs about a session, in one D1 round trip: the session, its
 * merchant's checkout settings in the session's mode and its latest payment attempt. Prepared once
 * per isolate (the client API and the SessionDO run it on every first read).
 */
const checkoutRead = preparedOnce((db) => {
  const latest = db
    .select({ id: payments.id })
    .from(payments)
    .where(eq(payments.sessionId, checkoutSessions.id))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(1);
  return db
    .select({ session: checkoutSessions, merchant: merchantFields, payment: payments })
    .from(checkoutSessions)
    .innerJoin(merchants, eq(merchants.id, checkoutSessions.merchantId))
    .innerJoin(merchantModeSettings, sessionModeSettings)
    .leftJoin(payments, eq(payments.id, sql`(${latest})`))
    .where(eq(checkoutSessions.id, sql.placeholder('token')))
    .limit(1)
    .prepare();
});

/** The same read less the latest payment, which the page does not show (its script fetches the status). */
const pageRead = preparedOnce((db) =>
  db
    .select({ session: checkoutSessions, merchant: merchantFields })
    .from(checkoutSessions)
    .innerJoin(merchants, eq(merchants.id, checkoutSessions.merchantId))
    .innerJoin(merchantModeSettings, sessionModeSettings)
    .where(eq(checkoutSessions.id, sql.placeholder('token')))
    .limit(1)
    .prepare(),
);

/**
 * What paying needs, in one D1 round trip: the page's read and the merchant's enabled gateway
 * accounts for the session's mode (credentials still sealed), as one JSON column.
 */
const payRead = preparedOnce((db) =>
  db
    .select({
      session: checkoutSessions,
      merchant: merchantFields,
      accounts: enabledAccountsJson(checkoutSessions.merchantId, checkoutSessions.mode),
    })
    .from(checkoutSessions)
    .innerJoin(merchants, eq(merchants.id, checkoutSessions.merchantId))
    .innerJoin(merchantModeSettings, sessionModeSettings)
    .where(eq(checkoutSessions.id, sql.placeholder('token')))
    .limit(1)
    .prepare(),
);

export async function loadForPayment(
  db: DrizzleD1Database,
  token: string,
): Promise<{ checkout: CheckoutContext; accounts: GatewayAccountRow[] }> {
  const [row] = await payRead(db).all({ token });
  if (!row) throw new ApiError('not_found', 'No such checkout session.');
  const { accounts, ...rest } = row;
  return { checkout: { ...rest, payment: null }, accounts: accountsFromJson(accounts) };
}

export async function loadCheckout(db: DrizzleD1Database, token: string): Promise<CheckoutContext> {
  const [row] = await checkoutRead(db).all({ token });
  if (!row) throw new ApiError('not_found', 'No such checkout session.');
  return row;
}

/** What the checkout page renders from: the session and its merchant's settings, one D1 round trip. */
export async function loadCheckoutPage(db: DrizzleD1Database, token: string): Promise<CheckoutContext> {
  const [row] = await pageRead(db).all({ token });
  if (!row) throw new ApiError('not_found', 'No such checkout session.');
  return { ...row, payment: null };
}

/**
 * Client API routes that never look at the session's latest payment: the session read, paying (the
 * SessionDO reads pending attempts itself) and canceling take the lighter read without it. Every
 * other route (simulate, the artifacts, any added later) gets the full one.
 */
const WITHOUT_PAYMENT: ReadonlySet<string> = new Set(['', '/payments', '/cancel']);

/** The read a client API request needs, chosen by what follows the token in its path. */
export function loadForPath(db: DrizzleD1Database, token: string, path: string): Promise<CheckoutContext> {
  const at = path.indexOf(`/${token}`);
  const light = at >= 0 && WITHOUT_PAYMENT.has(path.slice(at + token.length + 1));
  return (light ? loadCheckoutPage : loadCheckout)(db, token);
}

/**
 * The status a customer should see: a session past its time (expires_at, or the hold of an issued
 * boleto) is expired even before the sweep or the SessionDO has written it.
 */
export function effectiveStatus(session: SessionRow, now: number): SessionRow['status'] {
  const live = session.status === 'open' || session.status === 'pending';
  return live && now >= dueAt(session) ? 'expired' : session.status;
}

/** Where the browser goes next: success_url once paid, cancel_url once canceled, with the session id filled in. */
export function redirectUrl(session: SessionRow): string | null {
  const url =
    session.status === 'paid' ? session.successUrl : session.status === 'canceled' ? session.cancelUrl : null;
  return url ? url.replaceAll('{CHECKOUT_SESSION_ID}', session.id) : null;
}

/** The merchant's store, for a way back from a page that ended: cancel_url, else success_url. */
export function storeUrl(session: SessionRow): string | null {
  const url = session.cancelUrl ?? session.successUrl;
  return url ? url.replaceAll('{CHECKOUT_SESSION_ID}', session.id) : null;
}
