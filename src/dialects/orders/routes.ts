import { Hono } from 'hono';
import { orderSignature, verifyOrderSignature } from '../../checkout/link-signature';
import type { SessionRow } from '../../db/schema';
import type { MerchantCtx } from '../../features/context';
import { applyModeDefaults } from '../../features/merchant/defaults-read';
import { resolveSessionInput } from '../../features/sessions/input';
import { CreateSession } from '../../features/sessions/schema';
import { serializeSession } from '../../features/sessions/serialize';
import { findLiveSessionForOrder, newSessionRow } from '../../features/sessions/service';
import { requireSecretKey } from '../../http/auth';
import { jsonBody, validate } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { contract } from '../../http/contract';
import { ApiError, fieldError } from '../../http/errors';
import { idempotency } from '../../http/idempotency';
import { rawBody } from '../../http/middleware';
import { merchantCtx } from '../../http/service-ctx';
import { newId } from '../../lib/ids';
import { Order as OrderObject } from '../responses';
import { orderBody } from './payload';
import { Seed004CreateOrder } from './schema';
import { insertOrderSession, latestOrder, orderById, orderUrl, repointOrder, saveOrder } from './store';

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
 * POST /checkout/orders: Southpayments' order over the canonical session. merchant_key names the
 * order; posting it again while the order is payable "updates the amount", which Borda does by
 * replacing the open session behind it (amounts are immutable per session): the old one is canceled
 * through its SessionDO, a new one stands behind the same order id and checkout_url, 200. A paid
 * order, or one with a payment in flight, is refused (409).
 */
export const seed004Routes = new Hono<AppEnv>()
  .post(
    '/orders',
    contract({
      operationId: 'ordersCreateOrder',
      summary: 'Create an order, or update it by merchant_key while it is payable (Southpayments orders)',
      tag: 'Dialect: Southpayments orders',
      auth: 'secretKey',
      body: Seed004CreateOrder,
      idempotent: true,
      ok: {
        201: { description: 'The order, created', schema: OrderObject },
        200: { description: 'The order, updated while still payable', schema: OrderObject },
      },
      errors: ['validation_failed', 'order_already_paid', 'invalid_api_key'],
    }),
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
      const existing = await latestOrder(ctx, order.merchant_key);
      const live = await findLiveSessionForOrder(ctx, order.merchant_key);
      if (live && live.status !== 'open') throw refusal(order.merchant_key, live, existing?.id);
      // The order stays the same object while it is payable: its id and URL keep working.
      const current = live && existing?.sessionId === live.id ? existing : undefined;
      const orderId = current?.id ?? newId('ord');
      const checkoutUrl = await orderUrl(ctx, orderId);
      const row = await buildRow(ctx, order, checkoutUrl);
      // The order points at the new session before the old one is canceled, so that cancellation is
      // known to be the replaced session's, not the order's; any refusal below points it back.
      if (current && live && !(await repointOrder(ctx.db, current.id, live.id, row.id))) {
        throw refusal(order.merchant_key, undefined, current.id);
      }
      let created: SessionRow | undefined;
      try {
        if (live) await releaseOpenOrder(ctx, order.merchant_key, existing?.id);
        created = await insertOrderSession(ctx.db, row);
        // Another request took the order between our release and insert.
        if (!created)
          throw refusal(
            order.merchant_key,
            await findLiveSessionForOrder(ctx, order.merchant_key),
            existing?.id,
          );
      } catch (err) {
        if (current && live) await repointOrder(ctx.db, current.id, row.id, live.id);
        throw err;
      }
      const replaced = live !== undefined;
      const customer = orderCustomer(order.customer);
      const saved = await saveOrder(
        ctx,
        { id: orderId, merchantKey: order.merchant_key, sessionId: created.id, customer },
        existing,
      );
      const view = serializeSession(created);
      const body = orderBody({
        id: saved.id,
        amount: view.amount,
        checkoutUrl,
        status: view.status,
        merchantKey: saved.merchantKey,
        description: view.description,
        livemode: view.livemode,
        createdAt: saved.createdAt,
        updatedAt: saved.updatedAt,
        customer,
      });
      return c.json(body, replaced ? 200 : 201);
    },
  )
  .get(
    '/orders/:id',
    contract({
      operationId: 'ordersCheckoutLink',
      summary: "The order's checkout link: sends the customer to the order's current session (signed)",
      tag: 'Dialect: Southpayments orders',
      auth: 'customer',
      ok: { 302: { description: 'To the checkout page' } },
      errors: ['not_found'],
    }),
    async (c) => {
      // The order's stable checkout_url: checked like the page checks a session's, then on to the session
      // that stands behind the order now.
      const id = c.req.param('id');
      const { secrets } = c.get('platform');
      if (!(await verifyOrderSignature(secrets, id, c.req.query('signature')))) {
        throw new ApiError('not_found', 'No such order.');
      }
      const order = await orderById(c.get('db'), id);
      if (!order) throw new ApiError('not_found', 'No such order.');
      const signature = await orderSignature(order.sessionId, secrets.signingKey);
      c.header('cache-control', 'no-store');
      c.header('referrer-policy', 'no-referrer');
      return c.redirect(`/checkout/${order.sessionId}?signature=${signature}`, 302);
    },
  );

