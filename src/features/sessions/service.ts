import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { d1Of, insertWhere } from '../../db/guarded-sql';
import { checkoutSessions, payments, type SessionRow } from '../../db/schema';
import { ownedBy } from '../../db/tenant';
import { ApiError, fieldError, refusalError } from '../../domain/errors';
import { availableMethods } from '../../domain/offer';
import { dueAt } from '../../domain/session-state';
import { newId } from '../../lib/ids';
import type { MerchantCtx } from '../context';
import { readDefaults, rememberedDefaults, settingsAt } from '../merchant/defaults-read';
import { type DefaultSettings, withModeDefaults } from '../merchant/session-defaults';
import { createdRangeAndCursor, toPage } from '../shared/cursor';
import { resolveSessionInput } from './input';
import type { CreateSession, ListSessionsQuery } from './schema';

/** A create that finds its order taken by an open session past its time expires it first, then retries once. */
const MAX_CREATE_ATTEMPTS = 2;
/** A create whose mode's settings change under it starts again from the new ones, this many times. */
const MAX_SETTINGS_ATTEMPTS = 3;

/**
 * Creates an open session with its mode's defaults. The defaults come from the settings this isolate
 * last saw, and the insert is guarded by their version: one statement when nothing changed, and a
 * session is never made from settings older than the last change (the insert does not happen; the
 * settings are read again, and the create starts again from them when they moved).
 */
export async function createSession({
  ctx,
  input,
  dialect = 'canonical',
}: {
  ctx: MerchantCtx;
  input: CreateSession;
  dialect?: SessionRow['dialect'];
}): Promise<SessionRow> {
  const { id: merchantId } = ctx.merchant;
  const remembered = rememberedDefaults(merchantId, ctx.mode);
  let fresh = remembered === undefined;
  let settings: DefaultSettings = remembered ?? (await readDefaults(ctx.db, merchantId, ctx.mode));
  let orderAttempts = 0;
  let settingsAttempts = 0;
  for (;;) {
    let row: SessionRow;
    try {
      row = plannedSession(ctx, input, settings, dialect);
    } catch (err) {
      // Remembered settings may predate the merchant's last change: refuse only on fresh ones.
      if (fresh) throw err;
      settings = await readDefaults(ctx.db, merchantId, ctx.mode);
      fresh = true;
      continue;
    }
    const d1 = d1Of(ctx.db);
    const guard = settingsAt(merchantId, ctx.mode, settings.version);
    // The partial unique index allows one open, pending or paid session per order: the insert
    // itself is the race-free check, as the version guard is for the settings.
    const inserted = await insertWhere(d1, checkoutSessions, row, guard.sql, guard.params).run();
    if (inserted.meta.changes === 1) return row;

    const latest = await readDefaults(ctx.db, merchantId, ctx.mode);
    if (latest.version !== settings.version) {
      if (++settingsAttempts >= MAX_SETTINGS_ATTEMPTS)
        throw new ApiError('concurrent_update', "This mode's settings are changing; retry.");
      settings = latest;
      fresh = true;
      continue;
    }
    orderAttempts++;
    const existing = await findLiveSessionForOrder(ctx, input.merchant_order_id);
    if (!existing) {
      if (orderAttempts < MAX_CREATE_ATTEMPTS) continue; // it expired or was canceled in between
      throw new ApiError('order_has_open_session', 'This order is being changed by another request; retry.');
    }
    if (existing.status === 'paid') {
      throw new ApiError('order_already_paid', `Order ${input.merchant_order_id} is already paid.`, {
        extra: { token: existing.id },
      });
    }
    if (existing.status === 'open' && existing.expiresAt <= ctx.now && orderAttempts < MAX_CREATE_ATTEMPTS) {
      await ctx.transition({ sessionId: existing.id, to: 'expired', now: ctx.now });
      continue;
    }
    throw new ApiError(
      'order_has_open_session',
      `Order ${input.merchant_order_id} already has an open checkout session.`,
      {
        extra: { token: existing.id, checkout_url: existing.checkoutUrl },
      },
    );
  }
}

/**
 * The session a request makes under these settings: what it leaves out taken from them, checked like
 * the request's own. Throws the request's field errors.
 */
function plannedSession(
  ctx: MerchantCtx,
  input: CreateSession,
  settings: DefaultSettings,
  dialect: SessionRow['dialect'],
): SessionRow {
  const { input: withDefaults, requiredCustomerFields } = withModeDefaults(input, settings);
  const { country, customer } = resolveSessionInput(withDefaults, {
    mode: ctx.mode,
    merchantCountry: ctx.merchant.country,
    allowLoopbackUrls: ctx.allowLoopbackUrls,
    now: ctx.now,
  });
  // The methods a session names (its own, or the mode's enabled ones standing in) must include one
  // offered in its country and currency: otherwise the customer would face a page with nothing to pay with.
  if (withDefaults.payment_method != null) {
    const offer = { country, currency: withDefaults.currency, paymentMethod: withDefaults.payment_method };
    if (
      availableMethods({ ...offer, paymentSettings: null, amount: withDefaults.amount }, null).length === 0
    ) {
      const named = [withDefaults.payment_method].flat().join(', ');
      const whose =
        input.payment_method == null ? "the methods enabled in this mode's settings" : 'the methods named';
      throw fieldError(
        'payment_method',
        'method_not_available',
        `None of ${whose} (${named}) is offered in ${country} for ${withDefaults.currency}.`,
      );
    }
  }
  return {
    ...newSessionRow(ctx, withDefaults, { country, customer }, dialect, newId(`cs_${ctx.mode}`)),
    requiredCustomerFields,
  };
}

