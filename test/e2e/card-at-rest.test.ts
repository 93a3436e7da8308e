import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGateway, startFakeGateway } from '../contract/fake-gateway';
import { type Server, startBorda } from './server';

/**
 * Card numbers and CVCs never rest anywhere: cards are paid through the Pagar.me and Asaas
 * connectors (against fake gateways on loopback, through the <SLUG>_API_BASE overrides that npm
 * start's local settings allow), then every file of the local state (SQLite databases, their WAL
 * and journals, Durable Object storage) and the server's output are searched byte for byte.
 */
const PAGARME_CARD = { number: '4000000000000010', cvc: '739' };
const ASAAS_CARD = { number: '5162306219378829', cvc: '318' };
const stateDir = mkdtempSync(path.join(tmpdir(), 'borda-card-at-rest-'));
let borda: Server;
let pagarme: FakeGateway;
let asaas: FakeGateway;
let key = '';

/** Pagar.me's documented order answer for a captured card charge (docs.pagar.me, "Obter pedido"). */
function pagarmeOrder(req: { json: unknown }) {
  const body = req.json as { code: string; items: Array<{ amount: number }> };
  const amount = body.items[0]?.amount ?? 0;
  const charge = {
    id: 'ch_K2rJ5nlHwTE4qRDP',
    code: body.code,
    amount,
    status: 'paid',
    currency: 'BRL',
    payment_method: 'credit_card',
    last_transaction: {
      id: 'tran_bZ0N3DjjUzTW68eq',
      transaction_type: 'credit_card',
      amount,
      status: 'captured',
      success: true,
      installments: 1,
      acquirer_return_code: '00',
      acquirer_message: 'Transação capturada com sucesso',
      card: {
        id: 'card_gAP32x6tKcXoVxQ6',
        first_six_digits: '400000',
        last_four_digits: '0010',
        brand: 'Visa',
      },
    },
  };
  return {
    status: 200,
    body: {
      id: 'or_56GXnk6T0eU88qMm',
      code: body.code,
      amount,
      currency: 'BRL',
      closed: true,
      status: 'paid',
      charges: [charge],
    },
  };
}

/** Asaas's documented answer to a confirmed card payment (docs.asaas.com, "Criar cobrança com cartão"). */
function asaasPayment(req: { json: unknown }) {
  const body = req.json as { value: number; externalReference: string };
  return {
    status: 200,
    body: {
      object: 'payment',
      id: 'pay_080225913252',
      customer: 'cus_000005219613',
      value: body.value,
      billingType: 'CREDIT_CARD',
      status: 'CONFIRMED',
      dueDate: '2026-03-10',
      externalReference: body.externalReference,
      deleted: false,
      creditCard: { creditCardNumber: '8829', creditCardBrand: 'MASTERCARD', creditCardToken: null },
    },
  };
}

async function api(method: string, url: string, body?: unknown) {
  const res = await fetch(`${borda.base}${url}`, {
    method,
    headers: { 'x-api-key': key, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function payCard(gateway: string, card: { number: string; cvc: string }) {
  const s = await api('POST', '/api/v1/checkout/sessions', {
    amount: 15000,
    currency: 'BRL',
    merchant_order_id: `AT-REST-${gateway}-${Date.now()}`,
    payment_method: 'card',
    gateway_first_try: gateway,
  });
  expect(s.status).toBe(201);
  const res = await fetch(`${borda.base}/c/v1/sessions/${s.body.token}/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: borda.base },
    body: JSON.stringify({
      method: 'card',
      customer: { name: 'Maria Silva', email: 'maria@example.com', document: '52998224725' },
      card: { number: card.number, holder_name: 'MARIA SILVA', exp_month: 12, exp_year: 2035, cvc: card.cvc },
    }),
  });
  const paid = (await res.json()) as { payment: { id: string; status: string; gateway: string } };
  expect(res.status, JSON.stringify(paid)).toBe(201);
  const detail = await api('GET', `/api/v1/payments/${paid.payment.id}`);
  return {
    ...paid.payment,
    attempts: detail.body.attempts as Array<{ gateway: string; outcome: string; error_code: string | null }>,
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

beforeAll(async () => {
  [pagarme, asaas] = await Promise.all([
    startFakeGateway({ 'POST /orders': pagarmeOrder }),
    startFakeGateway({
      'POST /customers': () => ({ status: 200, body: { object: 'customer', id: 'cus_000005219613' } }),
      'POST /payments': asaasPayment,
    }),
  ]);
  borda = await startBorda({ stateDir, env: { PAGARME_API_BASE: pagarme.base, ASAAS_API_BASE: asaas.base } });
  key = JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8')).secret_keys.test;
  for (const [gateway, credentials] of [
    ['pagarme', { secret_key: 'sk_test_abc123', webhook_user: 'borda', webhook_password: 'segredo' }],
    ['asaas', { api_key: '$aact_test_abc123', webhook_token: 'token-de-teste-123' }],
  ] as const) {
    expect((await api('POST', '/api/v1/gateways', { gateway, credentials })).status).toBe(201);
  }
});

afterAll(async () => {
  await borda?.stop();
  await Promise.all([pagarme?.close(), asaas?.close()]);
  rmSync(stateDir, { recursive: true, force: true });
});

describe('card data at rest', () => {
  it('is in no file of the local state nor in the logs after Pagar.me and Asaas card payments', async () => {
    expect(await payCard('pagarme', PAGARME_CARD)).toMatchObject({ status: 'paid', gateway: 'pagarme' });
    // Asaas first: its connector takes the card, then refuses before any call because Borda does not
    // collect what Asaas requires for cards (payer IP, holder postal code and address number); routing
    // routes around it to Pagar.me, which charges it (Asaas is skipped before any call).
    const viaAsaas = await payCard('asaas', ASAAS_CARD);
    expect(viaAsaas).toMatchObject({ status: 'paid', gateway: 'pagarme' });
    expect(viaAsaas.attempts.map((a) => [a.gateway, a.outcome, a.error_code])).toEqual([
      ['asaas', 'skipped_missing_data', 'gateway_missing_data'],
      ['pagarme', 'paid', null],
    ]);
    // The cards really went over the wire (the paths were exercised, not skipped).
    const orders = pagarme.calls('POST', '/orders').map((r) => r.body);
    expect(orders.some((b) => b.includes(PAGARME_CARD.number))).toBe(true);
    expect(orders.some((b) => b.includes(ASAAS_CARD.number))).toBe(true);

    const output = borda.output();
    await borda.stop(); // SQLite writes its WAL back on close; both are searched anyway
    const files = filesUnder(stateDir);
    expect(files.some((f) => /\.sqlite$/.test(f))).toBe(true);
    const found: string[] = [];
    for (const card of [PAGARME_CARD, ASAAS_CARD]) {
      const needles = [card.number, card.number.slice(0, 12), `"cvc":"${card.cvc}"`, `"cvv":"${card.cvc}"`];
      for (const file of files) {
        const bytes = readFileSync(file).toString('latin1');
        for (const n of needles)
          if (bytes.includes(n)) found.push(`${n} in ${path.relative(stateDir, file)}`);
      }
      for (const n of needles) if (output.includes(n)) found.push(`${n} in the server output`);
    }
    expect(found).toEqual([]);
  }, 120_000);
});
