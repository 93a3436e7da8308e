import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeEbanx, startFakeMercadoPago } from './fake-latam-gateways';
import { startReceiver } from './receiver';
import { type Server, startBorda } from './server';

const MP_TOKEN = 'TEST-8000000000000000-112700-0123456789abcdef0123456789abcdef-100000001';
const MP_SECRET = 'e2e-mercadopago-webhook-secret';
const EBANX_KEY = 'test_ik_e2e_0123456789abcdef';

let borda: Server;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let mp: Awaited<ReturnType<typeof startFakeMercadoPago>>;
let ebanx: Awaited<ReturnType<typeof startFakeEbanx>>;
let demo: { merchant_id: string; secret_keys: { test: string }; webhook_secrets: { test: string } };
const stateDir = mkdtempSync(path.join(tmpdir(), 'borda-latam-'));

async function api(method: string, url: string, body?: unknown) {
  const res = await fetch(`${borda.base}${url}`, {
    method,
    headers: { 'x-api-key': demo.secret_keys.test, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function until<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  ms: number,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

let seq = 0;
/** A session, paid from the client API as the page would; answers the payment Borda created. */
async function sessionPaidWith(session: Record<string, unknown>, payment: Record<string, unknown>) {
  seq += 1;
  const s = await api('POST', '/api/v1/checkout/sessions', {
    merchant_order_id: `LATAM-${Date.now()}-${seq}`,
    ...session,
  });
  expect(s.status, JSON.stringify(s.body)).toBe(201);
  const token = String(s.body.token);
  const res = await fetch(`${borda.base}/c/v1/sessions/${token}/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payment),
  });
  const body = (await res.json()) as { status: string; payment: Record<string, unknown> };
  expect(res.status, JSON.stringify(body)).toBe(201);
  return { token, ...body };
}

async function postInbound(slug: string, query: string, headers: Record<string, string>, body: string) {
  const res = await fetch(
    `${borda.base}/webhooks/gateways/${slug}/${demo.merchant_id}${query ? `?${query}` : ''}`,
    {
      method: 'POST',
      headers,
      body,
    },
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The merchant's verified `payment.success` webhooks for a session. */
function successes(token: string) {
  const wh = new Webhook(demo.webhook_secrets.test);
  return receiver.hits
    .filter((h) => h.body.includes(token))
    .map(
      (h) =>
        wh.verify(h.body, h.headers as Record<string, string>) as {
          type: string;
          data?: Record<string, unknown>;
          provider?: string;
        },
    )
    .filter((e) => e.type === 'payment.success');
}

beforeAll(async () => {
  [receiver, mp, ebanx] = await Promise.all([
    startReceiver(),
    startFakeMercadoPago(MP_TOKEN, MP_SECRET),
    startFakeEbanx(EBANX_KEY),
  ]);
  borda = await startBorda({
    stateDir,
    env: { ALLOW_LOOPBACK_URLS: 'true', MERCADOPAGO_API_BASE: mp.base, EBANX_API_BASE: ebanx.base },
  });
  demo = JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8'));
  expect(
    (await api('PATCH', '/api/v1/merchant', { notification_url: receiver.url('/ok/latam') })).status,
  ).toBe(200);
  const accounts = [
    {
      gateway: 'mercadopago',
      priority: 1,
      credentials: { access_token: MP_TOKEN, webhook_secret: MP_SECRET },
    },
    { gateway: 'ebanx', priority: 2, credentials: { integration_key: EBANX_KEY } },
  ];
  for (const a of accounts) {
    const r = await api('POST', '/api/v1/gateways', a);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(JSON.stringify(r.body)).not.toContain(Object.values(a.credentials)[0]);
  }
});

afterAll(async () => {
  await Promise.all([borda?.stop(), receiver?.close(), mp?.close(), ebanx?.close()]);
  rmSync(stateDir, { recursive: true, force: true });
});

describe('real gateways end to end, through npm start, against fakes on loopback', () => {
  it('lists the coverage table and the new connectors in GET /api/v1/gateways', async () => {
    const r = await api('GET', '/api/v1/gateways');
    const coverage = r.body.coverage as {
      table: Record<string, Record<string, string[]>>;
      sandbox_only: Array<{ country: string; method: string; reason: string }>;
    };
    expect(coverage.sandbox_only).toContainEqual(
      expect.objectContaining({
        country: 'COL',
        method: 'transfiya',
        reason: expect.stringContaining('Transfiya'),
      }),
    );
    const catalog = r.body.gateways as Array<{ gateway: string; coverage: Record<string, string[]> }>;
    expect(catalog.find((g) => g.gateway === 'ebanx')?.coverage.MEX).toEqual(['oxxo', 'spei', 'card']);
    expect(coverage.table.MEX?.oxxo).toEqual(['stripe', 'mercadopago', 'ebanx']);
    expect(coverage.table.COL?.pse).toEqual(['mercadopago', 'ebanx']);
    expect(coverage.table.COL?.nequi).toEqual(['ebanx']);
    expect((r.body.data as unknown[]).length).toBe(2);
  });

  it('a Mexican OXXO voucher through Mercado Pago, paid, notified, verified and replayed', async () => {
    const paid = await sessionPaidWith(
      {
        amount: 123456,
        currency: 'MXN',
        country: 'MEX',
        payment_method: 'oxxo',
        gateway_first_try: 'mercadopago',
      },
      { method: 'oxxo', customer: { name: 'Juan Pérez', email: 'juan@example.com' } },
    );
    expect(paid.status).toBe('pending');
    const [create] = mp.calls('POST', '/v1/payments');
    expect(create?.headers.authorization).toBe(`Bearer ${MP_TOKEN}`);
    expect(create?.json).toMatchObject({ transaction_amount: 1234.56, payment_method_id: 'oxxo' });
    const mpId = mp.idFor(String(paid.payment.id));
    expect(mpId).toMatch(/^\d+$/);
    mp.approve(mpId);
    const note = mp.notification(mpId, 'req-oxxo-1');
    const first = await postInbound('mercadopago', note.query, note.headers, note.body);
    expect(first.body).toMatchObject({ received: true, applied: true });
    const [event] = await until(
      () => (successes(paid.token).length > 0 ? successes(paid.token) : undefined),
      20_000,
    );
    expect(event).toMatchObject({ provider: 'mercadopago' });
    // The same signed notification again is acknowledged and changes nothing.
    const again = await postInbound('mercadopago', note.query, note.headers, note.body);
    expect(again.body).toMatchObject({ applied: false });
    // A forged one is refused.
    const forged = await postInbound(
      'mercadopago',
      note.query,
      { ...note.headers, 'x-signature': 'ts=1,v1=00' },
      note.body,
    );
    expect(forged.status).toBe(401);
    await new Promise((r) => setTimeout(r, 1000));
    expect(successes(paid.token)).toHaveLength(1);
    expect((await api('GET', `/api/v1/checkout/sessions/${paid.token}`)).body.status).toBe('paid');
  }, 60_000);

  it('a Brazilian PIX through Mercado Pago: the BR Code reaches the customer, the signed notification settles it', async () => {
    const paid = await sessionPaidWith(
      {
        amount: 15050,
        currency: 'BRL',
        country: 'BRA',
        payment_method: 'pix',
        gateway_first_try: 'mercadopago',
      },
      {
        method: 'pix',
        customer: { name: 'Maria Silva', email: 'maria@example.com', document: '529.982.247-25' },
      },
    );
    expect(paid.status).toBe('pending');
    const sent = mp
      .calls('POST', '/v1/payments')
      .find((r) => (r.json as { external_reference: string }).external_reference === paid.payment.id);
    expect(sent?.headers['x-idempotency-key']).toBe(paid.payment.id);
    expect(sent?.json).toMatchObject({
      transaction_amount: 150.5,
      payment_method_id: 'pix',
      payer: { identification: { type: 'CPF', number: '52998224725' } },
    });
    expect(String((paid.payment.pix as { qr_code: string }).qr_code)).toMatch(/^000201/);
    const mpId = mp.idFor(String(paid.payment.id));
    mp.approve(mpId);
    const note = mp.notification(mpId, 'req-pix-1');
    expect((await postInbound('mercadopago', note.query, note.headers, note.body)).body).toMatchObject({
      applied: true,
    });
    const [event] = await until(
      () => (successes(paid.token).length > 0 ? successes(paid.token) : undefined),
      20_000,
    );
    expect(event).toMatchObject({ provider: 'mercadopago', amount: 15050, currency: 'BRL' });
  }, 60_000);

  it('a Colombian PSE through EBANX: the bank redirect, then a notification that only names the payment', async () => {
    const paid = await sessionPaidWith(
      {
        amount: 15202300,
        currency: 'COP',
        country: 'COL',
        payment_method: 'pse',
        gateway_first_try: 'ebanx',
      },
      {
        method: 'pse',
        bank: '1007',
        customer: { name: 'Ana Gómez', email: 'ana@example.com', document: '1032456789' },
      },
    );
    expect(paid.status).toBe('pending');
    // EBANX is named first: it takes the payment, nobody else is tried.
    const detail = await api('GET', `/api/v1/payments/${paid.payment.id}`);
    expect((detail.body.attempts as Array<{ gateway: string }>).map((a) => a.gateway)).toEqual(['ebanx']);
    const [direct] = ebanx.calls('POST', '/ws/direct');
    expect(direct?.json).toMatchObject({
      integration_key: EBANX_KEY,
      payment: {
        country: 'co',
        payment_type_code: 'eft',
        eft_code: '1007',
        amount_total: 152023,
        currency_code: 'COP',
      },
    });
    expect(JSON.stringify(paid.payment)).toContain('/ws/simulator/confirm');
    const hash = ebanx.hashFor(String(paid.payment.id));
    // Before the bank confirms, a notification changes nothing.
    const early = ebanx.notification(hash);
    expect((await postInbound('ebanx', '', early.headers, early.body)).body).toMatchObject({
      applied: false,
    });
    ebanx.confirm(hash);
    const note = ebanx.notification(hash);
    expect((await postInbound('ebanx', '', note.headers, note.body)).body).toMatchObject({ applied: true });
    const [event] = await until(
      () => (successes(paid.token).length > 0 ? successes(paid.token) : undefined),
      20_000,
    );
    expect(event).toMatchObject({ provider: 'ebanx' });
    expect((await postInbound('ebanx', '', note.headers, note.body)).body).toMatchObject({ applied: false });
    // A notification naming a payment EBANX does not know for this key is not authentic.
    const unknown = ebanx.notification('f'.repeat(48));
    expect((await postInbound('ebanx', '', unknown.headers, unknown.body)).status).toBe(401);
  }, 60_000);

  it('falls back from Mercado Pago to EBANX after a 500 once Mercado Pago says it has no such payment', async () => {
    mp.outage.creates = 1;
    const paid = await sessionPaidWith(
      { amount: 50000, currency: 'MXN', country: 'MEX', payment_method: 'oxxo' },
      { method: 'oxxo', customer: { name: 'Luis Ramírez', email: 'luis@example.com' } },
    );
    expect(paid.status).toBe('pending');
    const detail = await api('GET', `/api/v1/payments/${paid.payment.id}`);
    const attempts = detail.body.attempts as Array<{ gateway: string; outcome: string }>;
    expect(attempts.map((a) => [a.gateway, a.outcome])).toEqual([
      ['mercadopago', 'ambiguous'],
      ['mercadopago', 'retryable'],
      ['ebanx', 'pending'],
    ]);
    // Mercado Pago was asked for the payment by Borda's id before anyone else tried.
    const search = mp.calls('GET', '/v1/payments/search').at(-1);
    expect(search?.query.get('external_reference')).toBe(paid.payment.id);
    expect(ebanx.hashFor(String(paid.payment.id))).toMatch(/^\w+$/);
  }, 60_000);
});
