import { gatewayWebhookRoutes } from '../features/gateway-webhooks/routes';
import type { Mount } from '../http/app';

/**
 * The core Worker's routes: gateways' notifications, which settle payments through the connectors the
 * core Worker holds anyway for the SessionDO.
 */
export function corePart({ app }: Mount) {
  app.route('/webhooks/gateways', gatewayWebhookRoutes);
}
