import { Hono } from 'hono';
import { jsonBody } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { contract } from '../../http/contract';
import { merchantCtx } from '../../http/service-ctx';
import { UpdateMerchant } from '../events/schema';
import { getMerchant, updateMerchant } from './settings';
import { rollWebhookSecret } from './webhook-secret';

/**
 * The authenticated merchant's own settings in the key's mode: GET and PATCH /api/v1/merchant,
 * POST /api/v1/webhook_secret/roll. A test key never reads or changes the live settings.
 */
export const merchantRoutes = new Hono<AppEnv>()
  .get('/merchant', async (c) => c.json(await getMerchant(merchantCtx(c))))
  .patch('/merchant', async (c) =>
    c.json(await updateMerchant({ ctx: merchantCtx(c), input: jsonBody(c, UpdateMerchant) })),
  )
  .post('/webhook_secret/roll', async (c) =>
    c.json(await rollWebhookSecret({ ctx: merchantCtx(c), encryptionKey: c.env.ENCRYPTION_KEY })),
  );
