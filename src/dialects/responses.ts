import * as z from 'zod';

/** What each provider dialect answers, as its document shows it (documented in /openapi.json). */
export const CashierCreated = z
  .object({
    success: z.literal(true),
    session_id: z.string(),
    checkout_url: z.string(),
    expires_at: z.string().meta({ description: 'ISO 8601 UTC with a Z.' }),
  })
  .meta({ id: 'CashierCheckoutCreated' });

export const FintocSession = z
  .looseObject({
    id: z.string(),
    object: z.literal('checkout_session'),
    created_at: z.string(),
    currency: z.string(),
    amount: z.int(),
    customer_email: z.string().nullable(),
    expires_at: z.string().meta({ description: 'UNIX seconds, as a string.' }),
    mode: z.enum(['test', 'live']),
    return_url: z.string().nullable(),
    status: z.string(),
    session_token: z
      .string()
      .meta({ description: 'Hand it to the widget: `Fintoc.create({ sessionToken })`.' }),
    metadata: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'FintocCheckoutSession' });

export const PixDirectPayment = z
  .looseObject({
    id: z.string(),
    customer_id: z.string().nullable(),
    transaction_id: z.string(),
    amount: z.string().nullable().meta({ description: 'Decimal string, as the request gave it.' }),
    currency: z.string().nullable(),
    status: z.enum(['pending', 'paid', 'denied', 'expired']),
    method: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'PixDirectPayment' });

export const PixDirectCreated = z
  .looseObject({
    id: z.string(),
    status: z.enum(['pending', 'paid', 'denied', 'expired']),
    payment: z.object({ method: z.string() }),
    values: z.looseObject({
      total: z.string(),
      subtotal: z.string(),
      exchange: z.unknown().meta({ description: 'The USD->BRL conversion when the amount was in USD.' }),
      fee: z.string(),
    }),
    pix: z
      .looseObject({ qrcode: z.string(), reference: z.string() })
      .optional()
      .meta({ description: 'For PIX: the QR content and the copy-and-paste code.' }),
    bank: z.record(z.string(), z.unknown()).optional().meta({ description: 'For bank transfers.' }),
  })
  .meta({ id: 'PixDirectCreated' });

export const PixDirectList = z
  .object({ data: z.array(PixDirectPayment), page: z.int(), limit: z.int(), has_more: z.boolean() })
  .meta({ id: 'PixDirectPaymentList' });

export const Order = z
  .looseObject({
    id: z.string(),
    amount: z.int(),
    checkout_url: z.string(),
    status: z.string(),
    merchant_key: z.string(),
    description: z.string().nullable(),
    sandbox: z.boolean(),
    created_at: z.string().meta({ description: "'YYYY-mm-dd HH:MM:SS', UTC." }),
    updated_at: z.string(),
    customer: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'Order' });
