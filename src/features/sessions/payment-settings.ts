import * as z from 'zod';
import { PAYMENT_METHODS } from '../../domain/methods';

/**
 * Seed 004's `payments_settings` entries, with its field names and bounds. Pricing (domain/pricing.ts) reads
 * them; here they are only validated and stored. `credit_card` (seed 004) and `card` both name cards.
 */
const Percent = z.number().min(0).max(100);
const FeeType = z.enum(['fixed', 'percentage']);
/** Date.parse rolls 2026-02-30 over to March; a real date survives the round trip unchanged. */
function isRealDate(text: string): boolean {
  const ms = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/**
 * A boleto fine or interest given as a percentage is at most 100 (of the amount; interest a month).
 * Shared with the mode's default boleto terms (features/merchant/schema.ts).
 */
export function percentAtMost100(
  s: {
    boleto_fine_type?: 'fixed' | 'percentage';
    boleto_fine_amount?: number;
    boleto_interest_type?: 'fixed' | 'percentage';
    boleto_interest_amount?: number;
  },
  ctx: z.RefinementCtx,
) {
  for (const [type, amount, field] of [
    [s.boleto_fine_type, s.boleto_fine_amount, 'boleto_fine_amount'],
    [s.boleto_interest_type, s.boleto_interest_amount, 'boleto_interest_amount'],
  ] as const) {
    if (type === 'percentage' && amount !== undefined && amount > 100)
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: 'is a percentage: at most 100',
        params: { code: 'too_big' },
      });
  }
}

/** Seed 004's payment_type: a method slug, or `credit_card` (its name for card). */
const PAYMENT_TYPES = ['credit_card', ...PAYMENT_METHODS] as [string, ...string[]];
const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as yyyy-mm-dd');

const BOLETO_ONLY = [
  'boleto_due_days',
  'boleto_due_date',
  'boleto_void_days',
  'boleto_charge_interest',
  'boleto_interest_type',
  'boleto_interest_amount',
  'boleto_charge_fine',
  'boleto_fine_type',
  'boleto_fine_amount',
] as const;
const CARD_ONLY = ['max_installments', 'max_installments_interest', 'interest'] as const;

export const PaymentSetting = z
  .strictObject({
    payment_type: z.enum(PAYMENT_TYPES),
    discount: Percent.optional(),
    addition: Percent.optional(),
    boleto_due_days: z.int().min(0).max(999).optional(),
    boleto_due_date: DateOnly.optional(),
    boleto_void_days: z.int().min(1).max(60).optional(),
    boleto_charge_interest: z.boolean().optional(),
    boleto_interest_type: FeeType.optional(),
    boleto_interest_amount: z.number().min(0.01).max(1_000_000).optional(),
    boleto_charge_fine: z.boolean().optional(),
    boleto_fine_type: FeeType.optional(),
    boleto_fine_amount: z.number().min(0.01).max(1_000_000).optional(),
    max_installments: z.int().min(1).max(12).optional(),
    max_installments_interest: z.int().min(1).max(12).optional(),
    interest: Percent.optional(),
  })
  .superRefine((s, ctx) => {
    const type = s.payment_type === 'credit_card' ? 'card' : s.payment_type;
    const misplaced = (fields: readonly string[], owner: string) => {
      for (const f of fields) {
        if ((s as Record<string, unknown>)[f] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [f],
            message: `only applies to ${owner}`,
            params: { code: 'not_applicable' },
          });
        }
      }
    };
    if (type !== 'boleto') misplaced(BOLETO_ONLY, 'payment_type boleto');
    if (type !== 'card') misplaced(CARD_ONLY, 'payment_type card');
    const requireWhen = (flag: boolean | undefined, fields: Array<keyof typeof s>, why: string) => {
      if (!flag) return;
      for (const f of fields) {
        if (s[f] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [f],
            message: `is required when ${why}`,
            params: { code: 'required' },
          });
        }
      }
    };
    requireWhen(
      s.boleto_charge_interest,
      ['boleto_interest_type', 'boleto_interest_amount'],
      'boleto_charge_interest is true',
    );
    requireWhen(
      s.boleto_charge_fine,
      ['boleto_fine_type', 'boleto_fine_amount'],
      'boleto_charge_fine is true',
    );
    percentAtMost100(s, ctx);
    if (s.boleto_due_days !== undefined && s.boleto_due_date !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['boleto_due_date'],
        message: 'give boleto_due_days or boleto_due_date, not both',
        params: { code: 'conflicting_fields' },
      });
    }
    if (s.boleto_due_date !== undefined && !isRealDate(s.boleto_due_date)) {
      ctx.addIssue({
        code: 'custom',
        path: ['boleto_due_date'],
        message: 'is not a real date',
        params: { code: 'invalid_date' },
      });
    }
    if ((s.discount ?? 0) > 0 && (s.addition ?? 0) > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['addition'],
        message: 'a method has either a discount or an addition, not both',
        params: { code: 'conflicting_fields' },
      });
    }
  })
  .transform((s) => ({ ...s, payment_type: s.payment_type === 'credit_card' ? 'card' : s.payment_type }));
export type PaymentSetting = z.output<typeof PaymentSetting>;

export const PaymentSettings = z
  .array(PaymentSetting)
  // One entry per method; credit_card and card are the same method.
  .max(PAYMENT_TYPES.length - 1)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((s, i) => {
      if (seen.has(s.payment_type)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'payment_type'],
          message: `${s.payment_type} appears twice`,
          params: { code: 'duplicate' },
        });
      }
      seen.add(s.payment_type);
    });
  })
  .meta({
    description: "Seed 004's payments_settings: per-method discount, addition, installments, boleto terms.",
  });
