import * as z from 'zod';
import { METHOD_SLUGS } from '../../domain/country-methods';
import { CUSTOMER_FIELDS } from '../../domain/session-defaults';
import { percentAtMost100 } from '../sessions/payment-settings';

/** The per-mode defaults a session takes when its request omits them (PATCH /api/v1/merchant). */

const FeeType = z.enum(['fixed', 'percentage']);

/** Seed 004's boleto settings (same names and bounds as a session's payment_settings entry). */
export const BoletoDefaultsInput = z
  .strictObject({
    boleto_due_days: z.int().min(0).max(999).optional(),
    boleto_void_days: z.int().min(1).max(60).optional(),
    boleto_charge_fine: z.boolean().optional(),
    boleto_fine_type: FeeType.optional(),
    boleto_fine_amount: z.number().min(0.01).max(1_000_000).optional(),
    boleto_charge_interest: z.boolean().optional(),
    boleto_interest_type: FeeType.optional(),
    boleto_interest_amount: z.number().min(0.01).max(1_000_000).optional(),
    discount: z.number().min(0).max(100).optional(),
  })
  .superRefine((s, ctx) => {
    const need = (flag: boolean | undefined, fields: Array<keyof typeof s>, why: string) => {
      if (!flag) return;
      for (const f of fields)
        if (s[f] === undefined)
          ctx.addIssue({
            code: 'custom',
            path: [f],
            message: `is required when ${why}`,
            params: { code: 'required' },
          });
    };
    need(s.boleto_charge_fine, ['boleto_fine_type', 'boleto_fine_amount'], 'boleto_charge_fine is true');
    percentAtMost100(s, ctx);
    need(
      s.boleto_charge_interest,
      ['boleto_interest_type', 'boleto_interest_amount'],
      'boleto_charge_interest is true',
    );
  })
  .meta({
    id: 'BoletoDefaults',
    description:
      "Boleto terms for sessions whose payment_settings do not set them (seed 004's names): due and void days, fine, interest, discount.",
  });
export type BoletoDefaultsInput = z.infer<typeof BoletoDefaultsInput>;

export const RequiredCustomerFieldsInput = z.array(z.enum(CUSTOMER_FIELDS)).max(CUSTOMER_FIELDS.length).meta({
  description:
    'Customer fields the checkout must collect before a payment (name, email, document, phone); a payment without them is refused.',
});

export const EnabledMethodsInput = z
  .array(z.enum(METHOD_SLUGS as [string, ...string[]]))
  .min(1)
  .max(METHOD_SLUGS.length)
  .nullable()
  .meta({
    description:
      'Methods offered by sessions that do not name their own payment_method; null: every method Borda offers.',
  });
