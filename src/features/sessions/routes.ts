import { Hono } from 'hono';
import { paymentView } from '../../core/session/payment-view';
import { jsonBody, validate } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { contract } from '../../http/contract';
import { merchantCtx } from '../../http/service-ctx';
import { listSessionNotifications } from '../notifications/service';
import { Payment } from '../payments/schema';
import { CustomerNotificationList } from './notifications-schema';
import { CheckoutSession, CheckoutSessionList, CreateSession, ListSessionsQuery } from './schema';
import { serializeSession } from './serialize';
import { createSession, expireSession, getSessionWithPayments, listSessions } from './service';

const CheckoutSessionWithPayments = CheckoutSession.extend({ payments: Payment.array() }).meta({
  id: 'CheckoutSessionWithPayments',
});

/** Merchant API: /api/v1/checkout/sessions. Auth and idempotency are applied by the parent group. */
export const sessionsRoutes = new Hono<AppEnv>()
  .post(
    '/',
    contract({
      operationId: 'createCheckoutSession',
      summary: 'Create a checkout session',
      tag: 'Checkout sessions',
      auth: 'secretKey',
      body: CreateSession,
      idempotent: true,
      ok: { 201: { description: 'The session, with its checkout_url', schema: CheckoutSession } },
      errors: [
        'validation_failed',
        'order_has_open_session',
        'order_already_paid',
        'invalid_api_key',
        'idempotency_key_reused',
      ],
    }),
    async (c) => {
      const session = await createSession({ ctx: merchantCtx(c), input: jsonBody(c, CreateSession) });
      return c.json(serializeSession(session), 201);
    },
  )
  .get(
    '/',
    contract({
      operationId: 'listCheckoutSessions',
      summary: 'List checkout sessions, newest first',
      tag: 'Checkout sessions',
      auth: 'secretKey',
      query: ListSessionsQuery,
      ok: { 200: { description: 'A page of sessions', schema: CheckoutSessionList } },
      errors: ['validation_failed', 'invalid_api_key'],
    }),
    async (c) => {
      const input = validate(ListSessionsQuery, c.req.query());
      const { page, hasMore, nextCursor } = await listSessions({ ctx: merchantCtx(c), input });
      return c.json({
        object: 'list',
        data: page.map(serializeSession),
        has_more: hasMore,
        next_cursor: nextCursor,
      });
    },
  )
  .get(
    '/:token',
    contract({
      operationId: 'getCheckoutSession',
      summary: 'Retrieve a checkout session with its payment attempts',
      tag: 'Checkout sessions',
      auth: 'secretKey',
      ok: { 200: { description: 'The session', schema: CheckoutSessionWithPayments } },
      errors: ['not_found', 'invalid_api_key'],
    }),
    async (c) => {
      const { session, payments } = await getSessionWithPayments({
        ctx: merchantCtx(c),
        input: { token: c.req.param('token') },
      });
      return c.json({ ...serializeSession(session), payments: payments.map(paymentView) });
    },
  )
  .get(
    '/:token/notifications',
    contract({
      operationId: 'listSessionNotifications',
      summary: "The messages sent to the session's customer (e-mail, SMS), with attempts and provider ids",
      tag: 'Checkout sessions',
      auth: 'secretKey',
      ok: { 200: { description: 'Oldest first', schema: CustomerNotificationList } },
      errors: ['not_found', 'invalid_api_key'],
    }),
    async (c) =>
      c.json(await listSessionNotifications({ ctx: merchantCtx(c), input: { token: c.req.param('token') } })),
  )
  .post(
    '/:token/expire',
    contract({
      operationId: 'expireCheckoutSession',
      summary: 'Expire an open or pending session now',
      tag: 'Checkout sessions',
      auth: 'secretKey',
      idempotent: true,
      ok: { 200: { description: 'The expired session', schema: CheckoutSession } },
      errors: ['not_found', 'session_paid', 'session_expired', 'session_canceled', 'invalid_api_key'],
    }),
    async (c) => {
      const session = await expireSession({ ctx: merchantCtx(c), input: { token: c.req.param('token') } });
      return c.json(serializeSession(session));
    },
  );
