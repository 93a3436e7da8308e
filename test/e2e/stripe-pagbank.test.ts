import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGateway, startFakeGateway } from '../contract/fake-gateway';
import { fixture } from '../contract/requests';
import { startReceiver } from './receiver';
import { type Server, startBorda } from './server';

const stateDir = mkdtempSync(path.join(tmpdir(), 'borda-stripe-pagbank-'));
const STRIPE = { secret_key: 'sk_test_51BordaE2E', webhook_secret: 'whsec_e2e_stripe_secret' };
const PAGBANK_TOKEN = 'pagbank-e2e-token';
let borda: Server;
let stripe: FakeGateway;
let pagbank: FakeGateway;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let stripeAccount = '';
// The webhook secret is per mode once merchant settings are kept per mode (`webhook_secrets.test`).
let demo: {
  merchant_id: string;
  secret_keys: { test: string };
  webhook_secret?: string;
  webhook_secrets?: { test: string };
};

type Json = Record<string, unknown>;
/** The fakes keep the intents and orders they issued, as the gateways would. */
const intents = new Map<string, Json>();
const orders = new Map<string, Json>();

async function call(method: string, url: string, body?: unknown) {
  const res = await fetch(`${borda.base}${url}`, {
    method,
    headers: { 'x-api-key': demo.secret_keys.test, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

async function pay(session: Json, payment: Json) {
  const res = await fetch(`${borda.base}/c/v1/sessions/${session.token}/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payment),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

async function until<T>(probe: () => T | undefined, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The merchant's payment.success for a session, verified as a merchant would (standardwebhooks). */
async function merchantWebhook(token: string) {
  const hit = await until(
    () => receiver.hits.find((h) => h.body.includes(token) && h.body.includes('payment.success')),
    20_000,
  );
  return new Webhook(demo.webhook_secrets?.test ?? demo.webhook_secret ?? '').verify(
    hit.body,
    hit.headers as Record<string, string>,
  ) as Json;
}

beforeAll(async () => {
  stripe = await startFakeGateway({
    'POST /v1/payment_intents': (r) => {
      const form = new URLSearchParams(r.body);
      const id = `pi_e2e${intents.size + 1}`;
      const pi = {
        ...fixture('stripe', 'payment_intent_created').body,
        id,
        amount: Number(form.get('amount')),
        currency: form.get('currency'),
        payment_method_types: [form.get('payment_method_types[0]')],
        metadata: { borda_payment_id: form.get('metadata[borda_payment_id]') },
      };
      intents.set(id, pi);
      return { status: 200, body: pi };
    },
    'POST /v1/payment_intents/:id/confirm': (r) => {
      const id = r.path.split('/')[3] ?? '';
      if (new URLSearchParams(r.body).get('payment_method_data[type]') === 'card') {
        const pi = { ...intents.get(id), status: 'succeeded', amount_received: intents.get(id)?.amount };
        intents.set(id, pi);
        return { status: 200, body: pi };
      }
      const issued = fixture<Json>('stripe', 'oxxo_requires_action').body;
      const action = issued.next_action as { oxxo_display_details: Json };
      action.oxxo_display_details.expires_after = Math.floor(Date.now() / 1000) + 3 * 86400;
      const pi = { ...intents.get(id), status: 'requires_action', next_action: action };
      intents.set(id, pi);
      return { status: 200, body: pi };
    },
  });
  pagbank = await startFakeGateway({
    'POST /orders': (r) => {
      const sent = r.json as Json & { qr_codes: Json[] };
      if (sent.charges) {
        const paid = { ...fixture('pagbank', 'order_card_paid').body, id: `ORDE_E2E-${orders.size + 1}` };
        orders.set(String(paid.id), paid);
        return { status: 201, body: paid };
      }
      const issued = fixture<Json & { qr_codes: Json[] }>('pagbank', 'order_pix_created').body;
      const order = {
        ...issued,
        id: `ORDE_E2E-${orders.size + 1}`,
        reference_id: sent.reference_id,
        notification_urls: sent.notification_urls,
      };
      order.qr_codes = [{ ...order.qr_codes[0], expiration_date: sent.qr_codes[0]?.expiration_date }];
      orders.set(String(order.id), order);
      return { status: 201, body: order };
    },
  });
  receiver = await startReceiver();
  borda = await startBorda({
    stateDir,
    env: { ALLOW_LOOPBACK_URLS: 'true', STRIPE_API_BASE: stripe.base, PAGBANK_API_BASE: pagbank.base },
  });
  demo = JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8'));
  expect((await call('PATCH', '/api/v1/merchant', { notification_url: receiver.url('/ok/m') })).status).toBe(
    200,
  );
  const inbound = `${borda.base}/webhooks/gateways/pagbank/${demo.merchant_id}`;
  const ids: string[] = [];
  for (const account of [
    { gateway: 'stripe', credentials: STRIPE },
    { gateway: 'pagbank', credentials: { token: PAGBANK_TOKEN, notification_url: inbound } },
  ]) {
    const r = await call('POST', '/api/v1/gateways', account);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ids.push(String(r.body.id));
  }
  stripeAccount = ids[0] ?? '';
});

afterAll(async () => {
  await borda?.stop();
  await Promise.all([stripe?.close(), pagbank?.close(), receiver?.close()]);
  rmSync(stateDir, { recursive: true, force: true });
});

describe('Stripe and PagBank through npm start, against fakes on loopback', () => {
  it('a Mexican OXXO payment through Stripe: voucher issued, signed event applied once, merchant notified', async () => {
    const s = await call('POST', '/api/v1/checkout/sessions', {
      amount: 150000,
      currency: 'MXN',
      merchant_order_id: `MX-${Date.now()}`,
      payment_method: 'oxxo',
      gateway_first_try: 'stripe',
    });
    expect(s.status).toBe(201);
    const paid = await pay(s.body, {
      method: 'oxxo',
      customer: { name: 'Ana López', email: 'ana@example.com' },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    const payment = paid.body.payment as Json & { voucher: Json };
    expect(payment.gateway).toBe('stripe');
    expect(payment.voucher.reference).toBe('12345678901234657890123456789012');
    const [create] = stripe.calls('POST', '/v1/payment_intents');
    expect(new URLSearchParams(create?.body).get('amount')).toBe('150000');

    // The customer pays at the store; Stripe posts payment_intent.succeeded, signed as documented.
    const pi = [...intents.values()].at(-1) as Json;
    const event = fixture<Json>('stripe', 'event_payment_intent_succeeded').body;
    Object.assign(event, { id: `evt_e2e_${Date.now()}` });
    (event.data as Json).object = { ...pi, status: 'succeeded', amount_received: pi.amount };
    const body = JSON.stringify(event);
    const t = Math.floor(Date.now() / 1000);
    const sig = createHmac('sha256', STRIPE.webhook_secret).update(`${t}.${body}`).digest('hex');
    const deliver = (signature: string) =>
      fetch(`${borda.base}/webhooks/gateways/stripe/${demo.merchant_id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': signature },
        body,
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Json }));
    expect((await deliver(`t=${t},v1=${'0'.repeat(64)}`)).status).toBe(401);
    expect((await deliver(`t=${t},v1=${sig}`)).body).toMatchObject({ received: true, applied: true });
    expect((await deliver(`t=${t},v1=${sig}`)).body).toMatchObject({ applied: false, reason: 'duplicate' });

    const hook = await merchantWebhook(String(s.body.token));
    expect(hook).toMatchObject({
      type: 'payment.success',
      provider: 'stripe',
      amount: 150000,
      currency: 'MXN',
    });
  });

  it('a Brazilian PIX through PagBank: QR code issued, the notification PagBank posts is authenticated, merchant notified', async () => {
    const s = await call('POST', '/api/v1/checkout/sessions', {
      amount: 15000,
      currency: 'BRL',
      merchant_order_id: `BR-${Date.now()}`,
      payment_method: 'pix',
      gateway_first_try: 'pagbank',
    });
    expect(s.status).toBe(201);
    const customer = { name: 'Maria Silva', email: 'maria@example.com', document: '529.982.247-25' };
    const paid = await pay(s.body, { method: 'pix', customer });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    const payment = paid.body.payment as Json & { pix: Json };
    expect(payment.gateway).toBe('pagbank');
    const order = [...orders.values()].at(-1) as Json & { qr_codes: Json[]; notification_urls: string[] };
    expect(payment.pix.qr_code).toBe(order.qr_codes[0]?.text);
    const [sent] = pagbank.calls('POST', '/orders');
    expect(sent?.headers.authorization).toBe(`Bearer ${PAGBANK_TOKEN}`);

    // The customer pays; PagBank posts the order to the notification URL Borda gave it.
    const notification = JSON.stringify({
      ...order,
      charges: fixture<Json>('pagbank', 'order_pix_paid').body.charges,
    });
    const sign = (token: string) => createHash('sha256').update(`${token}-${notification}`).digest('hex');
    const deliver = (signature: string) =>
      fetch(order.notification_urls[0] ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-authenticity-token': signature },
        body: notification,
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Json }));
    expect((await deliver(sign('not-the-token'))).status).toBe(401);
    expect((await deliver(sign(PAGBANK_TOKEN))).body).toMatchObject({ received: true, applied: true });
    expect((await deliver(sign(PAGBANK_TOKEN))).body).toMatchObject({ applied: false, reason: 'duplicate' });

    const hook = await merchantWebhook(String(s.body.token));
    expect(hook).toMatchObject({
      type: 'payment.success',
      provider: 'pagbank',
      amount: 15000,
      currency: 'BRL',
    });
  });

  it('a card routes around Stripe until the account says Stripe enabled raw card data, then Stripe charges it', async () => {
    const card = {
      number: '4242424242424242',
      holder_name: 'MARIA SILVA',
      exp_month: 12,
      exp_year: 2035,
      cvc: '123',
    };
    const customer = { name: 'Maria Silva', email: 'maria@example.com', document: '529.982.247-25' };
    const cardSession = () =>
      call('POST', '/api/v1/checkout/sessions', {
        amount: 15000,
        currency: 'BRL',
        merchant_order_id: `CARD-${Date.now()}-${Math.random()}`,
        payment_method: 'card',
        gateway_first_try: 'stripe',
      });
    const before = stripe.received.length;
    const first = await pay((await cardSession()).body, { method: 'card', customer, card });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect((first.body.payment as Json).gateway).toBe('pagbank');
    expect(stripe.received.length).toBe(before); // nothing was sent to Stripe

    const patched = await call('PATCH', `/api/v1/gateways/${stripeAccount}`, {
      settings: { raw_card_data: true },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const second = await pay((await cardSession()).body, { method: 'card', customer, card });
    expect(second.body.payment).toMatchObject({ gateway: 'stripe', status: 'paid' });
    const confirm = stripe.calls('POST', /\/confirm$/).at(-1);
    expect(new URLSearchParams(confirm?.body).get('payment_method_data[card][number]')).toBe(
      '4242424242424242',
    );
  });
});
