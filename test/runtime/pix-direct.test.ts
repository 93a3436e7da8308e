import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { parsePix } from 'pix-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import worker from '../../src/index';
import fixture from '../fixtures/dialects/pix-direct-payment.json';
import { api, type Merchant, newMerchant } from './helpers';
import { stubReceiver, waitFor } from './webhook-helpers';

let m: Merchant;
let stub: ReturnType<typeof stubReceiver>;
beforeAll(async () => {
  stub = stubReceiver(() => new Response('OK'));
  m = await newMerchant({ name: 'Loja PIX Direto', country: 'BRA' });
});
afterAll(() => stub.restore());

let seq = 0;
const request = (patch: Record<string, unknown> = {}) => ({
  customer_id: 'customer-42',
  name: 'João da Silva',
  email: 'joao.da.silva@example-store.com.br',
  document: '12345678909',
  amount: '300.10',
  currency: 'BRL',
  payment_method: 'pix',
  callback: 'https://hooks.pix-direct-shop.com/callback',
  transaction: { id: `tx-${Date.now()}-${++seq}` },
  ...patch,
});
const post = (body: unknown) => api('/v1/payment', m.secret_keys.test, { body });
const simulate = (id: string, outcome: string) =>
  api(`/api/v1/test/payments/${id}/simulate`, m.secret_keys.test, { body: { outcome } });

/** Runs the webhook consumer once more for every event of the transaction's sessions. */
async function redeliverAll(transactionId: string) {
  const { results } = await env.DB.prepare(
    'SELECT e.id FROM events e JOIN checkout_sessions s ON s.id = e.session_id WHERE s.merchant_order_id = ?',
  )
    .bind(transactionId)
    .all<{ id: string }>();
  for (const { id } of results) {
    const batch = createMessageBatch('borda-webhooks', [
      { id: `again-${id}`, timestamp: new Date(), attempts: 1, body: { kind: 'deliver', eventId: id } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    await getQueueResult(batch, ctx);
  }
  return results.length;
}

describe('direct PIX API', () => {
  it('lets a denied transaction id be tried again, and a pending one answers 409 without any session token', async () => {
    const req = request();
    const first = (await (await post(req)).json()) as { id: string };
    const pending = await post(req);
    expect(pending.status).toBe(409);
    const problem = (await pending.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ code: 'order_has_open_session' });
    expect(JSON.stringify(problem)).not.toMatch(/cs_test_|checkout_url|token/);
    expect((await simulate(first.id, 'denied')).status).toBe(200);
    const again = await post(req);
    expect(again.status).toBe(201);
    const second = (await again.json()) as { id: string; status: string };
    expect(second.status).toBe('pending');
    expect(second.id).not.toBe(first.id);
    // Both payments stay readable under the same transaction id.
    const list = (await (
      await api(`/v1/payments?transaction_id=${req.transaction.id}`, m.secret_keys.test)
    ).json()) as {
      data: Array<{ id: string; status: string }>;
    };
    expect(list.data.map((p) => p.status).sort()).toEqual(['denied', 'pending']);
  });

  it('sends the callback only the documented payment object, with a documented status, on each change', async () => {
    const req = request();
    const created = (await (await post(req)).json()) as { id: string };
    expect((await simulate(created.id, 'paid')).status).toBe(200);
    await waitFor(async () =>
      stub.received.find((r) => r.body.includes(created.id) && r.body.includes('"paid"')),
    );
    expect(await redeliverAll(req.transaction.id)).toBeGreaterThan(2);
    const bodies = stub.received
      .filter(
        (r) => r.url === 'https://hooks.pix-direct-shop.com/callback' && r.body.includes(req.transaction.id),
      )
      .map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      expect(Object.keys(body)).toEqual(fixture.fields);
      expect(fixture.statuses).toContain(body.status);
      expect(body).toMatchObject({
        id: created.id,
        transaction_id: req.transaction.id,
        amount: '300.10',
        method: 'pix',
      });
    }
    expect(bodies.map((b) => b.status)).toContain('paid');
  });

  it('gives the QR content and the copy-and-paste code, each a valid BR Code for the amount charged', async () => {
    const res = (await (await post(request())).json()) as { pix: { qrcode: string; reference: string } };
    // PIX defines one EMV string for both: what the QR image encodes is what "copia e cola" pastes.
    for (const text of [res.pix.qrcode, res.pix.reference]) {
      const parsed = parsePix(text);
      expect(parsed).toMatchObject({ type: 'STATIC' });
      expect((parsed as { transactionAmount?: number }).transactionAmount).toBe(300.1);
    }
  });

  it('writes the agency with its check digit', async () => {
    const res = (await (await post(request({ payment_method: 'bank_transfer' }))).json()) as {
      bank: Record<string, string>;
    };
    expect(res.bank.agency).toBe('0001-9');
    expect(res.bank.account).toBe('1234567-8');
  });
});

describe("direct PIX API with the merchant's own account", () => {
  it('writes the agency check digit the merchant configured, and the agency alone where there is none', async () => {
    const account = {
      bank_name: 'Banco do Brasil',
      bank_code: '001',
      agency: '1234',
      agency_digit: '3',
      account: '56789',
      account_digit: '0',
      account_type: 'checking',
      beneficiary: 'Loja PIX Direto Ltda',
      document: '11.222.333/0001-81',
    };
    const patch = await api('/api/v1/merchant', m.secret_keys.test, {
      method: 'PATCH',
      body: { bank_accounts: [account] },
    });
    expect(patch.status).toBe(200);
    const withDigit = (await (await post(request({ payment_method: 'bank_transfer' }))).json()) as {
      bank: Record<string, string>;
    };
    expect(withDigit.bank).toMatchObject({ agency: '1234-3', account: '56789-0', code: '001' });
    const { agency_digit: _, ...noDigit } = account;
    await api('/api/v1/merchant', m.secret_keys.test, {
      method: 'PATCH',
      body: { bank_accounts: [noDigit] },
    });
    const without = (await (await post(request({ payment_method: 'bank_transfer' }))).json()) as {
      bank: Record<string, string>;
    };
    expect(without.bank.agency).toBe('1234');
  });
});
