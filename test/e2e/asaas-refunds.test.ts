import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGateway, startFakeGateway } from '../contract/fake-gateway';
import { refundedPayment } from '../contract/fixtures/asaas-refund';
import { type Server, startBorda } from './server';

/**
 * Asaas, played on loopback from its documented answers (https://docs.asaas.com/reference/payment,
 * /reference/estornar-cobranca, /docs/refunds, /docs/payment-events); the Worker reaches it through
 * ASAAS_API_BASE and is notified as Asaas would notify it.
 */
let borda: Server;
let asaas: FakeGateway;
let key: string;
let merchantId: string;
const stateDir = mkdtempSync(path.join(tmpdir(), 'borda-asaas-'));
const CUSTOMER = { name: 'Maria Silva', email: 'maria@example.com', document: '529.982.247-25' };
let pixSeq = 0;
const WEBHOOK_TOKEN = 'asaas-webhook-token-e2e';
const QR =
  '00020101021226840014br.gov.bcb.pix2562pix-h.stone.com.br/pix/v2/e6157b05-4987-4635-af58-968f165f386d52040000' +
  '530398654043.505802BR5914EAD PLATAFORMA6014RIO DE JANEIRO62290525086dc8785e1f4ccaafed11fbd63049D7C';

function asaasPayment(id: string, billingType: 'PIX' | 'CREDIT_CARD', status: string, value: number) {
  return {
    object: 'payment',
    id,
    customer: 'cus_G7Dvo4iphUNk',
    value,
    billingType,
    status,
    dueDate: '2030-01-01',
    externalReference: 'pay_e2e',
    deleted: false,
    creditCard: billingType === 'CREDIT_CARD' ? { creditCardNumber: '4242', creditCardBrand: 'VISA' } : null,
  };
}

beforeAll(async () => {
  asaas = await startFakeGateway({
    'POST /customers': () => ({ status: 200, body: { object: 'customer', id: 'cus_G7Dvo4iphUNk' } }),
    'POST /payments': (r) => {
      const req = r.json as { billingType: string; value: number };
      pixSeq += 1;
      return {
        status: 200,
        body: asaasPayment(`pay_pix${pixSeq}`, req.billingType as 'PIX', 'PENDING', req.value),
      };
    },
    'GET /payments/:id/pixQrCode': () => ({
      status: 200,
      body: { encodedImage: '', payload: QR, expirationDate: '2030-01-01 23:59:59' },
    }),
    // A PIX devolução is asynchronous: its entry starts PENDING.
    'POST /payments/:id/refund': (r) => ({
      status: 200,
      body: refundedPayment('PIX', 'RECEIVED', [
        { status: 'PENDING', value: 1, description: (r.json as { description: string }).description },
      ]),
    }),
  });
  borda = await startBorda({ stateDir, env: { ASAAS_API_BASE: asaas.base } });
  const demo = JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8')) as {
    merchant_id: string;
    secret_keys: { test: string };
  };
  key = demo.secret_keys.test;
  merchantId = demo.merchant_id;
  const account = await json('POST', '/api/v1/gateways', {
    gateway: 'asaas',
    credentials: { api_key: '$aact_test_e2e', webhook_token: WEBHOOK_TOKEN },
  });
  expect(account.status).toBe(201);
});

afterAll(async () => {
  await borda?.stop();
  await asaas?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

async function json(method: string, url: string, body?: unknown) {
  const res = await fetch(`${borda.base}${url}`, {
    method,
    headers: { 'x-api-key': key, 'content-type': 'application/json', origin: borda.base },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: API objects read as plain JSON.
  return { status: res.status, body: (await res.json()) as any };
}

let seq = 0;
/** A PIX issued at the fake Asaas; `reference` is the Asaas payment id it got. */
async function issued(amount: number) {
  seq += 1;
  const s = await json('POST', '/api/v1/checkout/sessions', {
    amount,
    currency: 'BRL',
    merchant_order_id: `A-${Date.now()}-${seq}`,
    payment_method: 'pix',
  });
  expect(s.status).toBe(201);
  const p = await json('POST', `/c/v1/sessions/${s.body.token}/payments`, {
    method: 'pix',
    customer: CUSTOMER,
  });
  expect(p.body.payment.gateway).toBe('asaas');
  return {
    token: s.body.token as string,
    paymentId: p.body.payment.id as string,
    reference: `pay_pix${pixSeq}`,
  };
}

/** Asaas tells Borda the PIX was received, with the value (reais) it says arrived. */
function notifyReceived(reference: string, reais: number) {
  return fetch(`${borda.base}/webhooks/gateways/asaas/${merchantId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'asaas-access-token': WEBHOOK_TOKEN },
    body: JSON.stringify({
      id: `evt_${reference}_${reais}`,
      event: 'PAYMENT_RECEIVED',
      dateCreated: '2024-06-12 16:45:03',
      payment: asaasPayment(reference, 'PIX', 'RECEIVED', reais),
    }),
  });
}

describe('Asaas through the running server', () => {
  it("settles a PIX from Asaas's notification, then refunds part of it with POST /payments/{id}/refund", async () => {
    const { token, paymentId, reference } = await issued(350);
    expect((await notifyReceived(reference, 3.5)).status).toBe(200);
    expect((await json('GET', `/api/v1/checkout/sessions/${token}`)).body.status).toBe('paid');
    const refund = await json('POST', `/api/v1/payments/${paymentId}/refunds`, { amount: 100 });
    expect(refund.body).toMatchObject({
      status: 'pending',
      gateway: 'asaas',
      amount: 100,
      gateway_reference: reference,
    });
    const [post] = asaas.calls('POST', `/payments/${reference}/refund`);
    expect(post?.body).toBe(`{"value":1.00,"description":"Borda ${refund.body.id}"}`);
    expect(post?.headers.access_token).toBe('$aact_test_e2e');
  });

  it('a PIX notification for more than was charged is recorded, flagged and held, not taken as the payment', async () => {
    const { token, paymentId, reference } = await issued(350);
    expect((await notifyReceived(reference, 3.6)).status).toBe(200);
    const payment = await json('GET', `/api/v1/payments/${paymentId}`);
    expect(payment.body).toMatchObject({
      status: 'paid',
      settlement: { flag: 'amount_mismatch', resolution: 'held', received_amount: 360 },
    });
    const session = await json('GET', `/api/v1/checkout/sessions/${token}`);
    expect(session.body.status).not.toBe('paid');
  });
});
