import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { card, pay, VISA_OK } from './client-helpers';
import { api, call, type Merchant, newMerchant } from './helpers';
import { stubReceiver, waitFor } from './webhook-helpers';

let m: Merchant;
let stub: ReturnType<typeof stubReceiver> | null = null;
afterEach(() => stub?.restore());
beforeAll(async () => {
  m = await newMerchant({ name: 'Cashier Store', country: 'BRA' });
});

/** Seed 000's "Step 1" request, copied from the document; only merchant_id is this merchant's. */
const docRequest = () => ({
  merchant_id: m.merchant_id,
  amount: 150.0,
  currency: 'BRL',
  country: 'BRA',
  description: 'Order #12345',
  reference_id: `order_12345_${Date.now()}`,
  success_url: 'https://your-site.com/payment/success',
  cancel_url: 'https://your-site.com/payment/cancel',
  notification_url: 'https://your-server.com/webhooks/cashier',
  metadata: { order_id: '12345', customer_email: 'joao@example.com' },
});

describe('seed 000 dialect: POST /api/v1/checkout', () => {
  it("answers the document's own example with its response shape, over a canonical session", async () => {
    const res = await api('/api/v1/checkout', m.secret_keys.test, { body: docRequest() });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['checkout_url', 'expires_at', 'session_id', 'success']);
    expect(body).toMatchObject({ success: true, session_id: expect.stringMatching(/^cs_test_/) });
    expect(body.expires_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(body.checkout_url).toBe(`https://borda.test/checkout/${body.session_id}`);
    const canonical = (await (
      await api(`/api/v1/checkout/sessions/${body.session_id}`, m.secret_keys.test)
    ).json()) as Record<string, unknown>;
    expect(canonical).toMatchObject({
      amount: 15000,
      currency: 'BRL',
      country: 'BRA',
      description: 'Order #12345',
    });
    expect((await call(String(body.checkout_url).replace('https://borda.test', ''))).status).toBe(200);
  });

  it.each([
    ['150.00999999999999999', 'BRL', 'BRA'],
    ['1500.0000000000001', 'CLP', 'CHL'],
  ])(
    'refuses %s %s with 422: more decimals than the currency has, though the float rounds away',
    async (amount, currency, country) => {
      const { amount: _float, ...rest } = docRequest();
      // Written by hand: JSON.stringify would print the float, not the text a client sent.
      const text = JSON.stringify({ ...rest, currency, country }).replace(/^\{/, `{"amount":${amount},`);
      const res = await api('/api/v1/checkout', m.secret_keys.test, { body: text });
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ errors: [{ field: 'amount', code: 'too_many_decimals' }] });
    },
  );

  it("takes the Node.js example's body (no description or metadata) and returns checkout_url", async () => {
    const res = await api('/api/v1/checkout', m.secret_keys.test, {
      body: {
        merchant_id: m.merchant_id,
        amount: 89.9,
        currency: 'BRL',
        country: 'BRA',
        reference_id: `A-${Date.now()}`,
        success_url: 'https://your-site.com/orders/A/success',
        cancel_url: 'https://your-site.com/orders/A/cancel',
        notification_url: 'https://your-site.com/webhooks/cashier',
      },
    });
    const { checkout_url } = (await res.json()) as { checkout_url: string };
    expect(checkout_url).toMatch(/\/checkout\/cs_test_/);
  });

  it.each([
    [{ amount: 150.001 }, 'amount', 'too_many_decimals'],
    [{ amount: 1500.5, currency: 'CLP', country: 'CHL' }, 'amount', 'too_many_decimals'],
    [{ amount: 0 }, 'amount', 'not_positive'],
    [{ merchant_id: 'mer_someoneelse' }, 'merchant_id', 'merchant_mismatch'],
    [{ country: undefined }, 'country', 'required'],
    [{ cancel_url: undefined }, 'cancel_url', 'required'],
  ])('refuses %o with 422 naming %s', async (patch, field, code) => {
    const res = await api('/api/v1/checkout', m.secret_keys.test, { body: { ...docRequest(), ...patch } });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ field, code }] });
  });

  it("keeps seed 000's webhook payload: decimal amount, X-Signature over the exact bytes", async () => {
    stub = stubReceiver(() => new Response('OK'));
    const created = (await (
      await api('/api/v1/checkout', m.secret_keys.test, {
        body: { ...docRequest(), notification_url: 'https://hooks.your-server.com/webhooks/cashier' },
      })
    ).json()) as { session_id: string };
    expect((await pay(created.session_id, { method: 'card', card: card(VISA_OK) })).status).toBe(201);
    const hit = await waitFor(async () =>
      stub?.received.find((r) => r.body.includes('"payment.success"') && r.body.includes(created.session_id)),
    );
    expect(hit.body).toContain('"amount":150.00,');
    const payload = JSON.parse(hit.body) as Record<string, unknown>;
    expect(payload).toMatchObject({
      event: 'payment.success',
      checkout_session_id: created.session_id,
      merchant_id: m.merchant_id,
      status: 'success',
      amount: 150,
      currency: 'BRL',
      payment_method: 'card',
      metadata: { order_id: '12345', customer_email: 'joao@example.com' },
    });
    expect(String(payload.reference_id)).toMatch(/^order_12345_/);
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(m.webhook_secrets.test),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(hit.body)));
    expect(hit.headers.get('x-signature')).toBe(
      [...mac].map((b) => b.toString(16).padStart(2, '0')).join(''),
    );
  });
});
