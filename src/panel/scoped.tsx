import { Hono } from 'hono';
import { ApiError } from '../domain/errors';
import type { Mode } from '../domain/tenant';
import { UpdateMerchant } from '../features/events/schema';
import { getMerchant, updateMerchant } from '../features/merchant/settings';
import { rollWebhookSecret } from '../features/merchant/webhook-secret';
import { listApiKeys, rollApiKey } from '../features/panel/api-keys';
import { validate } from '../http/body';
import { requirePermission } from './auth/middleware';
import type { PanelEnv } from './context';
import { paymentRoutes } from './payment-routes';
import { audit, base, mctx, shell } from './scope-helpers';
import { DevelopersPage } from './views/developers';
import { SettingsPage } from './views/settings';
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
    const rolled = await rollWebhookSecret({ ctx, encryptionKey: c.env.ENCRYPTION_KEY });
    await audit(c, 'webhook_secret.rolled', null);
    const keys = await listApiKeys(ctx);
    const shown = { label: `New ${c.get('mode')} webhook secret`, value: rolled.secret };
    return shell(c, 'Developers', () => (
      <DevelopersPage base={base(c)} csrf={c.get('csrf')} keys={keys} shown={shown} />
    ));
  })
  .get('/settings', requirePermission('settings.write'), async (c) => {
    const view = await getMerchant(mctx(c));
    return shell(c, 'Settings', () => <SettingsPage base={base(c)} csrf={c.get('csrf')} view={view} />);
  })
  .post('/settings', requirePermission('settings.write'), async (c) => {
    const f = c.get('form');
    const ctx = mctx(c);
    const current = await getMerchant(ctx);
    const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v));
    const url = f.notification_url?.trim() || null;
    const raw = {
      default_installments: {
        max_installments: num(f.max_installments),
        max_installments_interest: num(f.max_installments_interest),
        interest: num(f.interest),
      },
      // Sent only when changed: setting a URL again re-enables an endpoint that answered 410.
      ...(url === current.notification_url ? {} : { notification_url: url }),
      late_payment_policy: f.late_payment_policy,
    };
    try {
      const input = validate(UpdateMerchant, JSON.parse(JSON.stringify(raw)));
      const view = await updateMerchant({ ctx, input });
      const changed = Object.fromEntries(Object.keys(input).map((k) => [k, view[k as keyof typeof view]]));
      await audit(c, 'settings.changed', null, changed);
      return shell(c, 'Settings', () => (
        <SettingsPage base={base(c)} csrf={c.get('csrf')} view={view} notice="Saved." />
      ));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return shell(
        c,
        'Settings',
        () => <SettingsPage base={base(c)} csrf={c.get('csrf')} view={current} error={err.message} />,
        400,
      );
    }
  });
