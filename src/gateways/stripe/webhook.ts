import { hmacSha256, timingSafeEqualText, toHex } from '../../lib/crypto';
import { type ConnectorContext, ConnectorError, type InboundGatewayEvent } from '../types';
import { webhookEvent } from './map';
import type { StripeEvent } from './wire';

/** Stripe's libraries' default tolerance, which its webhook page recommends: five minutes. */
export const STRIPE_TOLERANCE_SECONDS = 300;

function unauthorized(why: string): ConnectorError {
  return new ConnectorError('retryable', 'unauthorized', `Stripe webhook rejected: ${why}`);
}

/**
 * `Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>…][,v0=…]` exactly as Stripe's "Verify signatures
 * manually" steps say: split on `,` then `=`; keep `t` and every `v1` (other schemes are ignored, so a
 * downgrade cannot help an attacker); HMAC-SHA256 of `"{t}.{raw body}"` keyed with the endpoint's
 * `whsec_` secret, hex; constant-time compare against each v1 (two during a secret roll); refuse a
 * timestamp more than the tolerance away from now, which bounds how long a captured delivery replays.
 */
export async function verifyStripeSignature(
  header: string | null,
  body: string,
  secret: string,
  nowMs: number,
): Promise<void> {
  if (!header) throw unauthorized('no Stripe-Signature header');
  let t: string | null = null;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') t = value;
    if (key === 'v1') v1.push(value.toLowerCase());
  }
  if (!t || !/^\d{1,12}$/.test(t) || v1.length === 0) throw unauthorized('malformed Stripe-Signature');
  const expected = toHex(await hmacSha256(secret, `${t}.${body}`));
  // Every candidate is compared, so timing does not tell which one matched.
  let match = false;
  for (const candidate of v1) match = timingSafeEqualText(candidate, expected) || match;
  if (!match) throw unauthorized('signature mismatch');
  if (Math.abs(nowMs / 1000 - Number(t)) > STRIPE_TOLERANCE_SECONDS)
    throw unauthorized('timestamp outside tolerance');
}

/** Verifies with the account's `webhook_secret`, then reduces the event (see map.ts). */
export async function parseStripeWebhook(
  ctx: ConnectorContext,
  req: { headers: Headers; body: string },
): Promise<InboundGatewayEvent> {
  const secret = ctx.credentials.webhook_secret;
  if (!secret) throw unauthorized('no webhook_secret configured');
  await verifyStripeSignature(req.headers.get('Stripe-Signature'), req.body, secret, ctx.now);
  let event: Partial<StripeEvent> | null;
  try {
    event = JSON.parse(req.body) as Partial<StripeEvent> | null;
  } catch {
    event = null;
  }
  if (
    !event ||
    typeof event.id !== 'string' ||
    typeof event.type !== 'string' ||
    typeof event.livemode !== 'boolean' ||
    !event.data ||
    typeof event.data.object !== 'object'
  ) {
    throw new ConnectorError('retryable', 'invalid_payload', 'Stripe webhook body is not an event');
  }
  return webhookEvent(event as StripeEvent, ctx.mode);
}
