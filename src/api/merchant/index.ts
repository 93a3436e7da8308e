import { Hono } from 'hono';
import { forgetMerchantKeys } from '../../http/auth';
import { jsonBody } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { merchantCtx } from '../../http/service-ctx';
import { rollWebhookSecret, updateMerchant } from '../../services/merchant-settings';
import { UpdateMerchant } from '../events/schema';

/** The authenticated merchant's own settings: PATCH /api/v1/merchant, POST /api/v1/webhook_secret/roll. */
export const merchantRoutes = new Hono<AppEnv>()
  .patch('/merchant', async (c) => {
    const updated = await updateMerchant({ ctx: merchantCtx(c), input: jsonBody(c, UpdateMerchant) });
    // This isolate's cached key lookup holds the old settings; other isolates catch up within a minute.
    forgetMerchantKeys(c.get('merchant').id, [c.get('keyHash')]);
    return c.json(updated);
  })
  .post('/webhook_secret/roll', async (c) =>
    c.json(await rollWebhookSecret({ ctx: merchantCtx(c), encryptionKey: c.env.ENCRYPTION_KEY })),
  );
