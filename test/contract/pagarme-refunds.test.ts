import { afterEach, describe, expect, it } from 'vitest';
import { pagarmeConnector } from '../../src/gateways/pagarme/client';
import type { ConnectorContext, RefundRequest } from '../../src/gateways/types';
import { type FakeGateway, startFakeGateway } from './fake-gateway';
import { CHARGE_ID, canceledCharge, ORDER_ID, paidOrder, pendingPixOrder } from './fixtures/pagarme-refund';

let fake: FakeGateway | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const ctx = (base: string): ConnectorContext => ({
  credentials: { secret_key: 'sk_test_abc', webhook_user: 'u', webhook_password: 'p' },
  mode: 'test',
  now: Date.now(),
  timeoutMs: 2000,
  apiBase: base,
});

const request = (method: string, amount: number, extra: Partial<RefundRequest> = {}): RefundRequest => ({
  refundId: 're_abc123',
  paymentId: 'pay_test',
  reference: ORDER_ID,
  method,
  amount,
  currency: 'BRL',
  chargedAmount: 12356,
  reason: null,
  now: Date.now(),
  ...extra,
});

describe('Pagar.me refunds over the wire', () => {
  it('cancels the paid charge with the amount, Basic auth and the refund id as Idempotency-Key (card: succeeded)', async () => {
    fake = await startFakeGateway({
      'GET /orders/:id': () => ({ status: 200, body: paidOrder('credit_card') }),
      'DELETE /charges/:id': (r) => ({
        status: 200,
        body: canceledCharge('credit_card', (r.json as { amount: number }).amount, 'refunded'),
      }),
    });
    const result = await pagarmeConnector.refund?.(ctx(fake.base), request('card', 5000));
    expect(result).toEqual({ status: 'succeeded', reference: CHARGE_ID });
    const [del] = fake.calls('DELETE', `/charges/${CHARGE_ID}`);
    expect(del?.json).toEqual({ amount: 5000 });
    expect(del?.headers['idempotency-key']).toBe('re_abc123');
    expect(del?.headers.authorization).toBe(`Basic ${btoa('sk_test_abc:')}`);
  });

  it('a PIX devolução is pending until the charge shows it refunded', async () => {
    let txStatus = 'pending_refund';
    fake = await startFakeGateway({
      'GET /orders/:id': () => ({ status: 200, body: paidOrder('pix') }),
      'DELETE /charges/:id': () => ({ status: 200, body: canceledCharge('pix', 2000, txStatus) }),
      'GET /charges/:id': () => ({ status: 200, body: canceledCharge('pix', 2000, txStatus) }),
    });
    expect(await pagarmeConnector.refund?.(ctx(fake.base), request('pix', 2000))).toMatchObject({
      status: 'pending',
    });
    const ref = { reference: CHARGE_ID, paymentReference: ORDER_ID, refundId: 're_abc123' };
    expect(await pagarmeConnector.fetchRefund?.(ctx(fake.base), ref)).toMatchObject({ status: 'pending' });
    txStatus = 'refunded';
    expect(await pagarmeConnector.fetchRefund?.(ctx(fake.base), ref)).toMatchObject({ status: 'succeeded' });
    txStatus = 'refund_failed';
    expect(await pagarmeConnector.fetchRefund?.(ctx(fake.base), ref)).toMatchObject({
      status: 'failed',
      failureCode: 'refund_declined',
    });
  });

  it('a boleto refund needs the bank account, sent as Pagar.me documents it', async () => {
    fake = await startFakeGateway({
      'GET /orders/:id': () => ({ status: 200, body: paidOrder('boleto') }),
      'DELETE /charges/:id': () => ({ status: 200, body: canceledCharge('boleto', 12356, 'pending_refund') }),
    });
    expect(await pagarmeConnector.refund?.(ctx(fake.base), request('boleto', 12356))).toMatchObject({
      status: 'requires_action',
    });
    expect(fake.calls('DELETE', `/charges/${CHARGE_ID}`)).toHaveLength(0);
    const bankAccount = {
      holderName: 'Maria Silva',
      holderDocument: '529.982.247-25',
      bankCode: '341',
      agency: '1234',
      account: '567890',
      accountDigit: '1',
      accountType: 'checking' as const,
    };
    expect(
      await pagarmeConnector.refund?.(ctx(fake.base), request('boleto', 12356, { bankAccount })),
    ).toMatchObject({
      status: 'pending',
    });
    expect(fake.calls('DELETE', `/charges/${CHARGE_ID}`)[0]?.json).toEqual({
      amount: 12356,
      bank_account: {
        holder_name: 'Maria Silva',
        holder_type: 'individual',
        holder_document: '52998224725',
        bank: '341',
        branch_number: '1234',
        branch_check_digit: '',
        account_number: '567890',
        account_check_digit: '1',
        type: 'checking',
      },
    });
  });

  it('a refusal is a failed refund; a 5xx leaves it pending (ambiguous)', async () => {
    fake = await startFakeGateway({
      'GET /orders/:id': () => ({ status: 200, body: paidOrder('credit_card') }),
      'DELETE /charges/:id': () => ({
        status: 422,
        body: { message: 'The request is invalid.', errors: { amount: ['x'] } },
      }),
    });
    await expect(pagarmeConnector.refund?.(ctx(fake.base), request('card', 99999))).rejects.toMatchObject({
      kind: 'retryable',
      code: 'gateway_rejected',
    });
    await fake.close();
    fake = await startFakeGateway({
      'GET /orders/:id': () => ({ status: 200, body: paidOrder('credit_card') }),
      'DELETE /charges/:id': () => ({ status: 500, body: { message: 'Internal error' } }),
    });
    await expect(pagarmeConnector.refund?.(ctx(fake.base), request('card', 100))).rejects.toMatchObject({
      kind: 'ambiguous',
    });
  });

  it('voids an unpaid PIX by cancelling its pending charge, and reads its status', async () => {
    fake = await startFakeGateway({
      'GET /orders/:id': () => ({ status: 200, body: pendingPixOrder() }),
      'DELETE /charges/:id': () => ({
        status: 200,
        body: { ...pendingPixOrder().charges[0], status: 'canceled' },
      }),
    });
    await pagarmeConnector.cancel(ctx(fake.base), ORDER_ID);
    const [del] = fake.calls('DELETE', `/charges/${CHARGE_ID}`);
    expect(del?.headers['idempotency-key']).toBe(`cancel-${CHARGE_ID}`);
    expect(
      await pagarmeConnector.fetchStatus(ctx(fake.base), { reference: ORDER_ID, paymentId: 'pay_test' }),
    ).toMatchObject({
      status: 'pending',
      reference: ORDER_ID,
    });
  });
});
