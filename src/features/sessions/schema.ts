import * as z from 'zod';
import { COUNTRY_CODES } from '../../domain/countries';
import { GATEWAY_SLUGS, LOCALES, PAYMENT_METHODS } from '../../domain/methods';
import { CURRENCY_CODES, MAX_AMOUNT } from '../../domain/money';
import { CUSTOMER_FIELDS } from '../../domain/session-defaults';
import { SESSION_STATUSES } from '../../domain/session-state';
import { IsoDateTime, ListEnvelope, Metadata, PrintableId, UrlString } from '../shared/schemas';
import { PaymentSettings } from './payment-settings';

/** Channels a customer is told on: `none`, `email`, `sms` or `both` (seed 004's `notify_customer`). */
export const NOTIFY_CUSTOMER = ['none', 'email', 'sms', 'both'] as const;

const MethodSlug = z.enum(PAYMENT_METHODS as [string, ...string[]]);
/** One method slug, or a list of them (no repeats). */
export const MethodRestriction = z.union([
  MethodSlug,
  z
    .array(MethodSlug)
    .min(1)
    .max(PAYMENT_METHODS.length)
    .refine((list) => new Set(list).size === list.length, {
      message: 'lists a method twice',
      params: { code: 'duplicate' },
    }),
]);

export const SessionCustomer = z
  .strictObject({
    name: z.string().trim().min(1).max(255).optional(),
    email: z.email().max(255).optional(),
    document: z
      .string()
      .max(32)
      .optional()
      .meta({ description: 'CPF or CNPJ (numeric or alphanumeric) for Brazil; the national id elsewhere.' }),
    phone: z
      .string()
      .regex(/^\+?[0-9][0-9 ()-]{5,24}$/, 'must be a phone number')
      .optional(),
  })
  .meta({ description: 'Prefills the checkout form.' });
export type SessionCustomer = z.infer<typeof SessionCustomer>;

export const CreateSession = z
  .strictObject({
    amount: z
      .int()
      .min(1)
      .max(MAX_AMOUNT)
      .meta({ description: 'Amount in minor units (cents; CLP has none).', example: 15000 }),
    currency: z.enum(CURRENCY_CODES).meta({ example: 'BRL' }),
    merchant_order_id: PrintableId(64).meta({ example: 'ORD-123' }),
    payment_method: MethodRestriction.nullable().optional().meta({
      description: 'Restrict to one method or a list. Omit or null to offer every method of the country.',
      example: 'card',
    }),
    gateway_first_try: z.enum(GATEWAY_SLUGS).nullable().optional().meta({
      description: 'Gateway to attempt first; routing rules decide when unset or not enabled.',
      example: 'pagarme',
    }),
    expires_in: z
      .int()
      .min(60)
      .max(86400)
      .default(1800)
      .meta({ description: 'Lifetime in seconds.', example: 1800 }),
    metadata: Metadata.default({}),
    success_url: UrlString.nullable()
      .optional()
      .meta({ description: 'Where the customer goes after paying. May contain {CHECKOUT_SESSION_ID}.' }),
    cancel_url: UrlString.nullable()
      .optional()
      .meta({ description: 'Where the customer goes after canceling. May contain {CHECKOUT_SESSION_ID}.' }),
    country: z
      .enum(COUNTRY_CODES)
      .optional()
      .meta({ description: 'ISO 3166 alpha-3; defaults from the currency (USD: the merchant country).' }),
    description: z
      .string()
      .max(255)
      .optional()
      .meta({ description: 'Shown to the customer on the checkout page.' }),
    customer: SessionCustomer.optional(),
    notification_url: UrlString.optional().meta({
      description: "Webhook URL for this session; else the merchant's default.",
    }),
    payment_failure_url: UrlString.optional().meta({
      description: 'Seed 004: failed payment attempts are also POSTed here.',
    }),
    locale: z.enum(LOCALES).optional(),
    payment_settings: PaymentSettings.optional(),
    notify_customer: z.enum(NOTIFY_CUSTOMER).optional().meta({
      description:
        "How Borda tells the customer about payment instructions, reminders, receipts and refunds; omitted: the merchant's default for the key's mode.",
    }),
  })
  .meta({ id: 'CreateCheckoutSession' });
export type CreateSession = z.infer<typeof CreateSession>;

export const CheckoutSession = z
  .object({
    token: z
      .string()
      .meta({ description: 'Unguessable session token; also the id.', example: 'cs_test_4f9Qx...' }),
    amount: z.int(),
    currency: z.enum(CURRENCY_CODES),
    merchant_order_id: z.string(),
    payment_method: MethodRestriction.nullable(),
    gateway_first_try: z.enum(GATEWAY_SLUGS).nullable(),
    metadata: z.record(z.string(), z.unknown()),
    success_url: z.string().nullable(),
    cancel_url: z.string().nullable(),
    expires_at: z.string().meta({ description: 'ISO 8601 UTC.', example: '2026-06-23T14:30:00+00:00' }),
    id: z.string(),
    object: z.literal('checkout_session'),
    status: z.enum(SESSION_STATUSES),
    livemode: z.boolean(),
    checkout_url: z.string(),
    created_at: z.string(),
    country: z.enum(COUNTRY_CODES),
    description: z.string().nullable(),
    locale: z.enum(LOCALES).nullable(),
    customer: SessionCustomer.nullable(),
    notification_url: z.string().nullable(),
    payment_failure_url: z.string().nullable(),
    payment_settings: z.array(z.record(z.string(), z.unknown())).nullable(),
    notify_customer: z.enum(NOTIFY_CUSTOMER).nullable(),
    required_customer_fields: z.array(z.enum(CUSTOMER_FIELDS)).meta({
      description: 'Customer fields a payment must carry (the mode setting when the session was created).',
    }),
  })
  .meta({ id: 'CheckoutSession' });
export type CheckoutSession = z.infer<typeof CheckoutSession>;

export const ListSessionsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  status: z.enum(SESSION_STATUSES).optional(),
  merchant_order_id: PrintableId(64).optional(),
  created_gte: IsoDateTime.optional().meta({
    description: 'Only sessions created at or after this instant.',
  }),
  created_lte: IsoDateTime.optional().meta({
    description: 'Only sessions created at or before this instant.',
  }),
});
export type ListSessionsQuery = z.infer<typeof ListSessionsQuery>;

export const CheckoutSessionList = ListEnvelope(CheckoutSession).meta({ id: 'CheckoutSessionList' });
