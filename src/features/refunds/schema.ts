import * as z from 'zod';
import { Metadata } from '../shared/schemas';

export const CreateRefund = z
  .strictObject({
    amount: z.int().min(1).max(1_000_000_000_000).optional().meta({
      description: 'Minor units; absent means everything still refundable.',
    }),
    reason: z.string().trim().min(1).max(500).nullable().optional(),
    metadata: Metadata.optional(),
  })
  .meta({ id: 'CreateRefund' });
export type CreateRefund = z.infer<typeof CreateRefund>;

export const SimulateRefund = z
  .strictObject({ outcome: z.enum(['succeeded', 'failed']) })
  .meta({ id: 'SimulateRefund' });

export const RefundObject = z
  .object({
    id: z.string(),
    object: z.literal('refund'),
    payment_id: z.string(),
    checkout_session_id: z.string(),
    status: z.enum(['pending', 'requires_action', 'succeeded', 'failed', 'canceled']),
    amount: z.int(),
    currency: z.string(),
    reason: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
    origin: z.enum(['merchant', 'policy']),
    gateway: z.string(),
    gateway_reference: z.string().nullable(),
    failure_code: z.string().nullable(),
    window_closes_at: z.string().nullable(),
    bank_account: z
      .object({ bank_code: z.string(), holder_name: z.string(), account_last4: z.string() })
      .nullable(),
    next_action: z
      .object({ type: z.enum(['collect_bank_account', 'confirm_transfer']) })
      .loose()
      .nullable(),
    completed_by: z.enum(['gateway', 'merchant']).nullable(),
    livemode: z.boolean(),
    created_at: z.string(),
    completed_at: z.string().nullable(),
  })
  .meta({ id: 'Refund' });

/** What the customer types on the hosted bank-details page (form fields, as strings). */
export const BankAccountForm = z.strictObject({
  holder_name: z.string().trim().min(2).max(120),
  // Brazil requires the payer's CPF/CNPJ and the bank's 3-digit code (checked by currency in the
  // route); elsewhere the account alone can do (a Mexican CLABE names its bank in its first digits).
  holder_document: z.string().trim().max(20).optional(),
  bank_code: z
    .string()
    .trim()
    .regex(/^\d{0,3}$/)
    .optional(),
  agency: z
    .string()
    .trim()
    // Brazil requires it (checked with the document); elsewhere the account alone can do.
    .regex(/^\d{0,5}$/)
    .optional(),
  account: z
    .string()
    .trim()
    // A Brazilian account, or a Mexican CLABE (18 digits).
    .regex(/^\d{1,20}$/),
  account_digit: z
    .string()
    .trim()
    .regex(/^[0-9Xx]{0,2}$/)
    .optional(),
  account_type: z.enum(['checking', 'savings']),
});
export type BankAccountForm = z.infer<typeof BankAccountForm>;
