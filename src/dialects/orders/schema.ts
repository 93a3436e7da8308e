import * as z from 'zod';
import { isValidCnpj, isValidCpf, normalizeDocument } from '../../domain/documents';
import { MAX_AMOUNT } from '../../domain/money';
import { PaymentSettings } from '../../features/sessions/payment-settings';
import { PrintableId, UrlString } from '../../features/shared/schemas';

/** Seed 004's "Southpayments" POST /checkout/orders body, field for field, with its lengths. */
const Text = (max: number) => z.string().trim().min(1).max(max);
const Digits = (max: number) => z.string().max(max).regex(/^\d+$/, 'must contain digits only');

export const Seed004Customer = z
  .strictObject({
    customer_type: z.union([z.literal(0), z.literal(1)], { error: 'must be 0 (person) or 1 (company)' }),
    merchant_key: PrintableId(40).optional(),
    name: Text(255).optional(),
    email: z.email().max(255).optional(),
    phone_country_code: Digits(2).min(1).optional(),
    phone_number: Digits(15).min(8).optional(),
    // CNPJs may carry letters from July 2026 (IN RFB 2.229/2024), so only punctuation is stripped here.
    legal_number: z.string().max(20).transform(normalizeDocument).optional(),
    billing_zipcode: Text(10).optional(),
    billing_street: Text(100).optional(),
    billing_number: Text(10).optional(),
    billing_additional: Text(30).optional(),
    billing_district: Text(60).optional(),
    billing_city: Text(60).optional(),
    billing_state: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'must be a two-letter UF')
      .transform((s) => s.toUpperCase())
      .optional(),
  })
  .superRefine((c, ctx) => {
    if (c.legal_number === undefined) return;
    const ok = c.customer_type === 0 ? isValidCpf(c.legal_number) : isValidCnpj(c.legal_number);
    if (!ok) {
      ctx.addIssue({
        code: 'custom',
        path: ['legal_number'],
        message:
          c.customer_type === 0
            ? 'is not a valid CPF (customer_type 0)'
            : 'is not a valid CNPJ (customer_type 1)',
        params: { code: 'invalid_document' },
      });
    }
  });
export type Seed004Customer = z.output<typeof Seed004Customer>;

export const NOTIFY_CUSTOMER = ['email', 'sms', 'both', 'none'] as const;

export const Seed004Order = z
  .strictObject({
    amount: z.int().min(1).max(MAX_AMOUNT),
    merchant_key: PrintableId(40),
    description: z.string().max(255).optional(),
    sandbox: z.boolean().optional(),
    notify_customer: z.enum(NOTIFY_CUSTOMER).optional(),
    notify_url: UrlString.optional(),
    payment_failure_url: UrlString.optional(),
    customer: Seed004Customer.optional(),
    payments_settings: PaymentSettings.min(1).optional(),
  })
  .superRefine((o, ctx) => {
    // A notification nobody can receive is a request error, not a silent no-op.
    const wantsEmail = o.notify_customer === 'email' || o.notify_customer === 'both';
    const wantsSms = o.notify_customer === 'sms' || o.notify_customer === 'both';
    if (wantsEmail && o.customer?.email === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['customer', 'email'],
        message: `is required when notify_customer is ${o.notify_customer}`,
        params: { code: 'required' },
      });
    }
    if (wantsSms && o.customer?.phone_number === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['customer', 'phone_number'],
        message: `is required when notify_customer is ${o.notify_customer}`,
        params: { code: 'required' },
      });
    }
  });

export const Seed004CreateOrder = z
  .strictObject({
    merchant_id: z.string().min(1).max(64),
    order: Seed004Order,
  })
  .meta({ id: 'Seed004CreateOrder' });
export type Seed004CreateOrder = z.output<typeof Seed004CreateOrder>;
