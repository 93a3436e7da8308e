import { Hono } from 'hono';
import * as z from 'zod';
import { CURRENCY_CODES, MAX_AMOUNT } from '../../domain/money';
import { CreateSession } from '../../features/sessions/schema';
import { createSession } from '../../features/sessions/service';
import { Metadata, UrlString } from '../../features/shared/schemas';
import { jsonBody, validate } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { contract } from '../../http/contract';
import { fieldError } from '../../http/errors';
import { merchantCtx } from '../../http/service-ctx';
import { randomBase62 } from '../../lib/ids';
import { FintocSession } from '../responses';
import { sessionTokenFor } from './token';

/** Seed 002's (Fintoc's) checkout session request. Fintoc's own examples send 'CLP' and 'clp' alike. */
export const Seed002CheckoutSession = z
  .strictObject({
    amount: z
      .int()
      .min(1)
      .max(MAX_AMOUNT)
      .meta({ description: 'Minor units, no decimals (CLP 2476 is 2476, MXN 24.76 is 2476).' }),
    currency: z
      .string()
      .max(8)
      .transform((s) => s.toUpperCase())
      .pipe(z.enum(CURRENCY_CODES)),
    customer_email: z.email().max(255).optional(),
    metadata: Metadata.optional(),
    success_url: UrlString.optional(),
    cancel_url: UrlString.optional(),
    return_url: UrlString.optional().meta({ description: 'Alias of success_url.' }),
  })
  .meta({ id: 'Seed002CheckoutSession' });

/**
 * POST /v1/checkout_sessions: seed 002's dialect over the canonical session. The order id is made
 * up (Fintoc has none); the session's events keep seed 002's `{ id, object: 'event', type, data }`
 * envelope, which is the canonical one for checkout_session.* events.
 */
export const seed002Routes = new Hono<AppEnv>().post(
  '/checkout_sessions',
  contract({
    operationId: 'fintocCreateCheckoutSession',
    summary: 'Create a checkout session, the Fintoc way (Authorization: sk_...); open it with the widget',
    tag: 'Dialect: Fintoc',
    auth: 'secretKey',
    body: Seed002CheckoutSession,
    idempotent: true,
    ok: { 201: { description: 'The checkout session with its session_token', schema: FintocSession } },
    errors: ['validation_failed', 'invalid_api_key'],
  }),
  async (c) => {
    const input = jsonBody(c, Seed002CheckoutSession);
    if (
      input.return_url !== undefined &&
      input.success_url !== undefined &&
      input.return_url !== input.success_url
    ) {
      throw fieldError(
        'return_url',
        'conflict',
        'is an alias of success_url; send one of them, or the same URL.',
      );
    }
    const canonical = validate(CreateSession, {
      amount: input.amount,
      currency: input.currency,
      merchant_order_id: `fcs_${randomBase62(24)}`,
      success_url: input.return_url ?? input.success_url,
      cancel_url: input.cancel_url,
      customer: input.customer_email === undefined ? undefined : { email: input.customer_email },
      metadata: input.metadata ?? {},
    });
    const session = await createSession({ ctx: merchantCtx(c), input: canonical, dialect: 'seed002' });
    return c.json(
      {
        id: session.id,
        created_at: new Date(session.createdAt).toISOString(),
        object: 'checkout_session',
        // Upper-case, Borda's canonical form (Fintoc's own response shows "CLP" for a "CLP" request).
        currency: session.currency,
        amount: session.amount,
        customer_email: session.customer?.email ?? null,
        expires_at: String(Math.floor(session.expiresAt / 1000)),
        mode: session.mode,
        // As given, {CHECKOUT_SESSION_ID} and all: it is filled in when the customer is sent there.
        return_url: session.successUrl,
        status: 'created',
        session_token: await sessionTokenFor(session.id, c.get('platform').secrets.signingKey),
        metadata: session.metadata,
      },
      201,
    );
  },
);
