import { Hono } from 'hono';
import { paymentView } from '../../core/session/payment-view';
import { jsonBody, validate } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { contract } from '../../http/contract';
import { merchantCtx } from '../../http/service-ctx';
import { listSessionNotifications } from '../notifications/service';
import { Payment } from '../payments/schema';
import { CheckoutSession, CheckoutSessionList, CreateSession, ListSessionsQuery } from './schema';
import { serializeSession } from './serialize';
import { createSession, expireSession, getSessionWithPayments, listSessions } from './service';

const CheckoutSessionWithPayments = CheckoutSession.extend({ payments: Payment.array() }).meta({
  id: 'CheckoutSessionWithPayments',
});

/** Merchant API: /api/v1/checkout/sessions. Auth and idempotency are applied by the parent group. */
export const sessionsRoutes = new Hono<AppEnv>()
  .post('/', async (c) => {
    const session = await createSession({ ctx: merchantCtx(c), input: jsonBody(c, CreateSession) });
    return c.json(serializeSession(session), 201);
  })
  .get('/', async (c) => {
    const input = validate(ListSessionsQuery, c.req.query());
    const { page, hasMore, nextCursor } = await listSessions({ ctx: merchantCtx(c), input });
    return c.json({
      object: 'list',
      data: page.map(serializeSession),
      has_more: hasMore,
      next_cursor: nextCursor,
    });
  })
  .get('/:token', async (c) => {
    const { session, payments } = await getSessionWithPayments({
      ctx: merchantCtx(c),
      input: { token: c.req.param('token') },
    });
    return c.json({ ...serializeSession(session), payments: payments.map(paymentView) });
  })
  .get('/:token/notifications', async (c) =>
    c.json(await listSessionNotifications({ ctx: merchantCtx(c), input: { token: c.req.param('token') } })),
  )
  .post('/:token/expire', async (c) => {
    const session = await expireSession({ ctx: merchantCtx(c), input: { token: c.req.param('token') } });
    return c.json(serializeSession(session));
  });
