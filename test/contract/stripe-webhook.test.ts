import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { stripeConnector as stripe } from '../../src/gateways/stripe/client';
import { ConnectorError } from '../../src/gateways/types';
import { context, fixture } from './requests';

const SECRET = 'whsec_test_5WbX5kEWLlfzsGNjH64I8lOOqUB6e8FH';
const ctx = (mode: 'test' | 'live' = 'test', now = Date.now()) =>
  context('', { secret_key: 'sk_test_x', webhook_secret: SECRET }, { mode, now });

/** Signed as Stripe documents it: hex HMAC-SHA256 of "{t}.{body}" with the endpoint secret. */
function sign(body: string, t: number, secret = SECRET): string {
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
}
const headers = (value: string) => new Headers({ 'Stripe-Signature': value });
const now = () => Math.floor(Date.now() / 1000);

function event(patch: (e: Record<string, unknown>, pi: Record<string, unknown>) => void = () => {}): string {
  const e = fixture<Record<string, unknown>>('stripe', 'event_payment_intent_succeeded').body;
  patch(e, (e.data as { object: Record<string, unknown> }).object);
  return JSON.stringify(e);
}

async function rejected(p: Promise<unknown>): Promise<ConnectorError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectorError);
  expect((err as ConnectorError).code).toBe('unauthorized');
  return err as ConnectorError;
}

describe('Stripe webhooks', () => {
  it('a correctly signed payment_intent.succeeded settles the PaymentIntent, with the amount Stripe received', async () => {
    const body = event();
    const t = now();
    const parsed = await stripe.parseWebhook(ctx(), { headers: headers(`t=${t},v1=${sign(body, t)}`), body });
    expect(parsed).toEqual({
      kind: 'paid',
      eventId: 'evt_3MtwBwLkdIwHu7ix0snN0B15',
      reference: 'pi_3MtwBwLkdIwHu7ix28a3tqPa',
      amount: 15000,
      currency: 'BRL',
    });
    // The same delivery again carries the same event id, which Borda's route records once applied.
    const again = await stripe.parseWebhook(ctx(), { headers: headers(`t=${t},v1=${sign(body, t)}`), body });
    expect(again.eventId).toBe(parsed.eventId);
  });

  it('refuses a wrong signature, another secret, a changed body, a missing header and v0-only signatures', async () => {
    const body = event();
    const t = now();
    await rejected(stripe.parseWebhook(ctx(), { headers: headers(`t=${t},v1=${'0'.repeat(64)}`), body }));
    await rejected(
      stripe.parseWebhook(ctx(), { headers: headers(`t=${t},v1=${sign(body, t, 'whsec_other')}`), body }),
    );
    await rejected(
      stripe.parseWebhook(ctx(), {
        headers: headers(`t=${t},v1=${sign(body, t)}`),
        body: body.replace('15000', '15001'),
      }),
    );
    await rejected(stripe.parseWebhook(ctx(), { headers: new Headers(), body }));
    await rejected(stripe.parseWebhook(ctx(), { headers: headers(`t=${t},v0=${sign(body, t)}`), body }));
  });

  it('refuses a timestamp outside the 300 s tolerance even when the signature is right (a replayed capture)', async () => {
    const body = event();
    const stale = now() - 301;
    await rejected(
      stripe.parseWebhook(ctx(), { headers: headers(`t=${stale},v1=${sign(body, stale)}`), body }),
    );
    const fresh = now() - 299;
    expect(
      (await stripe.parseWebhook(ctx(), { headers: headers(`t=${fresh},v1=${sign(body, fresh)}`), body }))
        .kind,
    ).toBe('paid');
  });

  it('accepts any v1 of several (a secret being rolled)', async () => {
    const body = event();
    const t = now();
    const value = `t=${t},v1=${sign(body, t, 'whsec_old')},v1=${sign(body, t)}`;
    expect((await stripe.parseWebhook(ctx(), { headers: headers(value), body })).kind).toBe('paid');
  });

  it('reduces failures and cancels, ignores other types and events of the other mode', async () => {
    const t = now();
    const parse = (body: string, mode: 'test' | 'live' = 'test') =>
      stripe.parseWebhook(ctx(mode), { headers: headers(`t=${t},v1=${sign(body, t)}`), body });
    const pixFailed = event((e, pi) => {
      e.type = 'payment_intent.payment_failed';
      Object.assign(pi, {
        status: 'requires_payment_method',
        last_payment_error: { code: 'payment_intent_payment_attempt_expired' },
      });
    });
    expect((await parse(pixFailed)).kind).toBe('expired');
    const cardFailed = event((e, pi) => {
      e.type = 'payment_intent.payment_failed';
      Object.assign(pi, {
        payment_method_types: ['card'],
        last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds' },
      });
    });
    expect(await parse(cardFailed)).toMatchObject({ kind: 'denied', failureCode: 'insufficient_funds' });
    expect(
      (
        await parse(
          event((e) => {
            e.type = 'payment_intent.canceled';
          }),
        )
      ).kind,
    ).toBe('canceled');
    expect(
      (
        await parse(
          event((e) => {
            e.type = 'payment_intent.requires_action';
          }),
        )
      ).kind,
    ).toBe('ignored');
    expect(await parse(event(), 'live')).toMatchObject({
      kind: 'ignored',
      reason: 'event of the other mode',
    });
    const foreign = event((_e, pi) => {
      pi.metadata = {};
    });
    expect(await parse(foreign)).toMatchObject({ kind: 'ignored', reason: 'not a Borda payment' });
  });
});
