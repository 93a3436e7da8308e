import { z } from 'zod';
import { isValidClabe } from '../../domain/clabe';
import { classifyBrDocument, normalizeDocument } from '../../domain/documents';
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

/** A receiving bank account, with seed 003's fields. */
export const BankAccountInput = z.strictObject({
  bank_name: z.string().trim().min(1).max(100),
  bank_code: z.string().regex(/^\d{3}$/, 'must be the 3-digit bank code'),
  agency: z.string().regex(/^\d{1,6}$/, 'must be 1-6 digits'),
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
    city: z.string().trim().min(1).max(60).optional(),
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
    late_payment_policy: z.enum(['accept', 'refund', 'hold']).optional().meta({
      description:
        'Late, duplicate or mismatched money in this mode: accept it (completes the session), refund it in full, or hold it for your decision (default).',
    }),
  })
  .meta({ id: 'UpdateMerchant' });
export type UpdateMerchant = z.infer<typeof UpdateMerchant>;
