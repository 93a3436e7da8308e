import * as z from 'zod';
import { NOTIFICATION_CHANNELS, NOTIFICATION_STATUSES } from '../../db/schema';
import { NOTIFICATION_KINDS } from '../../notifications/render';

/** One message to the session's customer (GET /api/v1/checkout/sessions/{token}/notifications). */
export const CustomerNotification = z
  .object({
    id: z.string(),
    object: z.literal('customer_notification'),
    checkout_session_id: z.string(),
    payment_id: z.string().nullable(),
    event_id: z.string().meta({ description: 'The event that asked for it.' }),
    kind: z.enum(NOTIFICATION_KINDS),
    channel: z.enum(NOTIFICATION_CHANNELS),
    recipient: z.string().meta({ description: 'The e-mail address or phone number the customer gave.' }),
    locale: z.string(),
    amount: z.int().meta({ description: 'The amount the message states, in minor units.' }),
    currency: z.string(),
    status: z.enum(NOTIFICATION_STATUSES),
    provider: z.string().nullable().meta({ description: 'cloudflare, resend, twilio or mailbox.' }),
    provider_message_id: z.string().nullable(),
    attempts: z.int(),
    last_error: z.string().nullable(),
    subject: z.string().nullable(),
    next_attempt_at: z.string().nullable(),
    sent_at: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: 'CustomerNotification' });

export const CustomerNotificationList = z
  .object({ object: z.literal('list'), data: z.array(CustomerNotification), has_more: z.boolean() })
  .meta({ id: 'CustomerNotificationList' });
