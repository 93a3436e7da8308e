import { z } from 'zod';

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
      .optional(),
  })
  .meta({ id: 'SimulatePayment' });
export type SimulatePayment = z.infer<typeof SimulatePayment>;
