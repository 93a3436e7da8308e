import { Hono } from 'hono';
import { ApiError } from '../domain/errors';
import { rollWebhookSecret } from '../features/merchant/webhook-secret';
import { createApiKey, listApiKeys, revokeApiKey, rollApiKey } from '../features/panel/api-keys';
import { requirePermission } from './auth/middleware';
import type { PanelEnv } from './context';
import { audit, base, type C, mctx, shell } from './scope-helpers';
import { DevelopersPage } from './views/developers';

type Outcome = { shown?: { label: string; value: string }; notice?: string; error?: string };

async function developersPage(c: C, outcome: Outcome = {}, status: 200 | 400 = 200) {
  const keys = await listApiKeys(mctx(c));
  return shell(
    c,
    'Developers',
    () => <DevelopersPage base={base(c)} csrf={c.get('csrf')} keys={keys} {...outcome} />,
    status,
  );
}

const kindOf = (c: C) => (c.get('form').kind === 'public' ? 'public' : 'secret');

/** API keys (create, roll with an overlap, revoke; a new key shown once) and the webhook secret roll. */
export const developerRoutes = new Hono<PanelEnv>()
  .get('/developers', requirePermission('keys.roll'), (c) => developersPage(c))
  .post('/developers/keys', requirePermission('keys.roll'), async (c) => {
    const kind = kindOf(c);
    try {
      const created = await createApiKey(mctx(c), kind);
      await audit(c, 'api_key.created', created.id, { kind, prefix: created.prefix });
      return developersPage(c, { shown: { label: `New ${c.get('mode')} ${kind} key`, value: created.key } });
    } catch (err) {
      if (!(err instanceof ApiError) || err.code !== 'validation_failed') throw err;
      return developersPage(c, { error: err.errors?.[0]?.message ?? err.message }, 400);
    }
  })
  .post('/developers/keys/roll', requirePermission('keys.roll'), async (c) => {
    const kind = kindOf(c);
    const overlapHours = ({ '1': 1, '24': 24 } as Record<string, number>)[c.get('form').overlap ?? ''] ?? 0;
    const rolled = await rollApiKey(mctx(c), kind, overlapHours * 3_600_000);
    await audit(c, 'api_key.rolled', rolled.id, { kind, prefix: rolled.prefix, overlap_hours: overlapHours });
    return developersPage(c, { shown: { label: `New ${c.get('mode')} ${kind} key`, value: rolled.key } });
  })
  .post('/developers/keys/:id/revoke', requirePermission('keys.roll'), async (c) => {
    const revoked = await revokeApiKey(mctx(c), c.req.param('id'));
    await audit(c, 'api_key.revoked', revoked.id, { kind: revoked.kind, prefix: revoked.prefix });
    return developersPage(c, { notice: `Key ${revoked.prefix}… revoked: it stopped working now.` });
  })
  .post('/developers/webhook-secret/roll', requirePermission('keys.roll'), async (c) => {
    const rolled = await rollWebhookSecret({ ctx: mctx(c) });
    await audit(c, 'webhook_secret.rolled', null);
    return developersPage(c, {
      shown: { label: `New ${c.get('mode')} webhook secret`, value: rolled.secret },
    });
  });
