import * as z from 'zod';
import { EVENT_TYPES } from '../events/schema';

/** At most this many endpoints per mode (Stripe allows 16). */
export const MAX_ENDPOINTS = 16;

export const CreateWebhookEndpoint = z
  .strictObject({
    url: z.string().max(2048).meta({
      description: 'An https URL on a public host name; checked as notification_url is, and again at send.',
    }),
    enabled_events: z
      .union([z.tuple([z.literal('*')]), z.array(z.enum(EVENT_TYPES)).min(1).max(EVENT_TYPES.length)])
      .default(['*'])
      .meta({ description: 'The event types it receives; `["*"]` (the default) for every type.' }),
    description: z.string().trim().max(200).optional(),
  })
  .meta({ id: 'CreateWebhookEndpoint' });
export type CreateWebhookEndpoint = z.infer<typeof CreateWebhookEndpoint>;

export const WebhookEndpoint = z
  .object({
    id: z.string(),
    object: z.literal('webhook_endpoint'),
    url: z.string(),
    enabled_events: z.array(z.string()),
    status: z.enum(['enabled', 'disabled']).meta({
      description: '`disabled` by you, or by Borda when the endpoint answered 410 Gone.',
    }),
    description: z.string().nullable(),
    livemode: z.boolean(),
    created_at: z.string(),
  })
  .meta({ id: 'WebhookEndpoint' });

export const WebhookEndpointList = z
  .object({ object: z.literal('list'), data: z.array(WebhookEndpoint), has_more: z.boolean() })
  .meta({ id: 'WebhookEndpointList' });

export const DeletedWebhookEndpoint = z
  .object({ id: z.string(), object: z.literal('webhook_endpoint'), deleted: z.literal(true) })
  .meta({ id: 'DeletedWebhookEndpoint' });
