import * as z from 'zod';

/** The customer's card, as typed. Validated by checkCard in the SessionDO; never stored or echoed. */
export const CardDetails = z.strictObject({
  number: z.string().max(23),
  holder_name: z.string().max(64),
  exp_month: z.int().min(1).max(12),
  exp_year: z.int().min(0).max(9999),
  cvc: z.string().max(4),
});

export const CreateClientPayment = z
  .strictObject({
    method: z.string().min(1).max(32),
    customer: z.strictObject({
      name: z.string().trim().min(2).max(255),
      email: z.email().max(255),
      document: z.string().max(32).optional(),
      /** Asked only when the merchant requires it: an international number, digits with an optional +. */
      phone: z
        .string()
        .trim()
        .regex(/^\+?[0-9 ().-]{8,24}$/, 'must be a phone number')
        .transform((v) => v.replace(/[ ().-]/g, ''))
        .optional(),
    }),
    card: CardDetails.optional(),
    /** The customer's bank for a bank-debit method (PSE): the gateway's code from its bank list. */
    bank: z.string().trim().min(1).max(32).optional(),
    installments: z.int().min(1).max(12).optional(),
  })
  .meta({ id: 'CreateClientPayment' });
export type CreateClientPayment = z.infer<typeof CreateClientPayment>;

export { SimulateOutcome } from '../../features/payments/schema';

/** The session as the checkout page reads it (methods with their charged amounts and plans). */
export const ClientSession = z
  .looseObject({
    status: z.string(),
    amount: z.int(),
    currency: z.string(),
    methods: z.array(z.looseObject({ method: z.string() })),
  })
  .meta({ id: 'ClientSession' });

export const ClientStatus = z
  .looseObject({ status: z.string(), redirect_url: z.string().nullable().optional() })
  .meta({ id: 'ClientStatus' });

export const ClientOutcome = z
  .object({ status: z.string(), redirect_url: z.string().nullable() })
  .meta({ id: 'ClientOutcome' });

export const ClientPaymentResult = z
  .looseObject({ status: z.string(), payment: z.looseObject({ id: z.string(), status: z.string() }) })
  .meta({ id: 'ClientPaymentResult' });
