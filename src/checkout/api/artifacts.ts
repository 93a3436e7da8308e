import type { Context } from 'hono';
import type { PaymentDetails } from '../../db/schema';
import { ApiError } from '../../domain/errors';
import type { CheckoutContext } from './load';

/** What the session's latest payment issued of one kind; older attempts' artifacts are not served. */
export function latestDetail<K extends 'pix' | 'boleto'>(
  checkout: CheckoutContext,
  paymentId: string,
  kind: K,
) {
  const detail = checkout.payment?.id === paymentId ? checkout.payment.details[kind] : undefined;
  if (!detail) throw new ApiError('not_found', `No ${kind} for this payment.`);
  return detail as NonNullable<PaymentDetails[K]>;
}

export function svg(c: Context, body: string): Response {
  return c.body(body, 200, {
    'content-type': 'image/svg+xml',
    'cache-control': 'private, max-age=3600, immutable',
  });
}

const TOKEN = /^cs_(test|live)_[0-9A-Za-z]{24}$/;

/** A session token's shape is checked before a Durable Object is addressed by it. */
export function sessionToken(token: string | undefined): string {
  if (!token || !TOKEN.test(token)) throw new ApiError('not_found', 'No such checkout session.');
  return token;
}
