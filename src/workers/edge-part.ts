import { clientRoutes } from '../checkout/api/routes';
import { checkoutPageRoutes } from '../checkout/routes';
import { seed000Routes } from '../dialects/cashier/routes';
import { seed002Routes } from '../dialects/fintoc/routes';
import { widgetRoutes } from '../dialects/fintoc/widget-routes';
import { seed004Routes } from '../dialects/orders/routes';
import { seed003Routes } from '../dialects/pix-direct/routes';
import { sessionsRoutes } from '../features/sessions/routes';
import type { Mount } from '../http/app';

/**
 * The edge Worker's routes: what a checkout needs on its way to being paid. The checkout pages and
 * their client API, sessions created and read by the merchant, the provider dialects and the widget.
 */
export function edgePart({ app, api, v1 }: Mount) {
  app.route('/', checkoutPageRoutes);
  app.route('/c/v1/sessions', clientRoutes);
  api.route('/checkout/sessions', sessionsRoutes);
  api.route('/', seed000Routes);
  v1.route('/', seed002Routes);
  v1.route('/', seed003Routes);
  // POST /checkout/orders only; the group's routes carry their own auth, so GET /checkout/{token} stays public.
  app.route('/checkout', seed004Routes);
  app.route('/', widgetRoutes);
}
