import * as z from 'zod';
import { CURRENCY_CODES } from '../../domain/money';

/**
 * A test-mode settlement as a gateway would report it; `amount`/`currency` say what "arrived", so
 * under- and overpayments can be tried (absent: exactly what was charged).
 */
export const SimulatePayment = z
  .strictObject({
    outcome: z.enum(['paid', 'denied', 'expired']),
    amount: z.int().min(1).max(1_000_000_000_000).optional(),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/)
      .refine((c) => (CURRENCY_CODES as string[]).includes(c.toUpperCase()), {
        message: `is not a currency Borda charges in (${CURRENCY_CODES.join(', ')})`,
        params: { code: 'invalid_currency' },
      })
      .optional(),
  })
  .meta({ id: 'SimulatePayment' });
export type SimulatePayment = z.infer<typeof SimulatePayment>;

/** What a test-mode simulation makes of a pending payment (the sandbox gateway's answer). */
export const SimulateOutcome = z
  .strictObject({ outcome: z.enum(['paid', 'denied', 'expired']) })
  .meta({ id: 'SimulateOutcome' });

const Boleto = z.object({
  barcode: z.string().meta({ description: 'The 44-digit barcode.' }),
  line: z.string().meta({ description: 'The 47-digit linha digitável.' }),
  due_date: z.string(),
  void_date: z.string(),
  fine_cents: z.int().nullable(),
  interest_per_day_cents: z.int().nullable(),
  interest_monthly_percent: z.number().nullable(),
});

const BankTransfer = z.object({
  bank_name: z.string(),
  bank_code: z.string(),
  agency: z.string(),
  account: z.string(),
  account_digit: z.string(),
  account_type: z.string(),
  beneficiary: z.string(),
  document: z.string(),
  reference: z.string(),
});

/** A payment attempt as the merchant and client APIs show it; card data never beyond brand and last4. */
export const Payment = z
  .looseObject({
    id: z.string(),
    object: z.literal('payment'),
    checkout_session_id: z.string(),
    status: z
      .string()
      .meta({ description: 'pending, paid, denied, expired or canceled (and refund states).' }),
    method: z.string(),
    gateway: z.string(),
    amount: z
      .int()
      .meta({ description: 'What was charged, in minor units (adjustment and interest included).' }),
    currency: z.string(),
    installments: z.int(),
    adjustment: z.int().meta({ description: 'Discount (negative) or addition (positive), minor units.' }),
    installment_plan: z
      .object({ amounts: z.array(z.int()), monthly_rate: z.number() })
      .nullable()
      .meta({ description: 'Each installment in minor units; the first ones carry the odd cents.' }),
    card: z.object({ brand: z.string(), last4: z.string() }).nullable(),
    pix: z
      .object({
        qr_code: z.string(),
        expires_at: z.string(),
        end_to_end_id: z
          .string()
          .nullable()
          .meta({ description: "The settled transfer's end-to-end id (BCB), when the gateway gave it." }),
      })
      .nullable(),
    boleto: Boleto.nullable(),
    bank_transfer: BankTransfer.nullable(),
    spei: z
      .object({ clabe: z.string(), bank_name: z.string(), beneficiary: z.string(), reference: z.string() })
      .nullable(),
    voucher: z
      .object({
        reference: z.string(),
        kind: z.enum(['voucher', 'redirect']),
        expires_at: z.string(),
        url: z.string().optional(),
      })
      .nullable(),
    failure_code: z.string().nullable(),
    failure_message: z.string().nullable(),
    refunded_amount: z.int().meta({ description: 'What went back so far, in minor units.' }),
    settlement: z
      .object({
        flag: z.enum(['late', 'duplicate', 'amount_mismatch']),
        resolution: z.string().nullable(),
        received_amount: z.int(),
        received_currency: z.string(),
      })
      .nullable()
      .meta({
        description: 'Money that arrived unexpectedly (late, duplicate, another amount); null otherwise.',
      }),
    livemode: z.boolean(),
    created_at: z.string(),
    paid_at: z.string().nullable(),
  })
  .meta({ id: 'Payment' });

export const PaymentWithAttempts = Payment.extend({
  customer: z.record(z.string(), z.string()).nullable(),
  attempts: z.array(
    z.object({
      gateway: z.string(),
      account_id: z.string().nullable(),
      outcome: z.string(),
      error_code: z.string().nullable(),
      reference: z.string().nullable(),
      latency_ms: z.int(),
      started_at: z.string(),
    }),
  ),
}).meta({ id: 'PaymentWithAttempts' });
