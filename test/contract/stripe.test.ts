import { afterEach, describe, expect, it } from 'vitest';
import { stripeConnector as stripe } from '../../src/gateways/stripe/client';
import { STRIPE_API_VERSION } from '../../src/gateways/stripe/wire';
import { startFakeGateway } from './fake-gateway';
import { context, failure, fixture, paymentRequest, TEST_CARD } from './requests';
import { answer, CREDS, closeFakes, form, KEY, stripeFake, track } from './stripe-fake';

afterEach(closeFakes);

describe('Stripe PaymentIntents over the wire', () => {
  it('PIX: creates unconfirmed, confirms, and shows the QR code Stripe issued, never past the session', async () => {
    const g = await stripeFake(() => answer('pix_requires_action'));
    const req = paymentRequest({ method: 'pix' });
    const result = await stripe.createPayment(context(g.base, CREDS), req);
    const [create] = g.calls('POST', '/v1/payment_intents');
    const [confirm] = g.calls('POST', '/v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa/confirm');
    for (const call of [create, confirm]) {
      expect(call?.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(call?.headers['stripe-version']).toBe(STRIPE_API_VERSION);
      expect(call?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    }
    expect(create?.headers['idempotency-key']).toBe(`${req.paymentId}-create`);
    expect(confirm?.headers['idempotency-key']).toBe(`${req.paymentId}-confirm`);
    const c = form(create);
    expect(c.get('amount')).toBe('15000'); // centavos: Stripe's smallest unit for BRL
    expect(c.get('currency')).toBe('brl');
    expect(c.get('payment_method_types[0]')).toBe('pix');
    expect(c.get('metadata[borda_payment_id]')).toBe(req.paymentId);
    const seconds = Number(c.get('payment_method_options[pix][expires_after_seconds]'));
    expect(seconds).toBeGreaterThanOrEqual(1790);
    expect(seconds).toBeLessThanOrEqual(1800);
    expect(form(confirm).get('payment_method_data[type]')).toBe('pix');
    const pix = fixture<{ next_action: { pix_display_qr_code: { data: string } } }>(
      'stripe',
      'pix_requires_action',
    );
    expect(result).toMatchObject({
      status: 'pending',
      reference: 'pi_3MtwBwLkdIwHu7ix28a3tqPa',
      details: {
        pix: { payload: pix.body.next_action.pix_display_qr_code.data, txid: 'STRIPEPIX3MtwBwLkdIwHu7ix' },
      },
    });
    // Stripe's fixture expires in 2023; the session's end is the earlier bound here.
    expect(result.status === 'pending' && result.details.pix?.expires_at).toBe(1_700_000_000_000);
  });

  it('OXXO in Mexico: MXN centavos, the payer named, the voucher number, the session held until it expires', async () => {
    const g = await stripeFake(() => answer('oxxo_requires_action'));
    const req = paymentRequest({
      method: 'oxxo',
      country: 'MEX',
      currency: 'MXN',
      amount: 150000,
      customer: { name: 'Juan Pérez', email: 'juan@example.mx' },
    });
    const result = await stripe.createPayment(context(g.base, CREDS), req);
    const c = form(g.calls('POST', '/v1/payment_intents')[0]);
    expect([c.get('amount'), c.get('currency'), c.get('payment_method_types[0]')]).toEqual([
      '150000',
      'mxn',
      'oxxo',
    ]);
    const f = form(g.calls('POST', /\/confirm$/)[0]);
    expect(f.get('payment_method_data[type]')).toBe('oxxo');
    expect(f.get('payment_method_data[billing_details][name]')).toBe('Juan Pérez');
    expect(f.get('payment_method_data[billing_details][email]')).toBe('juan@example.mx');
    expect(result).toEqual({
      status: 'pending',
      reference: 'pi_3OxxoLkdIwHu7ix0a1b2c3d',
      details: {
        voucher: {
          reference: '12345678901234657890123456789012',
          expires_at: 1_700_259_199_000,
          kind: 'voucher',
        },
      },
      holdUntil: 1_700_259_199_000,
    });
  });

  it('card, with raw card data enabled: the card in payment_method_data, no 3-D Secure wait, installments as a plan', async () => {
    const g = await stripeFake(() => answer('card_succeeded'));
    const req = paymentRequest({
      method: 'card',
      card: TEST_CARD,
      installments: 3,
      country: 'MEX',
      currency: 'MXN',
    });
    const result = await stripe.createPayment(
      context(g.base, CREDS, { settings: { raw_card_data: true } }),
      req,
    );
    expect(result).toEqual({ status: 'paid', reference: 'pi_3CardLkdIwHu7ix1b2c3d4e' });
    const f = form(g.calls('POST', /\/confirm$/)[0]);
    expect(f.get('payment_method_data[type]')).toBe('card');
    expect(f.get('payment_method_data[card][number]')).toBe('4242424242424242');
    expect(f.get('payment_method_data[card][exp_month]')).toBe('12');
    expect(f.get('payment_method_data[card][cvc]')).toBe('123');
    expect(f.get('error_on_requires_action')).toBe('true');
    expect(f.get('payment_method_options[card][installments][plan][count]')).toBe('3');
    expect(f.get('payment_method_options[card][installments][plan][interval]')).toBe('month');
    // The card never goes into the unconfirmed create, which only enables installments.
    const create = g.calls('POST', '/v1/payment_intents')[0];
    expect(create?.body).not.toContain('4242');
    expect(form(create).get('payment_method_options[card][installments][enabled]')).toBe('true');
    // Stripe documents installments for Mexico only: a Brazilian card in installments goes elsewhere.
    const br = paymentRequest({ method: 'card', card: TEST_CARD, installments: 3 });
    const err = await failure(
      stripe.createPayment(context(g.base, CREDS, { settings: { raw_card_data: true } }), br),
    );
    expect(err.code).toBe('method_not_supported');
    expect(g.calls('POST', '/v1/payment_intents')).toHaveLength(1);
  });

  it('card without the raw card data permission: refused before anything is sent, so routing moves on', async () => {
    const g = await stripeFake(() => answer('card_succeeded'));
    const err = await failure(
      stripe.createPayment(context(g.base, CREDS), paymentRequest({ method: 'card', card: TEST_CARD })),
    );
    expect([err.kind, err.code]).toEqual(['retryable', 'method_not_supported']);
    expect(g.received).toHaveLength(0);
  });

  it('Stripe refusing raw card data (400) is retryable; a 402 decline is a result; a fraud decline is hard', async () => {
    const ctx = context('', CREDS, { settings: { raw_card_data: true } });
    const card = () => paymentRequest({ method: 'card', card: TEST_CARD });
    let g = await stripeFake(() => answer('raw_card_refused_400'));
    const refused = await failure(stripe.createPayment({ ...ctx, apiBase: g.base }, card()));
    expect([refused.kind, refused.code]).toEqual(['retryable', 'gateway_rejected']);
    expect(refused.message).not.toContain('4242');
    await g.close();
    g = await stripeFake(() => answer('card_declined_402'));
    expect(await stripe.createPayment({ ...ctx, apiBase: g.base }, card())).toEqual({
      status: 'denied',
      reference: 'pi_3MtwBwLkdIwHu7ix28a3tqPa',
      failureCode: 'insufficient_funds',
    });
    await g.close();
    g = await stripeFake(() =>
      answer('card_declined_402', (b) => {
        (b.error as Record<string, unknown>).decline_code = 'stolen_card';
      }),
    );
    const fraud = await failure(stripe.createPayment({ ...ctx, apiBase: g.base }, card()));
    await g.close();
    // error_on_requires_action: a card that needs 3-D Secure is declined, not left waiting.
    g = await stripeFake(() =>
      answer('card_declined_402', (b) => {
        Object.assign(b.error as object, {
          code: 'authentication_required',
          decline_code: 'authentication_required',
        });
      }),
    );
    expect(await stripe.createPayment({ ...ctx, apiBase: g.base }, card())).toMatchObject({
      status: 'denied',
      failureCode: 'authentication_required',
    });
    expect([fraud.kind, fraud.code]).toEqual(['hard_decline', 'card_declined']);
  });

  it('a create that fails or times out is retryable (nothing confirmed); a confirm that does is ambiguous, with the reference', async () => {
    const req = () => paymentRequest({ method: 'pix' });
    let g = track(await startFakeGateway({ 'POST /v1/payment_intents': () => 'hang' }));
    const hung = await failure(stripe.createPayment(context(g.base, CREDS, { timeoutMs: 300 }), req()));
    expect([hung.kind, hung.code]).toEqual(['retryable', 'gateway_timeout']);
    await g.close();
    g = track(await startFakeGateway({ 'POST /v1/payment_intents': () => answer('api_error_500') }));
    expect((await failure(stripe.createPayment(context(g.base, CREDS), req()))).kind).toBe('retryable');
    await g.close();
    g = await stripeFake(() => 'hang');
    const t = await failure(stripe.createPayment(context(g.base, CREDS, { timeoutMs: 300 }), req()));
    expect([t.kind, t.code, t.reference]).toEqual([
      'ambiguous',
      'gateway_timeout',
      'pi_3MtwBwLkdIwHu7ix28a3tqPa',
    ]);
    await g.close();
    g = await stripeFake(() => answer('api_error_500'));
    const e = await failure(stripe.createPayment(context(g.base, CREDS), req()));
    expect([e.kind, e.reference]).toEqual(['ambiguous', 'pi_3MtwBwLkdIwHu7ix28a3tqPa']);
    await g.close();
    g = await stripeFake(() => ({
      status: 429,
      body: { error: { type: 'invalid_request_error', code: 'rate_limit' } },
    }));
    expect((await failure(stripe.createPayment(context(g.base, CREDS), req()))).kind).toBe('retryable');
  });
});
