import { Hono } from 'hono';
import { clientRoutes } from '../checkout/api/routes';
import { checkoutPageRoutes } from '../checkout/routes';
import { seed000Routes } from '../dialects/cashier/routes';
import { seed002Routes } from '../dialects/fintoc/routes';
import { widgetRoutes } from '../dialects/fintoc/widget-routes';
import { seed004Routes } from '../dialects/orders/routes';
import { seed003Routes } from '../dialects/pix-direct/routes';
import { adminRoutes } from '../features/admin/routes';
import { mailboxRoutes } from '../features/dev/routes';
import { eventsRoutes } from '../features/events/routes';
import { gatewaysRoutes } from '../features/gateway-accounts/routes';
import { gatewayWebhookRoutes } from '../features/gateway-webhooks/routes';
import { merchantRoutes } from '../features/merchant/routes';
import { paymentsRoutes, testRoutes } from '../features/payments/routes';
import { bankAccountRoutes } from '../features/refunds/bank-account-routes';
import { refundsRoutes, testRefundRoutes } from '../features/refunds/routes';
import { sessionsRoutes } from '../features/sessions/routes';
import { webhookEndpointsRoutes } from '../features/webhook-endpoints/routes';
import { docsRoutes } from '../openapi/routes';
import { panelRoutes } from '../panel';
import { requireSecretKey } from './auth';
import type { AppEnv } from './context';
import { contract } from './contract';
import { ApiError } from './errors';
import { idempotency } from './idempotency';
import { database, rawBody, requestId } from './middleware';
import { problemResponse } from './problem';
import { SplitRouter } from './router';
import { securityHeaders } from './security-headers';

export function buildApp() {
  // The API and the checkout are matched by hono's RegExpRouter, the panel by its TrieRouter (see the file).
  const app = new Hono<AppEnv>({ router: new SplitRouter() });
  app.use(requestId, securityHeaders, database);

  app.get(
    '/healthz',
    contract({
      operationId: 'health',
      summary: 'Liveness: the Worker answers',
      tag: 'Reference',
      auth: 'none',
      ok: { 200: { description: '{"ok": true}' } },
    }),
    (c) => c.json({ ok: true }),
  );
  app.route('/', docsRoutes(app));
  app.route('/', checkoutPageRoutes);

  app.route('/dashboard', panelRoutes);
  app.route('/admin/v1', adminRoutes);
  app.route('/c/v1/sessions', clientRoutes);
  app.route('/webhooks/gateways', gatewayWebhookRoutes);
  app.route('/refunds', bankAccountRoutes);
  app.route('/dev/mailbox', mailboxRoutes);

  const api = new Hono<AppEnv>().use(requireSecretKey, rawBody, idempotency);
  api.route('/checkout/sessions', sessionsRoutes);
  api.route('/payments', paymentsRoutes);
  api.route('/test', testRoutes);
  api.route('/test', testRefundRoutes);
  api.route('/refunds', refundsRoutes);
  api.route('/events', eventsRoutes);
  api.route('/webhook_endpoints', webhookEndpointsRoutes);
  api.route('/gateways', gatewaysRoutes);
  api.route('/', merchantRoutes);
  api.route('/', seed000Routes);
  app.route('/api/v1', api);

  // Provider dialects: thin translations onto the canonical model.
  const v1 = new Hono<AppEnv>().use(requireSecretKey, rawBody, idempotency);
  v1.route('/', seed002Routes);
  v1.route('/', seed003Routes);
  app.route('/v1', v1);
  // POST /checkout/orders only; the group's routes carry their own auth, so GET /checkout/{token} stays public.
  app.route('/checkout', seed004Routes);
  app.route('/', widgetRoutes);

  app.notFound((c) =>
    problemResponse(
      c,
      new ApiError('not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`),
    ),
  );
  app.onError((err, c) => {
    if (err instanceof ApiError) return problemResponse(c, err);
    // Never echo the error: it might hold request data. The request id ties the log to the reply.
    console.error(
      `request ${c.get('requestId')} failed: ${err instanceof Error ? err.name : 'unknown'}`,
      err,
    );
    return problemResponse(
      c,
      new ApiError('internal_error', `Reference ${c.get('requestId')} when contacting support.`),
    );
  });
  return app;
}
