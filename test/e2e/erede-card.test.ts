import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGateway, startFakeGateway } from '../contract/fake-gateway';
import { startReceiver } from './receiver';
import { type Server, startBorda } from './server';

/**
 * One card paid through e.Rede end to end: `npm start` with EREDE_API_BASE pointing at a fake e.Rede
 * on loopback (OAuth2 token, POST /v2/transactions answering as documented), settled by the
 * synchronous answer, and the merchant's webhook verified at a loopback receiver.
 */
const stateDir = mkdtempSync(path.join(tmpdir(), 'borda-erede-'));
const CREDS = { client_id: '50349999', client_secret: 'erede-e2e-integration-key' };

let borda: Server | undefined;
let fake: FakeGateway | undefined;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
let demo: { secret_keys: { test: string }; webhook_secret?: string; webhook_secrets?: { test: string } };

/** The demo merchant's test-mode webhook secret (one secret per mode once settings are per mode). */
function webhookSecret(): string {
  const secret = demo.webhook_secrets?.test ?? demo.webhook_secret;
  if (!secret) throw new Error('the demo merchant has no webhook secret');
  return secret;
}

async function call(method: string, url: string, body?: unknown) {
  const res = await fetch(`${borda?.base}${url}`, {
    method,
    headers: { 'x-api-key': demo.secret_keys.test, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
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

beforeAll(async () => {
  const basic = `Basic ${Buffer.from(`${CREDS.client_id}:${CREDS.client_secret}`).toString('base64')}`;
  fake = await startFakeGateway({
    'POST /oauth2/token': (r) =>
      r.headers.authorization === basic && r.body === 'grant_type=client_credentials'
        ? { status: 200, body: { access_token: 'e2e-erede-token', token_type: 'Bearer', expires_in: 1440 } }
        : { status: 401, body: { error: 'invalid_client' } },
    'POST /v2/transactions': (r) => {
      if (r.headers.authorization !== 'Bearer e2e-erede-token') return { status: 401, body: {} };
      const j = r.json as { reference: string; amount: number };
      return {
        status: 201,
        body: {
          reference: j.reference,
          tid: '10012411121539096001',
          nsu: '306718396',
          amount: j.amount,
          cardBin: '544828',
          last4: '0007',
          brand: {
            returnCode: '00',
            name: 'Mastercard',
            returnMessage: 'Success.',
            authorizationCode: '67404',
          },
          returnCode: '00',
          returnMessage: 'Success.',
        },
      };
    },
  });
  [borda, receiver] = await Promise.all([
    startBorda({ stateDir, env: { ALLOW_LOOPBACK_URLS: 'true', EREDE_API_BASE: fake.base } }),
    startReceiver(),
  ]);
  demo = JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8'));
  expect(
    (await call('PATCH', '/api/v1/merchant', { notification_url: receiver.url('/ok/erede') })).status,
  ).toBe(200);
  const account = await call('POST', '/api/v1/gateways', {
    gateway: 'erede',
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

describe('an e.Rede card through npm start', () => {
  it('is authorised and captured in installments, the session is paid, and the merchant webhook verifies', async () => {
    const created = await call('POST', '/api/v1/checkout/sessions', {
      amount: 30000,
      currency: 'BRL',
      merchant_order_id: `ER-${Date.now()}`,
      payment_method: 'card',
      payment_settings: [{ payment_type: 'card', max_installments: 3 }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const token = String(created.body.token);
    const res = await fetch(`${borda?.base}/c/v1/sessions/${token}/payments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        method: 'card',
        installments: 3,
        customer: { name: 'Maria Silva', email: 'maria@example.com', document: '529.982.247-25' },
        card: {
          number: '5448280000000007',
          holder_name: 'MARIA SILVA',
          exp_month: 12,
          exp_year: 2035,
          cvc: '235',
        },
      }),
    });
    const paid = (await res.json()) as { status: string; payment: { gateway: string; status: string } };
    expect(res.status, JSON.stringify(paid)).toBe(201);
    expect(paid).toMatchObject({ status: 'paid', payment: { gateway: 'erede', status: 'paid' } });

    const sent = fake?.calls('POST', '/v2/transactions')[0]?.json as Record<string, unknown>;
    expect(sent).toMatchObject({ kind: 'credit', capture: true, amount: 30000, installments: 3 });
    expect(fake?.calls('POST', '/oauth2/token')).toHaveLength(1);

    const hit = await until(
      () =>
        receiver?.hits.find(
          (h) => h.path === '/ok/erede' && h.body.includes(token) && h.body.includes('"payment.success"'),
        ),
      15_000,
    );
    const event = new Webhook(webhookSecret()).verify(hit.body, hit.headers as Record<string, string>);
    expect(event).toMatchObject({ type: 'payment.success', provider: 'erede', amount: 30000 });
  });
});
