import { Hono } from 'hono';
import * as z from 'zod';
import { COUNTRY_CODES } from '../../domain/countries';
import { decimalTextToMinor } from '../../domain/decimal';
import { jsonNumberMemberText } from '../../domain/json-member';
import { CURRENCY_CODES } from '../../domain/money';
import { CreateSession } from '../../features/sessions/schema';
import { createSession } from '../../features/sessions/service';
import { Metadata, PrintableId, UrlString } from '../../features/shared/schemas';
import { jsonBody, validate } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { contract } from '../../http/contract';
import { fieldError } from '../../http/errors';
import { merchantCtx } from '../../http/service-ctx';
import { randomBase62 } from '../../lib/ids';
import { CashierCreated } from '../responses';

/** Seed 000's "S-Interio Cashier" request, field for field (decimal amount, country and both URLs required). */
export const Seed000Checkout = z
  .strictObject({
    merchant_id: z.string().min(1).max(64),
    amount: z
      .number()
      .meta({ description: 'Decimal, in the currency (150.00); no more decimals than it has.' }),
    currency: z.enum(CURRENCY_CODES),
    country: z.enum(COUNTRY_CODES),
    description: z.string().max(255).optional(),
    reference_id: PrintableId(64).optional(),
    success_url: UrlString,
    cancel_url: UrlString,
    notification_url: UrlString.optional(),
    metadata: Metadata.optional(),
  })
  .meta({ id: 'Seed000Checkout' });

const AMOUNT_PROBLEMS = {
  not_a_number: 'must be a decimal number',
  too_many_decimals: 'has more decimals than the currency allows',
  not_positive: 'must be greater than zero',
  too_big: 'is too large',
} as const;

/**
 * POST /api/v1/checkout: seed 000's dialect over the canonical session. The decimal amount is
 * converted exactly to minor units; the session's webhooks keep seed 000's payload (decimal amount,
 * X-Signature). Everything else is the canonical model: same session, object, events.
 */
export const seed000Routes = new Hono<AppEnv>().post(
  '/checkout',
  contract({
    operationId: 'cashierCreateCheckout',
    summary: 'Create a checkout session, the S-Interio cashier way (decimal amount, country)',
    tag: 'Dialect: S-Interio cashier',
    auth: 'secretKey',
    body: Seed000Checkout,
    idempotent: true,
    ok: { 201: { description: 'The session id and checkout_url', schema: CashierCreated } },
    errors: ['validation_failed', 'order_has_open_session', 'invalid_api_key'],
  }),
  async (c) => {
    const input = jsonBody(c, Seed000Checkout);
    const ctx = merchantCtx(c);
    if (input.merchant_id !== ctx.merchant.id) {
      throw fieldError('merchant_id', 'merchant_mismatch', 'does not match the merchant of the API key.');
    }
    // From the text the client sent, not the float JSON.parse made of it: 150.00999999999999999 parses
    // to 150.01 but has more decimals than BRL allows.
    const amountText = jsonNumberMemberText(c.get('rawBody'), 'amount') ?? String(input.amount);
    const amount = decimalTextToMinor(amountText, input.currency);
    if ('problem' in amount) throw fieldError('amount', amount.problem, AMOUNT_PROBLEMS[amount.problem]);
    const canonical = validate(CreateSession, {
      amount: amount.minor,
      currency: input.currency,
      country: input.country,
      // Seed 000 makes reference_id optional; a session always has an order id, so one is made up.
      merchant_order_id: input.reference_id ?? `ref_${randomBase62(20)}`,
      description: input.description,
      success_url: input.success_url,
      cancel_url: input.cancel_url,
      notification_url: input.notification_url,
      metadata: input.metadata ?? {},
    });
    const session = await createSession({ ctx, input: canonical, dialect: 'seed000' });
    return c.json(
      {
        success: true,
        session_id: session.id,
        checkout_url: session.checkoutUrl,
        expires_at: new Date(session.expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      },
      201,
    );
  },
);
