import { afterEach, describe, expect, it } from 'vitest';
import { stripeConnector as stripe } from '../../src/gateways/stripe/client';
import { INTENT_STATUS } from '../../src/gateways/stripe/wire';
import { context, failure, fixture, paymentRequest } from './requests';
import { answer, CREDS, closeFakes, form, KEY, stripeFake } from './stripe-fake';

afterEach(closeFakes);

describe('Stripe status, cancel and refunds over the wire', () => {
  it('maps every documented PaymentIntent status when asked by reference', async () => {
    let status = 'succeeded';
    let lastError: unknown = null;
    const g = await stripeFake(() => answer('card_succeeded'), {
      'GET /v1/payment_intents/:id': () =>
        answer('card_succeeded', (b) => Object.assign(b, { status, last_payment_error: lastError })),
    });
    const ask = () =>
      stripe.fetchStatus(context(g.base, CREDS), {
        reference: 'pi_3CardLkdIwHu7ix1b2c3d4e',
        paymentId: 'pay_x',
      });
    const expected: Record<string, string> = {
      requires_payment_method: 'not_found',
      requires_confirmation: 'pending',
      requires_action: 'pending',
      processing: 'pending',
      requires_capture: 'pending',
      canceled: 'canceled',
      succeeded: 'paid',
    };
    expect(Object.keys(expected).sort()).toEqual(Object.keys(INTENT_STATUS).sort());
    for (const [s, borda] of Object.entries(expected)) {
      status = s;
      expect((await ask()).status, s).toBe(borda);
    }
    status = 'requires_payment_method';
    lastError = { type: 'card_error', code: 'expired_card' };
    expect(await ask()).toEqual({
      status: 'denied',
      reference: 'pi_3CardLkdIwHu7ix1b2c3d4e',
      failureCode: 'expired_card',
    });
    expect(g.calls('GET', '/v1/payment_intents/pi_3CardLkdIwHu7ix1b2c3d4e')[0]?.headers.authorization).toBe(
      `Bearer ${KEY}`,
    );
  });

  it('without a reference, finds the payment by search on Borda payment id', async () => {
    const g = await stripeFake(() => answer('card_succeeded'), {
      'GET /v1/payment_intents/search': () => ({
        status: 200,
        body: {
          object: 'search_result',
          data: [{ ...fixture('stripe', 'card_succeeded').body, metadata: { borda_payment_id: 'pay_abc' } }],
        },
      }),
    });
    const status = await stripe.fetchStatus(context(g.base, CREDS), {
      reference: null,
      paymentId: 'pay_abc',
    });
    expect(status).toEqual({ status: 'paid', reference: 'pi_3CardLkdIwHu7ix1b2c3d4e' });
    expect(g.calls('GET', '/v1/payment_intents/search')[0]?.query.get('query')).toBe(
      "metadata['borda_payment_id']:'pay_abc'",
    );
  });

  it('cancel voids an open intent, and refuses one already paid', async () => {
    let state = 'requires_action';
    const g = await stripeFake(() => answer('card_succeeded'), {
      'POST /v1/payment_intents/:id/cancel': () =>
        state === 'succeeded'
          ? {
              status: 400,
              body: {
                error: {
                  type: 'invalid_request_error',
                  code: 'payment_intent_unexpected_state',
                  payment_intent: { id: 'pi_1', status: 'succeeded' },
                },
              },
            }
          : { status: 200, body: { id: 'pi_1', status: 'canceled' } },
    });
    await stripe.cancel(context(g.base, CREDS), 'pi_1');
    expect(form(g.calls('POST', '/v1/payment_intents/pi_1/cancel')[0]).get('cancellation_reason')).toBe(
      'abandoned',
    );
    state = 'succeeded';
    const err = await failure(stripe.cancel(context(g.base, CREDS), 'pi_1'));
    expect([err.kind, err.code]).toEqual(['hard_decline', 'already_paid']);
  });

  it('refunds through the Refunds API with Borda refund id as the idempotency key; OXXO has no refunds', async () => {
    const g = await stripeFake(() => answer('card_succeeded'), {
      'POST /v1/refunds': () => answer('refund_succeeded'),
    });
    const refund = {
      refundId: 'rf_123',
      paymentId: 'pay_1',
      reference: 'pi_3CardLkdIwHu7ix1b2c3d4e',
      method: 'card',
      amount: 5000,
      currency: 'BRL' as const,
      chargedAmount: 15000,
      reason: null,
      now: Date.now(),
    };
    expect(await stripe.refund?.(context(g.base, CREDS), refund)).toEqual({
      status: 'succeeded',
      reference: 're_1Nispe2eZvKYlo2Cd31jOCgZ',
    });
    const [call] = g.calls('POST', '/v1/refunds');
    expect(call?.headers['idempotency-key']).toBe('rf_123');
    expect([form(call).get('payment_intent'), form(call).get('amount')]).toEqual([
      'pi_3CardLkdIwHu7ix1b2c3d4e',
      '5000',
    ]);
    const err = await failure(stripe.refund?.(context(g.base, CREDS), { ...refund, method: 'oxxo' }));
    expect(err.code).toBe('refund_not_supported');
  });

  it('a refund Stripe refuses is failed with its code; a refund is found again by id or by Borda refund id', async () => {
    const g = await stripeFake(() => answer('card_succeeded'), {
      'POST /v1/refunds': () => ({
        status: 400,
        body: { error: { type: 'invalid_request_error', code: 'charge_already_refunded' } },
      }),
      'GET /v1/refunds/:id': () => answer('refund_succeeded', (b) => Object.assign(b, { status: 'pending' })),
      'GET /v1/refunds': () => ({
        status: 200,
        body: {
          object: 'list',
          data: [
            answer('refund_succeeded', (b) => Object.assign(b, { metadata: { borda_refund_id: 'rf_9' } }))
              .body,
          ],
        },
      }),
    });
    const ctx = context(g.base, CREDS);
    const refund = {
      refundId: 'rf_9',
      paymentId: 'pay_1',
      reference: 'pi_3CardLkdIwHu7ix1b2c3d4e',
      method: 'pix',
      amount: 15000,
      currency: 'BRL' as const,
      chargedAmount: 15000,
      reason: null,
      now: Date.now(),
    };
    expect(await stripe.refund?.(ctx, refund)).toEqual({
      status: 'failed',
      reference: null,
      failureCode: 'charge_already_refunded',
    });
    const ref = { paymentReference: 'pi_3CardLkdIwHu7ix1b2c3d4e', refundId: 'rf_9' };
    expect(await stripe.fetchRefund?.(ctx, { ...ref, reference: 're_1Nispe2eZvKYlo2Cd31jOCgZ' })).toEqual({
      status: 'pending',
      reference: 're_1Nispe2eZvKYlo2Cd31jOCgZ',
    });
    expect(await stripe.fetchRefund?.(ctx, { ...ref, reference: null })).toEqual({
      status: 'succeeded',
      reference: 're_1Nispe2eZvKYlo2Cd31jOCgZ',
    });
    expect(g.calls('GET', '/v1/refunds')[0]?.query.get('payment_intent')).toBe('pi_3CardLkdIwHu7ix1b2c3d4e');
  });

  it('refuses what it does not cover (boleto, PIX outside Brazil) without calling Stripe', async () => {
    const g = await stripeFake(() => answer('card_succeeded'));
    for (const req of [
      paymentRequest({ method: 'boleto' }),
      paymentRequest({ method: 'pix', country: 'MEX', currency: 'MXN' }),
    ]) {
      expect((await failure(stripe.createPayment(context(g.base, CREDS), req))).code).toBe(
        'method_not_supported',
      );
    }
    expect(g.received).toHaveLength(0);
  });
});
