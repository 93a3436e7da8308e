import { Hono } from 'hono';
import type { Mode } from '../domain/tenant';
import { redeliverEvent } from '../features/events/service';
import { rollWebhookSecret } from '../features/merchant/webhook-secret';
import { listApiKeys, rollApiKey } from '../features/panel/api-keys';
import { deliveryLog } from '../features/panel/session-search';
import { replayFailedDeliveries } from '../features/panel/webhook-replay';
import { endpointStats, STATS_WINDOW_MS } from '../features/panel/webhook-stats';
import { requirePermission } from './auth/middleware';
import type { PanelEnv } from './context';
import { paymentRoutes } from './payment-routes';
import { audit, base, type C, mctx, shell } from './scope-helpers';
import { settingsRoutes } from './settings-routes';
import { DevelopersPage } from './views/developers';
import { WebhooksPage } from './views/webhooks';

/** The delivery log (optionally of one status) with the endpoints' last 24 hours. */
async function webhooksPage(c: C, status: string, notice?: string) {
  const ctx = mctx(c);
  const [log, stats] = await Promise.all([
    deliveryLog(ctx, { status: status || undefined }),
    endpointStats(ctx, ctx.now - STATS_WINDOW_MS),
  ]);
  return shell(c, 'Webhooks', () => (
    <WebhooksPage
      base={base(c)}
      csrf={c.get('csrf')}
      log={log}
      stats={stats}
      status={status}
      notice={notice}
    />
  ));
}

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
  .get('/webhooks', requirePermission('webhooks.read'), (c) => webhooksPage(c, c.req.query('status') ?? ''))
  .post('/webhooks/replay', requirePermission('webhooks.replay'), async (c) => {
    const hours = Math.min(Math.max(Number(c.get('form').hours) || 1, 1), 72);
    const now = Date.now();
    const result = await replayFailedDeliveries({
      ctx: mctx(c),
      input: { from: now - hours * 3_600_000, to: now },
    });
    await audit(c, 'webhooks.replayed', null, { hours, events: result.replayed });
    return webhooksPage(
      c,
      '',
      `Replaying ${result.replayed} failed event(s) from the last ${hours} hour(s).`,
    );
  })
  .post('/webhooks/:id/redeliver', requirePermission('webhooks.replay'), async (c) => {
    const id = c.req.param('id');
    await redeliverEvent({ ctx: mctx(c), input: { id } });
    await audit(c, 'webhook.redelivered', id);
    return webhooksPage(c, '', `Event ${id} queued again.`);
  })
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
