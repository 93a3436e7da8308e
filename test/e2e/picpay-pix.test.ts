import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGateway, type Received, startFakeGateway } from '../contract/fake-gateway';
import { startReceiver } from './receiver';
import { type Server, startBorda } from './server';

/**
 * One PIX paid through PicPay end to end: `npm start` with PICPAY_API_BASE pointing at a fake PicPay
 * on loopback (OAuth2 token, POST /charge/pix, GET /charge/{id}), the notification PicPay would send
 * (its token in Authorization), and the merchant's webhook verified at a loopback receiver.
 */
const stateDir = mkdtempSync(path.join(tmpdir(), 'borda-picpay-'));
const CREDS = {
  client_id: 'picpay-e2e-client',
  client_secret: 'picpay-e2e-secret',
  notification_token: 'picpay-notify-0123456789abcdef',
};
const BR_CODE =
  '00020101021226360014br.gov.bcb.pix0114pix@picpay.com5204000053039865406150.005802BR5911LOJA PICPAY6009SAO PAULO62140510PICPAY000163048E4C';

let borda: Server;
let fake: FakeGateway;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let demo: {
  merchant_id: string;
  secret_keys: { test: string };
  webhook_secret?: string;
  webhook_secrets?: { test: string };
};
/** The charges the fake PicPay holds, by merchantChargeId, and whether each was paid. */
const charges = new Map<string, { amount: number; paid: boolean }>();

function charge(id: string) {
  const c = charges.get(id);
  if (!c) return { status: 404, body: { message: 'charge not found' } };
  const status = c.paid ? 'PAID' : 'PENDING';
  return {
    status: 200,
    body: {
      merchantChargeId: id,
      id: `pp-${id}`,
      chargeStatus: c.paid ? 'PAID' : 'PRE_AUTHORIZED',
      amount: c.amount,
      transactions: [
        { paymentType: 'PIX', amount: c.amount, transactionStatus: status, pix: { qrCode: BR_CODE } },
      ],
    },
  };
}

/** The demo merchant's test-mode webhook secret (one secret per mode once settings are per mode). */
function webhookSecret(): string {
  const secret = demo.webhook_secrets?.test ?? demo.webhook_secret;
  if (!secret) throw new Error('the demo merchant has no webhook secret');
  return secret;
}

async function call(method: string, url: string, body?: unknown) {
  const res = await fetch(`${borda.base}${url}`, {
    method,
    headers: { 'x-api-key': demo.secret_keys.test, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  const bearer = (r: Received) => r.headers.authorization === 'Bearer e2e-picpay-token';
  fake = await startFakeGateway({
    'POST /oauth2/token': (r) => {
      const j = r.json as Record<string, string>;
      const ok = j.client_id === CREDS.client_id && j.client_secret === CREDS.client_secret;
      return ok
        ? { status: 200, body: { access_token: 'e2e-picpay-token', token_type: 'Bearer', expires_in: 300 } }
        : { status: 401, body: { error: 'invalid_client' } };
    },
    'POST /api/v1/charge/pix': (r) => {
      if (!bearer(r)) return { status: 401, body: { message: 'unauthorized' } };
      const j = r.json as { merchantChargeId: string; transactions: { amount: number }[] };
      charges.set(j.merchantChargeId, { amount: j.transactions[0]?.amount ?? 0, paid: false });
      return charge(j.merchantChargeId);
    },
    'GET /api/v1/charge/:id': (r) => (bearer(r) ? charge(r.path.split('/')[4] ?? '') : { status: 401 }),
  });
  [borda, receiver] = await Promise.all([
    startBorda({ stateDir, env: { ALLOW_LOOPBACK_URLS: 'true', PICPAY_API_BASE: fake.base } }),
    startReceiver(),
  ]);
  demo = JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8'));
  expect(
    (await call('PATCH', '/api/v1/merchant', { notification_url: receiver.url('/ok/picpay') })).status,
  ).toBe(200);
  const account = await call('POST', '/api/v1/gateways', {
    gateway: 'picpay',
    credentials: CREDS,
    priority: 1,
  });
  expect(account.status, JSON.stringify(account.body)).toBe(201);
});

afterAll(async () => {
  await receiver?.close();
  await borda?.stop();
  await fake?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('a PicPay PIX through npm start', () => {
  it('issues the BR Code, settles on the verified notification once, and the merchant webhook verifies', async () => {
    const created = await call('POST', '/api/v1/checkout/sessions', {
      amount: 15000,
      currency: 'BRL',
      merchant_order_id: `PP-${Date.now()}`,
      payment_method: 'pix',
    });
    expect(created.status).toBe(201);
    const token = String(created.body.token);
    const paid = await fetch(`${borda.base}/c/v1/sessions/${token}/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        method: 'pix',
        customer: { name: 'Maria Silva', email: 'maria@example.com', document: '529.982.247-25' },
      }),
    });
    const payment = (await paid.json()) as {
      payment: { id: string; status: string; pix: { qr_code: string } };
    };
    expect(paid.status, JSON.stringify(payment)).toBe(201);
    expect(payment.payment.pix.qr_code).toBe(BR_CODE);
    const [post] = fake.calls('POST', '/api/v1/charge/pix');
    if (!post) throw new Error('Borda did not create the PicPay charge');
    const sent = post.json as { merchantChargeId: string; transactions: { amount: number }[] };
    const chargeId = sent.merchantChargeId;
    expect(sent.transactions[0]?.amount).toBe(15000);

    const notify = (authorization: string) =>
      fetch(`${borda.base}/webhooks/gateways/picpay/${demo.merchant_id}`, {
        method: 'POST',
        headers: {
          authorization,
          event_type: 'TransactionUpdateMessage',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ type: 'PAYMENT', merchantChargeId: chargeId, chargeStatus: 'PAID' }),
      });
    // A forged notification (wrong token) is refused, and a genuine one before payment settles nothing.
    expect((await notify('not-the-token')).status).toBe(401);
    expect(await (await notify(CREDS.notification_token)).json()).toMatchObject({ applied: false });

    charges.set(chargeId, { amount: 15000, paid: true });
    const applied = await notify(CREDS.notification_token);
    expect(await applied.json()).toMatchObject({ received: true, applied: true });
    expect(await (await notify(CREDS.notification_token)).json()).toMatchObject({
      applied: false,
      reason: 'duplicate',
    });

    const detail = await until(async () => {
      const p = await call('GET', `/api/v1/payments/${payment.payment.id}`);
      return p.body.status === 'paid' ? p.body : undefined;
    }, 15_000);
    expect(detail).toMatchObject({ gateway: 'picpay', amount: 15000 });

    const wh = new Webhook(webhookSecret());
    const success = await until(
      () =>
        receiver.hits.find(
          (h) => h.path === '/ok/picpay' && h.body.includes(token) && h.body.includes('"payment.success"'),
        ),
      15_000,
    );
    const event = wh.verify(success.body, success.headers as Record<string, string>) as Record<
      string,
      unknown
    >;
    expect(event).toMatchObject({ type: 'payment.success', provider: 'picpay', amount: 15000 });
  });
});
