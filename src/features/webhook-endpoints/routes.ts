import { Hono } from 'hono';
import { jsonBody } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { contract } from '../../http/contract';
import { merchantCtx } from '../../http/service-ctx';
import {
  CreateWebhookEndpoint,
  DeletedWebhookEndpoint,
  WebhookEndpoint,
  WebhookEndpointList,
} from './schema';
import { createWebhookEndpoint, deleteWebhookEndpoint, endpointView, listWebhookEndpoints } from './service';

/** The webhook endpoints of the key's mode: every event of the mode goes to each enabled one subscribed to it. */
export const webhookEndpointsRoutes = new Hono<AppEnv>()
  .get(
    '/',
    contract({
      operationId: 'listWebhookEndpoints',
      summary: "List this mode's webhook endpoints",
      tag: 'Webhooks',
      auth: 'secretKey',
      ok: { 200: { description: 'The endpoints, oldest first', schema: WebhookEndpointList } },
      errors: ['invalid_api_key'],
    }),
    async (c) => {
      const rows = await listWebhookEndpoints(merchantCtx(c));
      return c.json({ object: 'list', data: rows.map(endpointView), has_more: false });
    },
  )
  .post(
    '/',
    contract({
      operationId: 'createWebhookEndpoint',
      summary: 'Add a webhook endpoint to this mode',
      tag: 'Webhooks',
      auth: 'secretKey',
      body: CreateWebhookEndpoint,
      idempotent: true,
      ok: { 201: { description: 'The endpoint', schema: WebhookEndpoint } },
      errors: ['validation_failed', 'invalid_api_key'],
    }),
    async (c) => {
      const input = jsonBody(c, CreateWebhookEndpoint);
      return c.json(endpointView(await createWebhookEndpoint({ ctx: merchantCtx(c), input })), 201);
    },
  )
  .delete(
    '/:id',
    contract({
      operationId: 'deleteWebhookEndpoint',
      summary: 'Remove a webhook endpoint (its past deliveries stay in the log)',
      tag: 'Webhooks',
      auth: 'secretKey',
      ok: { 200: { description: 'Deleted', schema: DeletedWebhookEndpoint } },
      errors: ['not_found', 'invalid_api_key'],
    }),
    async (c) => c.json(await deleteWebhookEndpoint(merchantCtx(c), c.req.param('id'))),
  );
