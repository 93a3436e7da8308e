import * as z from 'zod';
import { EVENT_TYPES } from '../features/events/schema';
import { RefundObject } from '../features/refunds/schema';
import { CheckoutSession } from '../features/sessions/schema';

/** Canonical `payment.*` body: the event's id, type and mode, then the payment's fields (flat). */
export const PaymentEventBody = z
  .looseObject({
    id: z.string().meta({ description: 'The event id: deduplicate on it (it is also `webhook-id`).' }),
    type: z.string(),
    livemode: z.boolean(),
    event: z.string().meta({ description: 'The same as `type`.' }),
    payment_id: z.string(),
    checkout_session_id: z.string(),
    merchant_id: z.string(),
    reference_id: z.string().meta({ description: 'Your merchant_order_id.' }),
    status: z.string(),
    amount: z
      .int()
      .meta({ description: 'Integer minor units (the cashier dialect sends the decimal it was given).' }),
    currency: z.string(),
    payment_method: z.string(),
    provider: z.string().nullable(),
    installments: z.int(),
    failure_code: z.string().nullable(),
    paid_at: z.string().nullable(),
    timestamp: z.string(),
    metadata: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'PaymentEventBody' });

/** Canonical `checkout_session.*` (and every non-payment event) body: an envelope around the object. */
export const SessionEventBody = z
  .object({
    id: z.string(),
    object: z.literal('event'),
    type: z.string(),
    livemode: z.boolean(),
    created_at: z.string(),
    data: CheckoutSession,
  })
  .meta({ id: 'SessionEventBody' });

/** `refund.*` body: the same envelope around the refund. */
export const RefundEventBody = z
  .object({
    id: z.string(),
    object: z.literal('event'),
    type: z.string(),
    livemode: z.boolean(),
    created_at: z.string(),
    data: RefundObject,
  })
  .meta({ id: 'RefundEventBody' });

/** What each event means, in the document's summary of it. */
const MEANING: Record<(typeof EVENT_TYPES)[number], string> = {
  'payment.pending':
    'A payment attempt is waiting for the customer (a PIX code, boleto or voucher was issued).',
  'payment.success': 'A payment was paid.',
  'payment.failed': 'A card was declined, or a PIX was denied, expired or superseded.',
  'payment.refunded':
    'A refund of the payment succeeded: `status` is partially_refunded or refunded, with `refunded_amount`.',
  'payment.late':
    'Money arrived after the session ended or the attempt was voided: recorded as paid, flagged `late`.',
  'payment.duplicate':
    'Money arrived for an attempt after another payment won: recorded as paid, flagged `duplicate`.',
  'payment.amount_mismatch':
    'Another amount or currency arrived than was charged: recorded, flagged; an underpayment never completes the session.',
  'checkout_session.finished': 'The session was paid.',
  'checkout_session.expired': 'The session expired unpaid.',
  'checkout_session.canceled': 'The customer or the merchant canceled the session.',
  'refund.created': 'A refund was asked (by you, or by your late-payment policy).',
  'refund.updated':
    'A refund changed without ending: the customer gave a bank account, or the gateway handed over its own form.',
  'refund.succeeded': 'The money went back.',
  'refund.failed': 'The gateway refused or gave up; the amount can be refunded again.',
};

const SIGNATURE_HEADERS = [
  ['webhook-id', 'The event id (Standard Webhooks).'],
  ['webhook-timestamp', 'Unix seconds when this attempt was signed (Standard Webhooks).'],
  [
    'webhook-signature',
    '`v1,` + base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` under your webhook secret; during a secret roll both secrets sign, space-separated.',
  ],
  ['x-signature', 'Hex HMAC-SHA256 of the body alone (the cashier dialect’s header); no replay protection.'],
].map(([name, description]) => ({
  name,
  in: 'header',
  required: true,
  description,
  schema: { type: 'string' },
}));

/**
 * OpenAPI 3.1 `webhooks`: every event type Borda POSTs to your notification_url, with the body it
 * sends and the headers that sign it. Sessions created through a provider dialect receive that
 * dialect's body instead (see each dialect's section of the README).
 */
export function webhooksObject(refs: { payment: unknown; session: unknown; refund: unknown }) {
  return Object.fromEntries(
    EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: `webhook_${type.replace(/\./g, '_')}`,
          summary: MEANING[type],
          tags: ['Webhooks'],
          // Borda signs what it sends (the headers below); your endpoint asks for no credentials.
          security: [],
          parameters: SIGNATURE_HEADERS,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: type.startsWith('payment.')
                  ? refs.payment
                  : type.startsWith('refund.')
                    ? refs.refund
                    : refs.session,
              },
            },
          },
          responses: {
            '200': { description: 'Any 2xx acknowledges the event; anything else is retried with backoff.' },
          },
        },
      },
    ]),
  );
}