/** The 409s name the order by its id (the order's own, or a session's for an order made before orders had one). */
function refusal(merchantKey: string, live: SessionRow | undefined, orderId?: string): ApiError {
  const id = orderId ?? live?.id;
  if (live?.status === 'paid') {
    return new ApiError('order_already_paid', `Order ${merchantKey} is already paid.`, {
      extra: { id },
    });
  }
  return new ApiError(
    'order_has_open_session',
    live?.status === 'pending'
      ? `Order ${merchantKey} has a payment in progress; its amount cannot change now.`
      : `Order ${merchantKey} is being changed by another request; retry.`,
    id ? { extra: { id } } : undefined,
  );
}

/**
 * Frees the merchant_key for a new session. Only an open session is released (canceled through its
 * SessionDO, the single writer, so a payment racing with us either lands first, and we refuse, or is
 * refused by the object). Returns whether an order existed, i.e. whether this is an update (200).
 */
async function releaseOpenOrder(ctx: MerchantCtx, merchantKey: string, orderId?: string): Promise<boolean> {
  const live = await findLiveSessionForOrder(ctx, merchantKey);
  if (!live) return false;
  if (live.status !== 'open') throw refusal(merchantKey, live, orderId);
  const outcome = await ctx.transition({
    sessionId: live.id,
    to: 'canceled',
    owner: { merchantId: ctx.merchant.id, mode: ctx.mode },
    now: ctx.now,
  });
  if (outcome.ok) return true;
  // Refused: it may have expired on its own (still fine to replace) or been paid meanwhile (not).
  const now = await findLiveSessionForOrder(ctx, merchantKey);
  if (now) throw refusal(merchantKey, now, orderId);
  return true;
}

async function buildRow(ctx: MerchantCtx, order: Order, checkoutUrl: string): Promise<SessionRow> {
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
    notify_customer: order.notify_customer,
  });
  // "Se não for enviado, considera o configurado no painel de controle": each omitted setting is the mode's.
  const { input: withDefaults, requiredCustomerFields } = await applyModeDefaults(
    ctx.db,
    ctx.merchant.id,
    ctx.mode,
    canonical,
  );
  const resolved = resolveSessionInput(withDefaults, {
    mode: ctx.mode,
    merchantCountry: ctx.merchant.country,
    allowLoopbackUrls: ctx.allowLoopbackUrls,
    now: ctx.now,
  });
  const id = newId(`cs_${ctx.mode}`);
  return {
    ...newSessionRow(ctx, withDefaults, resolved, DIALECT, id),
    requiredCustomerFields,
    // Southpayments' checkout is Brazilian; its orders carry no locale.
    locale: 'pt-BR',
    // The order's URL, so every later copy (events, the canonical GET, customer e-mail) hands out the link
    // that keeps working when the order is updated.
    checkoutUrl,
  };
}

/** The customer as the order object shows it; the phone's country code defaults to 55, as documented. */
function orderCustomer(sp: Order['customer']): Record<string, unknown> | null {
  if (!sp) return null;
  return {
    ...sp,
    phone_country_code: sp.phone_number ? (sp.phone_country_code ?? '55') : sp.phone_country_code,
  };
}