/** The row of a new open session (every dialect creates its sessions from this). */
export function newSessionRow(
  ctx: MerchantCtx,
  input: CreateSession,
  resolved: { country: string; customer: SessionRow['customer'] },
  dialect: SessionRow['dialect'],
  id: string,
): SessionRow {
  const now = ctx.now;
  return {
    id,
    merchantId: ctx.merchant.id,
    mode: ctx.mode,
    status: 'open',
    amount: input.amount,
    currency: input.currency,
    country: resolved.country,
    merchantOrderId: input.merchant_order_id,
    paymentMethod: input.payment_method ?? null,
    gatewayFirstTry: input.gateway_first_try ?? null,
    description: input.description ?? null,
    locale: input.locale ?? null,
    customer: resolved.customer,
    metadata: input.metadata,
    paymentSettings: input.payment_settings ?? null,
    successUrl: input.success_url ?? null,
    cancelUrl: input.cancel_url ?? null,
    notificationUrl: input.notification_url ?? null,
    paymentFailureUrl: input.payment_failure_url ?? null,
    notifyCustomer: input.notify_customer ?? null,
    requiredCustomerFields: null,
    checkoutUrl: `${ctx.baseUrl}/checkout/${id}`,
    dialect,
    // Whole seconds, so the expires_at the merchant reads is exactly the instant enforced.
    expiresAt: Math.floor(now / 1000) * 1000 + input.expires_in * 1000,
    pendingUntil: null,
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
}

/** The open, pending or paid session of an order (there is at most one), if any. */
export async function findLiveSessionForOrder(
  ctx: MerchantCtx,
  orderId: string,
): Promise<SessionRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(checkoutSessions)
    .where(
      and(
        ownedBy(checkoutSessions, ctx.merchant.id, ctx.mode),
        eq(checkoutSessions.merchantOrderId, orderId),
        inArray(checkoutSessions.status, ['open', 'pending', 'paid']),
      ),
    )
    .limit(1);
  return row;
}

/**
 * A session of this merchant and mode with its payment attempts, in one D1 round trip (a batch of
 * two selects). Anything else is 404, never 403, so ids leak nothing.
 */
/** The session of this merchant and mode with its payments, oldest first, as D1 has them. */
async function readSessionWithPayments(ctx: MerchantCtx, token: string) {
  const owned = and(eq(checkoutSessions.id, token), ownedBy(checkoutSessions, ctx.merchant.id, ctx.mode));
  const [sessions, attempts] = await ctx.db.batch([
    ctx.db.select().from(checkoutSessions).where(owned).limit(1),
    ctx.db
      .select()
      .from(payments)
      .where(and(eq(payments.sessionId, token), ownedBy(payments, ctx.merchant.id, ctx.mode)))
      .orderBy(asc(payments.createdAt), asc(payments.id)),
  ]);
  const session = sessions[0];
  if (!session) throw new ApiError('not_found', 'No such checkout session.');
  return { session, payments: attempts };
}

/**
 * GET /api/v1/checkout/sessions/{token}. A session found past its time that no sweep has reached yet
 * is expired on the spot by its object (which never expires it under a payment in flight, and closes
 * an issued PIX with it), then read again: the merchant sees what the checkout page sees.
 */
export async function getSessionWithPayments({ ctx, input }: { ctx: MerchantCtx; input: { token: string } }) {
  const read = await readSessionWithPayments(ctx, input.token);
  const { session } = read;
  if ((session.status !== 'open' && session.status !== 'pending') || ctx.now < dueAt(session)) return read;
  await ctx.transition({ sessionId: session.id, to: 'expired', onlyIfDue: true, now: ctx.now });
  return readSessionWithPayments(ctx, input.token);
}

export async function listSessions({ ctx, input }: { ctx: MerchantCtx; input: ListSessionsQuery }) {
  const conditions: SQL[] = [ownedBy(checkoutSessions, ctx.merchant.id, ctx.mode)];
  if (input.status) conditions.push(eq(checkoutSessions.status, input.status));
  if (input.merchant_order_id) conditions.push(eq(checkoutSessions.merchantOrderId, input.merchant_order_id));
  conditions.push(...createdRangeAndCursor(checkoutSessions, input));
  const rows = await ctx.db
    .select()
    .from(checkoutSessions)
    .where(and(...conditions))
    .orderBy(desc(checkoutSessions.createdAt), desc(checkoutSessions.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit);
}

export async function expireSession({
  ctx,
  input,
}: {
  ctx: MerchantCtx;
  input: { token: string };
}): Promise<SessionRow> {
  const outcome = await ctx.transition({
    sessionId: input.token,
    to: 'expired',
    owner: { merchantId: ctx.merchant.id, mode: ctx.mode },
    now: ctx.now,
  });
  if (outcome.ok) return outcome.session;
  throw refusalError(outcome);
}
