import { eq, getTableColumns, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { checkoutSessions, events, type SessionRow } from '../../db/schema';
import { requireSecretKey } from '../../http/auth';
import { jsonBody, validate } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { ApiError, fieldError } from '../../http/errors';
import { idempotency } from '../../http/idempotency';
import { rawBody } from '../../http/middleware';
import { merchantCtx } from '../../http/service-ctx';
import { newId } from '../../lib/ids';
import type { MerchantCtx } from '../../services/context';
import { defaultPaymentSettings } from '../../services/merchant-settings';
import { resolveSessionInput } from '../../services/session-input';
import { findLiveSessionForOrder, newSessionRow } from '../../services/sessions';
import { CreateSession } from '../sessions/schema';
import { serializeSession } from '../sessions/serialize';
import { CUSTOMER_FIELDS, CUSTOMER_META_PREFIX, orderObject } from './seed004-payload';
import { Seed004CreateOrder } from './seed004-schema';
import { orderSignature } from './seed004-signature';

export { verifyOrderSignature } from './seed004-signature';

/** The outbox event recording that the customer is to be told about the order (no sender exists yet). */
export const CUSTOMER_NOTIFICATION_EVENT = 'customer_notification.requested';

/**
 * Southpayments orders carry no lifetime; Borda sessions must. The longest canonical one (24 h) keeps
 * an unpaid link alive as long as Borda allows; an issued boleto holds its session past it anyway.
 */
const ORDER_EXPIRES_IN = 86400;

/**
 * The dialect id stored on the session. The schema's `dialect` enum does not list 'seed004' yet
 * (a TS-only enum: SQLite stores any text), so the literal is widened through string.
 */
const DIALECT = 'seed004' as string as SessionRow['dialect'];

type Order = Seed004CreateOrder['order'];

/**
 * POST /checkout/orders: seed 004's order over the canonical session. merchant_key is the order id;
 * posting it again while the order is payable "updates the amount", which Borda does by replacing the
 * open session (amounts are immutable per session): the old one is canceled through its SessionDO,
 * a new one is created, 200. A paid order, or one with a payment in flight, is refused (409).
 */
export const seed004Routes = new Hono<AppEnv>().post(
  '/orders',
  requireSecretKey,
  rawBody,
  idempotency,
  async (c) => {
    const input = jsonBody(c, Seed004CreateOrder);
    const ctx = merchantCtx(c);
    if (input.merchant_id !== ctx.merchant.id) {
      throw fieldError('merchant_id', 'merchant_mismatch', 'does not match the merchant of the API key.');
    }
    const { order } = input;
    const sandbox = ctx.mode === 'test';
    // Omitted, sandbox follows the key; sent, it must agree: a live charge is never made from a test
    // key nor a test charge from a live key because a flag and a key disagreed.
    if (order.sandbox !== undefined && order.sandbox !== sandbox) {
      throw fieldError(
        'order.sandbox',
        'mode_mismatch',
        sandbox
          ? 'must be true (or omitted) with a test key.'
          : 'must be false (or omitted) with a live key.',
      );
    }
    const replaced = await releaseOpenOrder(ctx, order.merchant_key);
    const row = await buildRow(ctx, order, c.env.ENCRYPTION_KEY);
    const created = await insertOrder(ctx, row, order);
    if (!created) {
      // Another request took the order between our release and insert.
      const live = await findLiveSessionForOrder(ctx, order.merchant_key);
      throw refusal(order.merchant_key, live);
    }
    return c.json(orderObject(serializeSession(created), created.updatedAt), replaced ? 200 : 201);
  },
);

function refusal(merchantKey: string, live: SessionRow | undefined): ApiError {
  if (live?.status === 'paid') {
    return new ApiError('order_already_paid', `Order ${merchantKey} is already paid.`, {
      extra: { id: live.id },
    });
  }
  return new ApiError(
    'order_has_open_session',
    live?.status === 'pending'
      ? `Order ${merchantKey} has a payment in progress; its amount cannot change now.`
      : `Order ${merchantKey} is being changed by another request; retry.`,
    live ? { extra: { id: live.id } } : undefined,
  );
}

/**
 * Frees the merchant_key for a new session. Only an open session is released (canceled through its
 * SessionDO, the single writer, so a payment racing with us either lands first, and we refuse, or is
 * refused by the object). Returns whether an order existed, i.e. whether this is an update (200).
 */
async function releaseOpenOrder(ctx: MerchantCtx, merchantKey: string): Promise<boolean> {
  const live = await findLiveSessionForOrder(ctx, merchantKey);
  if (!live) return false;
  if (live.status !== 'open') throw refusal(merchantKey, live);
  const outcome = await ctx.transition({
    sessionId: live.id,
    to: 'canceled',
    owner: { merchantId: ctx.merchant.id, mode: ctx.mode },
    now: ctx.now,
  });
  if (outcome.ok) return true;
  // Refused: it may have expired on its own (still fine to replace) or been paid meanwhile (not).
  const now = await findLiveSessionForOrder(ctx, merchantKey);
  if (now) throw refusal(merchantKey, now);
  return true;
}

async function buildRow(ctx: MerchantCtx, order: Order, encryptionKey: string): Promise<SessionRow> {
  const sp = order.customer;
  // The canonical checks (webhook URLs, customer document, settings) run on the canonical request.
  const canonical = validate(CreateSession, {
    amount: order.amount,
    currency: 'BRL',
    country: 'BRA',
    merchant_order_id: order.merchant_key,
    description: order.description,
    expires_in: ORDER_EXPIRES_IN,
    customer: sp
      ? {
          name: sp.name,
          email: sp.email,
          document: sp.legal_number,
          phone: sp.phone_number ? `+${sp.phone_country_code ?? '55'}${sp.phone_number}` : undefined,
        }
      : undefined,
    notification_url: order.notify_url,
    payment_failure_url: order.payment_failure_url,
    // The listed methods are the only ones offered ("meios de pagamentos disponibilizados").
    payment_method: order.payments_settings?.map((s) => s.payment_type),
    payment_settings: order.payments_settings,
  });
  const resolved = resolveSessionInput(canonical, {
    mode: ctx.mode,
    merchantCountry: ctx.merchant.country,
    allowLoopbackUrls: ctx.allowLoopbackUrls,
  });
  const id = newId(`cs_${ctx.mode}`);
  return {
    ...newSessionRow(ctx, canonical, resolved, DIALECT, id),
    // An order without payments_settings takes the panel's defaults for its mode.
    paymentSettings:
      (canonical.payment_settings as unknown[] | undefined) ??
      (await defaultPaymentSettings(ctx.db, ctx.merchant.id, ctx.mode)),
    // Southpayments' checkout is Brazilian; its orders carry no locale.
    locale: 'pt-BR',
    metadata: customerMetadata(sp),
    // Stored signed, so every later copy (events, the canonical GET) hands out the same link.
    checkoutUrl: `${ctx.baseUrl}/checkout/${id}?signature=${await orderSignature(id, encryptionKey)}`,
  };
}

/**
 * Seed 004 requests have no metadata of their own, so the session's metadata is free to keep the
 * customer exactly as sent (type, billing address, the merchant's customer key): the order object
 * is rebuilt from it in responses and webhooks. Flat string/number values keep the Metadata contract.
 */
function customerMetadata(sp: Order['customer']): Record<string, unknown> {
  if (!sp) return {};
  const meta: Record<string, unknown> = {};
  const withDefault = {
    ...sp,
    phone_country_code: sp.phone_number ? (sp.phone_country_code ?? '55') : sp.phone_country_code,
  };
  for (const f of CUSTOMER_FIELDS) {
    const v = withDefault[f];
    if (v !== undefined) meta[CUSTOMER_META_PREFIX + f] = v;
  }
  return meta;
}

/**
 * Inserts the session and, when the customer is to be notified, its outbox row, in one D1 batch
 * (one transaction). The event is an INSERT ... SELECT from the new session row, so it exists only
 * if the session insert won the order (the partial unique index is the race-free check).
 */
async function insertOrder(ctx: MerchantCtx, row: SessionRow, order: Order): Promise<SessionRow | null> {
  const insert = ctx.db.insert(checkoutSessions).values(row).onConflictDoNothing().returning();
  const channel = order.notify_customer;
  if (channel === undefined || channel === 'none') return (await insert)[0] ?? null;
  const values: typeof events.$inferInsert = {
    id: newId('evt'),
    merchantId: row.merchantId,
    mode: row.mode,
    type: CUSTOMER_NOTIFICATION_EVENT,
    sessionId: row.id,
    paymentId: null,
    data: {
      checkout_session_id: row.id,
      merchant_key: row.merchantOrderId,
      channel,
      amount: row.amount,
      checkout_url: row.checkoutUrl,
    },
    createdAt: row.createdAt,
    // Marked as handed over so the webhook cron never POSTs it to the merchant: it is addressed to a
    // customer sender (email/SMS), which does not exist yet, and stays here for it to consume.
    enqueuedAt: row.createdAt,
  };
  const columns = getTableColumns(events);
  const fields = Object.fromEntries(
    Object.entries(columns).map(([key, column]) => {
      const value = (values as Record<string, unknown>)[key] ?? null;
      return [key, sql`${value === null ? null : sql.param(value, column)}`.as(column.name)];
    }),
  );
  const notify = ctx.db
    .insert(events)
    .select(ctx.db.select(fields).from(checkoutSessions).where(eq(checkoutSessions.id, row.id)) as never);
  const [inserted] = await ctx.db.batch([insert, notify]);
  return inserted[0] ?? null;
}
