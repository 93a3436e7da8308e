import { afterEach, describe, expect, it } from 'vitest';
import { asaasConnector } from '../../src/gateways/asaas/client';
import type { ConnectorContext, RefundRequest } from '../../src/gateways/types';
import { type FakeGateway, startFakeGateway } from './fake-gateway';
import { BANK_SLIP_REFUND, PAY_ID, refundedPayment } from './fixtures/asaas-refund';

let fake: FakeGateway | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const ctx = (base: string): ConnectorContext => ({
  credentials: { api_key: '$aact_test_key', webhook_token: 'tok' },
  mode: 'test',
  now: Date.now(),
  timeoutMs: 2000,
  apiBase: base,
});

const request = (method: string, amount: number, extra: Partial<RefundRequest> = {}): RefundRequest => ({
  refundId: 're_abc123',
  paymentId: 'pay_test',
  reference: PAY_ID,
  method,
  amount,
  currency: 'BRL',
  chargedAmount: 15000,
  reason: 'customer asked',
  now: Date.now(),
  ...extra,
});

describe('Asaas refunds over the wire', () => {
  it("POSTs /payments/{id}/refund with the value in reais and Borda's refund id in the description", async () => {
    fake = await startFakeGateway({
      'POST /payments/:id/refund': (r) => ({
        status: 200,
        body: refundedPayment('CREDIT_CARD', 'REFUNDED', [
          { status: 'DONE', value: 150, description: (r.json as { description: string }).description },
        ]),
      }),
    });
    expect(await asaasConnector.refund?.(ctx(fake.base), request('card', 15000))).toEqual({
      status: 'succeeded',
      reference: PAY_ID,
    });
    const [post] = fake.calls('POST', `/payments/${PAY_ID}/refund`);
    expect(post?.body).toBe('{"value":150.00,"description":"Borda re_abc123 - customer asked"}');
    expect(post?.headers.access_token).toBe('$aact_test_key');
  });

  it('PIX partials are pending until their entry is DONE; a CANCELLED entry is a failed refund', async () => {
    let entry = 'PENDING';
    const payment = () =>
      refundedPayment('PIX', 'RECEIVED', [
        { status: 'DONE', value: 20, description: 'Borda re_other' },
        { status: entry, value: 50, description: 'Borda re_abc123' },
      ]);
    fake = await startFakeGateway({
      'POST /payments/:id/refund': () => ({ status: 200, body: payment() }),
      'GET /payments/:id': () => ({ status: 200, body: payment() }),
    });
    expect(await asaasConnector.refund?.(ctx(fake.base), request('pix', 5000))).toMatchObject({
      status: 'pending',
    });
    const ref = { reference: PAY_ID, paymentReference: PAY_ID, refundId: 're_abc123' };
    entry = 'DONE';
    expect(await asaasConnector.fetchRefund?.(ctx(fake.base), ref)).toMatchObject({ status: 'succeeded' });
    entry = 'CANCELLED';
    expect(await asaasConnector.fetchRefund?.(ctx(fake.base), ref)).toMatchObject({ status: 'failed' });
  });

  it("a boleto refund goes through /bankSlip/refund and hands over the link to Asaas's form", async () => {
    fake = await startFakeGateway({
      'POST /payments/:id/bankSlip/refund': () => ({ status: 200, body: BANK_SLIP_REFUND }),
    });
    // Asaas's own form collects the payer's account: its link is what the customer gets.
    expect(await asaasConnector.refund?.(ctx(fake.base), request('boleto', 15000))).toEqual({
      status: 'requires_action',
      reference: PAY_ID,
      actionUrl: BANK_SLIP_REFUND.requestUrl,
    });
    expect(fake.calls('POST', `/payments/${PAY_ID}/bankSlip/refund`)).toHaveLength(1);
  });

  it('a 400 is a failed refund; no answer leaves it pending (ambiguous)', async () => {
    fake = await startFakeGateway({
      'POST /payments/:id/refund': () => ({
        status: 400,
        body: { errors: [{ code: 'invalid_action', description: 'Saldo insuficiente' }] },
      }),
    });
    expect(await asaasConnector.refund?.(ctx(fake.base), request('pix', 15000))).toMatchObject({
      status: 'failed',
      failureCode: 'refund_declined',
    });
    await fake.close();
    fake = await startFakeGateway({ 'POST /payments/:id/refund': () => 'hang' });
    await expect(
      asaasConnector.refund?.({ ...ctx(fake.base), timeoutMs: 200 }, request('pix', 100)),
    ).rejects.toMatchObject({ kind: 'ambiguous' });
  });

  it('voids an unpaid payment with DELETE /payments/{id} and reads status from GET', async () => {
    fake = await startFakeGateway({
      'DELETE /payments/:id': () => ({ status: 200, body: { deleted: true, id: PAY_ID } }),
      'GET /payments/:id': () => ({
        status: 200,
        body: { ...refundedPayment('PIX', 'RECEIVED', []), refunds: null },
      }),
    });
    await asaasConnector.cancel(ctx(fake.base), PAY_ID);
    expect(fake.calls('DELETE', `/payments/${PAY_ID}`)).toHaveLength(1);
    expect(
      await asaasConnector.fetchStatus(ctx(fake.base), { reference: PAY_ID, paymentId: 'pay_test' }),
    ).toMatchObject({
      status: 'paid',
    });
  });
});
