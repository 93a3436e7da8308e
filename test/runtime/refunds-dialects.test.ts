import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, pay, VISA_OK } from './client-helpers';
import { api, type Merchant, newMerchant } from './helpers';
import type { Json } from './refund-helpers';
import { stubReceiver, waitFor } from './webhook-helpers';

let m: Merchant;
/** The merchants' receivers (https://hooks.*) are outside this machine: answered here at the HTTP boundary. */
let stub: ReturnType<typeof stubReceiver>;
beforeAll(async () => {
  stub = stubReceiver(() => new Response('OK'));
  m = await newMerchant({ name: 'Loja Dialetos', country: 'BRA' });
});
afterAll(() => stub.restore());

describe('refunds in the dialects', () => {
  it("seed 000's webhook announces payment.refunded with its decimal amount, per refund", async () => {
    const created = (await (
      await api('/api/v1/checkout', m.secret_keys.test, {
        body: {
          merchant_id: m.merchant_id,
          amount: 150.0,
          currency: 'BRL',
          country: 'BRA',
          reference_id: `order_${Date.now()}`,
          success_url: 'https://your-site.com/payment/success',
          cancel_url: 'https://your-site.com/payment/cancel',
          notification_url: 'https://hooks.your-server.com/webhooks/cashier',
        },
      })
    ).json()) as { session_id: string };
    const paid = (await (
      await pay(created.session_id, { method: 'card', card: card(VISA_OK) })
    ).json()) as Json;
    const refunded = await api(`/api/v1/payments/${paid.payment.id}/refunds`, m.secret_keys.test, {
      body: { amount: 5000 },
    });
    expect(refunded.status).toBe(201);
    const hit = await waitFor(async () =>
      stub.received.find((r) => r.body.includes('"payment.refunded"') && r.body.includes(created.session_id)),
    );
    expect(hit.body).toContain('"amount":150.00,');
    expect(JSON.parse(hit.body)).toMatchObject({
      event: 'payment.refunded',
      type: 'payment.refunded',
      status: 'partially_refunded',
      refunded_amount: 5000,
      checkout_session_id: created.session_id,
    });
    expect(hit.headers.get('x-signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('seed 003 reads a refunded payment as paid, with `refunded` partial then full, in GET and the callback', async () => {
    const created = (await (
      await api('/v1/payment', m.secret_keys.test, {
        body: {
          customer_id: 'customer-42',
          name: 'João da Silva',
          email: 'joao@example-store.com.br',
          document: '12345678909',
          amount: 300.1,
          currency: 'BRL',
          payment_method: 'pix',
          callback: 'https://hooks.seed003-shop.com/callback',
          transaction: { id: `tx-${Date.now()}` },
        },
      })
    ).json()) as { id: string };
    await api(`/api/v1/test/payments/${created.id}/simulate`, m.secret_keys.test, {
      body: { outcome: 'paid' },
    });
    const first = (await (
      await api(`/api/v1/payments/${created.id}/refunds`, m.secret_keys.test, { body: { amount: 100 } })
    ).json()) as Json;
    await api(`/api/v1/test/refunds/${first.id}/simulate`, m.secret_keys.test, {
      body: { outcome: 'succeeded' },
    });
    let got = (await (await api(`/v1/payment/${created.id}`, m.secret_keys.test)).json()) as Json;
    expect(got).toMatchObject({ status: 'paid', refunded: 'partial' });
    const partial = await waitFor(async () =>
      stub.received.find((r) => r.body.includes(created.id) && r.body.includes('"refunded":"partial"')),
    );
    expect(JSON.parse(partial.body)).toMatchObject({ status: 'paid', refunded: 'partial' });

    const rest = (await (
      await api(`/api/v1/payments/${created.id}/refunds`, m.secret_keys.test, { method: 'POST' })
    ).json()) as Json;
    await api(`/api/v1/test/refunds/${rest.id}/simulate`, m.secret_keys.test, {
      body: { outcome: 'succeeded' },
    });
    got = (await (await api(`/v1/payment/${created.id}`, m.secret_keys.test)).json()) as Json;
    expect(got).toMatchObject({ status: 'paid', refunded: 'full' });
    await waitFor(async () =>
      stub.received.find((r) => r.body.includes(created.id) && r.body.includes('"refunded":"full"')),
    );
  });
});
