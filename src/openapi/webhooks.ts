/**
 * The events Borda POSTs that concern refunds and unexpected money, as OpenAPI 3.1 `webhooks`:
 * refund events in seed 002's envelope with the refund as `data`; payment events flat (seed 000's fields).
 */
const REFUND_EVENTS = {
  'refund.created': 'A refund was asked (by you, or by your late-payment policy).',
  'refund.updated':
    'A refund changed without ending: the customer gave a bank account, or the gateway handed over its own form.',
  'refund.succeeded': 'The money went back.',
  'refund.failed': 'The gateway refused or gave up; the amount can be refunded again.',
} as const;

const PAYMENT_EVENTS = {
  'payment.refunded':
    'A refund of the payment succeeded: `status` is partially_refunded or refunded, with `refunded_amount`.',
  'payment.late':
    'Money arrived after the session ended or the attempt was voided: recorded as paid, flagged `late`.',
  'payment.duplicate':
    'Money arrived for an attempt after another payment won: recorded as paid, flagged `duplicate`.',
  'payment.amount_mismatch':
    'Another amount or currency arrived than was charged: recorded, flagged; an underpayment never completes the session.',
} as const;

export function webhookDocs(refundRef: Record<string, unknown>) {
  const post = (summary: string, schema: unknown) => ({
    post: {
      summary,
      requestBody: { required: true, content: { 'application/json': { schema } } },
      responses: { 200: { description: 'Any 2xx acknowledges the event.' } },
    },
  });
  const envelope = {
    type: 'object',
    required: ['id', 'object', 'type', 'livemode', 'created_at', 'data'],
    properties: {
      id: { type: 'string' },
      object: { const: 'event' },
      type: { type: 'string' },
      livemode: { type: 'boolean' },
      created_at: { type: 'string', format: 'date-time' },
      data: refundRef,
    },
  };
  const flat = {
    type: 'object',
    description:
      "Seed 000's payment fields (event, payment_id, checkout_session_id, status, amount, currency, ...), plus refunded_amount and, when flagged, settlement_flag, flag_resolution, received_amount, received_currency.",
  };
  return Object.fromEntries([
    ...Object.entries(REFUND_EVENTS).map(([type, summary]) => [type, post(summary, envelope)]),
    ...Object.entries(PAYMENT_EVENTS).map(([type, summary]) => [type, post(summary, flat)]),
  ]);
}
