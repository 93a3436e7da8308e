import * as z from 'zod';
import { isValidCpf } from '../../domain/documents';
import { IsoDateTime } from '../../features/shared/schemas';

/** Borda keeps order ids of at most 64 characters (merchant_order_id); seed 003 documents 255. */
export const MAX_TRANSACTION_ID = 64;

/** Seed 003's POST /v1/payment body, field for field. */
export const Seed003CreatePayment = z
  .strictObject({
    customer_id: z.string().min(1).max(255),
    branch: z.string().min(1).max(255).optional(),
    name: z.string().min(3).max(150),
    // The document says min 30, which would refuse most real addresses (joao@example.com is 16): not enforced.
    email: z.email().max(255),
    document: z
      .string()
      .refine(isValidCpf, { message: 'must be a valid CPF', params: { code: 'invalid_document' } }),
    amount: z.union([z.number(), z.string()]),
    currency: z.enum(['USD', 'BRL']).default('USD'),
    payment_method: z.enum(['pix', 'bank_transfer']),
    // The document's min 30 is not enforced either: its own example (http://my-url-callback/) is 23 long.
    callback: z.string().min(1).max(250),
    transaction: z.strictObject({ id: z.string().min(1).max(255) }),
    pix: z
      .strictObject({
        // Borda's session lifetime bounds (1 minute to 1 day); the document says only integer(11).
        expire_in: z.int().min(60).max(86400).optional(),
      })
      .optional(),
  })
  .meta({ id: 'Seed003CreatePayment' });

/**
 * decimal(10,2), min 2: up to 8 whole digits and 2 decimals, as a JSON number (300.1) or a string
 * ("300.10"); the shortest decimal text is read, never multiplied as a float.
 */
export const SORT_FIELDS = [
  'id',
  'customer_id',
  'transaction_id',
  'amount',
  'currency',
  'status',
  'payment_method',
  'created_at',
  'updated_at',
] as const;

/** GET /v1/payments' query, as the document lists it. */
export const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(40).default(20),
  page: z.coerce.number().int().min(1).max(9999999).default(1),
  sort: z
    .string()
    .regex(new RegExp(`^(${SORT_FIELDS.join('|')}),(asc|desc)$`), 'must be field,(asc|desc)')
    .default('created_at,desc'),
  start_time: IsoDateTime.optional(),
  end_time: IsoDateTime.optional(),
  customer_id: z.string().min(1).max(255).optional(),
  transaction_id: z
    .string()
    .min(1)
    .max(100 * 256)
    .transform((s) => s.split(',').map((id) => id.trim()))
    .pipe(z.array(z.string().min(1).max(255)).max(100))
    .optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;
