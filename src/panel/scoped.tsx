import { Hono } from 'hono';
import { ApiError } from '../domain/errors';
import type { Mode } from '../domain/tenant';
import type { PanelEnv } from './context';
import { developerRoutes } from './developer-routes';
import { paymentRoutes } from './payment-routes';
import { settingsRoutes } from './settings-routes';
import { webhookRoutes } from './webhook-routes';

/** What a panel path no page answers raises: the panel's error handler shows it as a 404 page. */
export function noPageAt(url: string): ApiError {
  return new ApiError('not_found', `There is no page at ${new URL(url).pathname}.`);
}

/**
 * Everything under /dashboard/{test|live}/: each view and action runs through the API's services
 * with a context of the signed-in user's merchant and the mode in the URL, so the switch scopes
 * every query exactly as a key of that mode would.
 */
export const scopedRoutes = new Hono<PanelEnv>()
  .use(async (c, next) => {
    const mode = c.req.param('mode' as never) as string | undefined;
    if (mode !== 'test' && mode !== 'live') throw noPageAt(c.req.url);
    c.set('mode', mode as Mode);
    await next();
  })
  .route('/', paymentRoutes)
  .route('/', webhookRoutes)
  .route('/', developerRoutes)
  .route('/', settingsRoutes);
