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
  .get(
    '/merchant',
    contract({
      operationId: 'getMerchant',
      summary: "This mode's settings (the key's mode only)",
      tag: 'Merchant',
      auth: 'secretKey',
      ok: { 200: { description: "This mode's settings" } },
      errors: ['invalid_api_key'],
    }),
    async (c) => c.json(await getMerchant(merchantCtx(c))),
  )
  .patch(
    '/merchant',
    contract({
      operationId: 'updateMerchant',
      summary:
        "Change this mode's settings: enabled methods, default installments and boleto terms, required customer fields, customer notifications, notification URL, origins, bank accounts, CLABE, late-payment policy, branding. The defaults apply to sessions created afterwards (over the API or a dialect) whose request omits them.",
      tag: 'Merchant',
      auth: 'secretKey',
      body: UpdateMerchant,
      ok: { 200: { description: "This mode's settings" } },
      errors: ['validation_failed', 'invalid_api_key'],
    }),
    async (c) => c.json(await updateMerchant({ ctx: merchantCtx(c), input: jsonBody(c, UpdateMerchant) })),
  )
  .post(
    '/webhook_secret/roll',
    contract({
      operationId: 'rollWebhookSecret',
      summary: "Roll this mode's webhook secret; the old one keeps signing for 24 h",
      tag: 'Merchant',
      auth: 'secretKey',
      ok: { 200: { description: 'The new secret, shown once' } },
      errors: ['invalid_api_key', 'concurrent_update'],
    }),
    async (c) => c.json(await rollWebhookSecret({ ctx: merchantCtx(c) })),
  );
