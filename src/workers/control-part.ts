import { adminRoutes } from '../features/admin/routes';
import { mailboxRoutes } from '../features/dev/routes';
import { eventsRoutes } from '../features/events/routes';
import { gatewaysRoutes } from '../features/gateway-accounts/routes';
import { merchantRoutes } from '../features/merchant/routes';
import { paymentsRoutes, testRoutes } from '../features/payments/routes';
import { bankAccountRoutes } from '../features/refunds/bank-account-routes';
import { refundsRoutes, testRefundRoutes } from '../features/refunds/routes';
import { webhookEndpointsRoutes } from '../features/webhook-endpoints/routes';
import type { Mount } from '../http/app';
import { docsRoutes } from '../openapi/routes';
import { panelRoutes } from '../panel';

/**
 * The control Worker's routes: what a merchant does after the checkout. The control panel, the rest
 * of the merchant API (payments, refunds, events, webhook endpoints, gateways, settings), the operator's
 * admin API, the API reference, the customer's refund bank-account page and the local dev mailbox.
 */
export function controlPart({ app, api }: Mount) {
  app.route('/', docsRoutes);
  app.route('/dashboard', panelRoutes);
  app.route('/admin/v1', adminRoutes);
  app.route('/refunds', bankAccountRoutes);
  app.route('/dev/mailbox', mailboxRoutes);
  api.route('/payments', paymentsRoutes);
  api.route('/test', testRoutes);
  api.route('/test', testRefundRoutes);
  api.route('/refunds', refundsRoutes);
  api.route('/events', eventsRoutes);
  api.route('/webhook_endpoints', webhookEndpointsRoutes);
  api.route('/gateways', gatewaysRoutes);
  api.route('/', merchantRoutes);
}
