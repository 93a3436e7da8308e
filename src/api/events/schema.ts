import { z } from 'zod';
import { IsoDateTime } from '../shared/schemas';

export const EVENT_TYPES = [
  'payment.pending',
  'payment.success',
  'payment.failed',
  'checkout_session.finished',
  'checkout_session.expired',
  'checkout_session.canceled',
] as const;

export const ListEventsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  type: z.enum(EVENT_TYPES).optional(),
  session: z.string().max(64).optional().meta({ description: 'Only events of this checkout session.' }),
  created_gte: IsoDateTime.optional(),
  created_lte: IsoDateTime.optional(),
});
export type ListEventsQuery = z.infer<typeof ListEventsQuery>;

export const WebhookEvent = z
  .object({
    id: z.string(),
    object: z.literal('event'),
    type: z.enum(EVENT_TYPES),
    livemode: z.boolean(),
    created_at: z.string(),
    session_id: z.string().nullable(),
    payment_id: z.string().nullable(),
    enqueued: z.boolean(),
    payload: z.record(z.string(), z.unknown()).meta({ description: 'The body as POSTed to your endpoint.' }),
  })
  .meta({ id: 'Event' });

export const DeliveryAttempt = z.object({
  attempted_at: z.string(),
  status_code: z.int().nullable(),
  latency_ms: z.int(),
  error: z.string().nullable(),
});

export const EventDelivery = z.object({
  id: z.string(),
  target: z.enum(['notification', 'payment_failure']),
  url: z.string(),
  status: z.enum(['pending', 'delivered', 'failed', 'disabled']),
  attempt_count: z.int(),
  next_attempt_at: z.string().nullable(),
  delivered_at: z.string().nullable(),
  attempts: z.array(DeliveryAttempt),
});

export const EventWithDeliveries = WebhookEvent.extend({ deliveries: z.array(EventDelivery) }).meta({
  id: 'EventWithDeliveries',
});

export const UpdateMerchant = z
  .strictObject({
    notification_url: z.string().max(2048).nullable().optional(),
    allowed_origins: z
      .array(z.url({ protocol: /^https?$/ }).max(255))
      .max(20)
      .optional(),
    city: z.string().trim().min(1).max(60).optional(),
  })
  .meta({ id: 'UpdateMerchant' });
export type UpdateMerchant = z.infer<typeof UpdateMerchant>;
