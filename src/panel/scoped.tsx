import { Hono } from 'hono';
import type { Mode } from '../domain/tenant';
import { rollWebhookSecret } from '../features/merchant/webhook-secret';
import { listApiKeys, rollApiKey } from '../features/panel/api-keys';
import { requirePermission } from './auth/middleware';
import type { PanelEnv } from './context';
import { paymentRoutes } from './payment-routes';
import { audit, base, mctx, shell } from './scope-helpers';
import { settingsRoutes } from './settings-routes';
import { DevelopersPage } from './views/developers';
import { webhookRoutes } from './webhook-routes';

/**
 * Everything under /dashboard/{test|live}/: each view and action runs through the API's services
 * with a context of the signed-in user's merchant and the mode in the URL, so the switch scopes
 * every query exactly as a key of that mode would.
 */
export const scopedRoutes = new Hono<PanelEnv>()
  .use(async (c, next) => {
    const mode = c.req.param('mode' as never) as string | undefined;
    if (mode !== 'test' && mode !== 'live') return c.notFound();
    c.set('mode', mode as Mode);
    await next();
  })
  .route('/', paymentRoutes)
  .route('/', webhookRoutes)
  .get('/developers', requirePermission('keys.roll'), async (c) => {
    const keys = await listApiKeys(mctx(c));
    return shell(c, 'Developers', () => <DevelopersPage base={base(c)} csrf={c.get('csrf')} keys={keys} />);
  })
  .post('/developers/keys/roll', requirePermission('keys.roll'), async (c) => {
    const kind = c.get('form').kind === 'public' ? 'public' : 'secret';
    const ctx = mctx(c);
    const overlapHours = ({ '1': 1, '24': 24 } as Record<string, number>)[c.get('form').overlap ?? ''] ?? 0;
    const rolled = await rollApiKey(ctx, kind, overlapHours * 3_600_000);
    await audit(c, 'api_key.rolled', rolled.id, { kind, prefix: rolled.prefix, overlap_hours: overlapHours });
    const keys = await listApiKeys(ctx);
    const shown = { label: `New ${c.get('mode')} ${kind} key`, value: rolled.key };
    return shell(c, 'Developers', () => (
      <DevelopersPage base={base(c)} csrf={c.get('csrf')} keys={keys} shown={shown} />
    ));
  })
  .post('/developers/webhook-secret/roll', requirePermission('keys.roll'), async (c) => {
    const ctx = mctx(c);
    const rolled = await rollWebhookSecret({ ctx });
    await audit(c, 'webhook_secret.rolled', null);
    const keys = await listApiKeys(ctx);
    const shown = { label: `New ${c.get('mode')} webhook secret`, value: rolled.secret };
    return shell(c, 'Developers', () => (
      <DevelopersPage base={base(c)} csrf={c.get('csrf')} keys={keys} shown={shown} />
    ));
  })
  .route('/', settingsRoutes);
