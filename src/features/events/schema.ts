import * as z from 'zod';
import { isValidClabe } from '../../domain/clabe';
import { classifyBrDocument, normalizeDocument } from '../../domain/documents';
import { BoletoDefaultsInput, EnabledMethodsInput, RequiredCustomerFieldsInput } from '../merchant/schema';
import { NOTIFY_CUSTOMER } from '../sessions/schema';
import { IsoDateTime } from '../shared/schemas';

/** Every event type Borda writes to the outbox (and so may POST to a notification_url). */
export const EVENT_TYPES = [
  'payment.pending',
  'payment.success',
  'payment.failed',
  'payment.refunded',
  'payment.late',
  'payment.duplicate',
  'payment.amount_mismatch',
  'checkout_session.finished',
  'checkout_session.expired',
  'checkout_session.canceled',
  'refund.created',
  'refund.updated',
  'refund.succeeded',
  'refund.failed',
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

export const RedeliverQuery = z.strictObject({
  endpoint_id: z.string().max(64).optional().meta({
    description: 'Only the delivery to this webhook endpoint starts over; the others are not sent again.',
  }),
});
export type RedeliverQuery = z.infer<typeof RedeliverQuery>;

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
  response_excerpt: z.string().nullable().meta({
    description: "The first 500 bytes of the receiver's answer body, as text (never its headers).",
  }),
});

export const EventDelivery = z.object({
  id: z.string(),
  target: z.enum(['notification', 'payment_failure', 'endpoint']),
  endpoint_id: z.string().nullable().meta({ description: 'The webhook endpoint of an `endpoint` delivery.' }),
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

/** A receiving bank account, with seed 003's fields. */
export const BankAccountInput = z.strictObject({
  bank_name: z.string().trim().min(1).max(100),
  bank_code: z.string().regex(/^\d{3}$/, 'must be the 3-digit bank code'),
  agency: z.string().regex(/^\d{1,6}$/, 'must be 1-6 digits'),
  agency_digit: z
    .string()
    .regex(/^[0-9Xx]$/, 'must be the agency check digit')
    .optional()
    .meta({ description: "The agency's check digit, for banks that have one (Banco do Brasil, Bradesco)." }),
  account: z.string().regex(/^\d{1,20}$/, 'must be 1-20 digits'),
  account_digit: z.string().regex(/^[0-9Xx]{1,2}$/, 'must be the account check digit'),
  account_type: z.enum(['checking', 'savings', 'payment']),
  beneficiary: z.string().trim().min(1).max(100),
  document: z
    .string()
    .max(20)
    .refine((d) => classifyBrDocument(normalizeDocument(d)) !== null, {
      message: 'is not a valid CPF or CNPJ',
      params: { code: 'invalid_document' },
    }),
});

/** A logo is inlined in the page (its CSP allows images from 'self' and data: only); 6 KB keeps it under 50 KB. */
const LOGO_MAX_CHARS = 6 * 1024;
const LOGO_DATA_URL = /^data:image\/(png|jpeg|webp|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;
/** Card installments a session gets when its request carries no payment_settings (seed 004's panel defaults). */
export const DefaultInstallments = z
  .strictObject({
    max_installments: z.int().min(1).max(12),
    max_installments_interest: z.int().min(1).max(12).optional(),
    interest: z.number().min(0).max(100).optional(),
  })
  .refine(
    (d) => d.max_installments_interest === undefined || d.max_installments_interest >= d.max_installments,
    {
      path: ['max_installments_interest'],
      message: 'must be at least max_installments',
      params: { code: 'out_of_range' },
    },
  )
  .refine((d) => (d.max_installments_interest ?? 0) <= d.max_installments || d.interest !== undefined, {
    path: ['interest'],
    message: 'is required when max_installments_interest exceeds max_installments',
    params: { code: 'required' },
  });
export type DefaultInstallments = z.infer<typeof DefaultInstallments>;

export const UpdateMerchant = z
  .strictObject({
    notification_url: z.string().max(2048).nullable().optional(),
    allowed_origins: z
      .array(z.url({ protocol: /^https?$/ }).max(255))
      .max(20)
      .optional(),
    city: z.string().trim().min(1).max(60).optional().meta({
      description:
        "The merchant's city, printed in PIX codes of both modes: only a live key changes it (a test key gets 422 live_key_required).",
    }),
    bank_accounts: z
      .array(BankAccountInput)
      .max(5)
      .optional()
      .meta({ description: 'Accounts customers transfer to (the first is shown); [] to use none.' }),
    spei_clabe: z
      .string()
      .regex(/^\d{18}$/, 'must be 18 digits')
      .refine(isValidClabe, { message: 'has a wrong check digit', params: { code: 'invalid_clabe' } })
      .nullable()
      .optional()
      .meta({ description: 'Your CLABE for SPEI; the sandbox issues a test one when unset.' }),
    default_installments: DefaultInstallments.nullable().optional().meta({
      description: 'Card installments offered by a session created without payment_settings; null: 1.',
    }),
    enabled_methods: EnabledMethodsInput.optional(),
    default_boleto_terms: BoletoDefaultsInput.nullable().optional(),
    required_customer_fields: RequiredCustomerFieldsInput.optional(),
    late_payment_policy: z.enum(['accept', 'refund', 'hold']).optional().meta({
      description:
        'Late, duplicate or mismatched money in this mode: accept it (completes the session), refund it in full, or hold it for your decision (default).',
    }),
    notify_customer: z.enum(NOTIFY_CUSTOMER).optional().meta({
      description:
        'How customers hear about payment instructions, reminders, receipts and refunds when a session does not say (this mode only).',
    }),
    brand_color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb')
      .nullable()
      .optional()
      .meta({ description: "The checkout's accent colour; white text on it must reach 4.5:1 contrast." }),
    logo: z
      .string()
      .max(LOGO_MAX_CHARS)
      .regex(LOGO_DATA_URL, 'must be a data:image/png, jpeg, webp or svg+xml URL in base64')
      .nullable()
      .optional()
      .meta({
        description: 'The checkout logo, a base64 image data URL of at most 6 KB (a small PNG, WebP or SVG).',
      }),
  })
  .meta({ id: 'UpdateMerchant' });
export type UpdateMerchant = z.infer<typeof UpdateMerchant>;
