import { describe, expect, it } from 'vitest';
import { ebanxConnector as ebanx } from '../../src/gateways/ebanx';
import { REFUND_STATUS } from '../../src/gateways/ebanx/wire';
import { ctx, gw, KEY, next, OXXO_HASH, payments, useFakeEbanx } from './ebanx-fake';
import { contextFor, failure, fixture } from './payment-request';

useFakeEbanx();

describe('EBANX: refunds and voids', () => {
  it('refunds with the amount in the currency unit and Borda refund id as merchant_refund_code', async () => {
    next.refund = () => ({ status: 200, body: fixture('ebanx', 'refund-requested').body });
    const result = await ebanx.refund?.(ctx(), {
      refundId: 'ref_123',
      paymentId: 'pay_1',
      reference: '59386e0a5f258ffed3bee6fecc9150f916d1e19aa50ec68c',
      method: 'oxxo',
      amount: 1023,
      currency: 'MXN',
      chargedAmount: 8000,
      reason: 'customer asked',
      now: Date.now(),
    });
    expect(gw.fake.calls('POST', '/ws/refund')[0]?.json).toMatchObject({
      integration_key: KEY,
      operation: 'request',
      hash: '59386e0a5f258ffed3bee6fecc9150f916d1e19aa50ec68c',
      amount: 10.23,
      merchant_refund_code: 'ref_123',
    });
    expect(result).toEqual({ status: 'pending', reference: '21426' });
  });

  it.each(Object.entries(REFUND_STATUS))('a refund in status %s reads as %s', async (status, mapped) => {
    payments.set(OXXO_HASH, {
      hash: OXXO_HASH,
      status: 'CO',
      refunds: [{ id: '9', merchant_refund_code: 'ref_9', status }],
    });
    expect(
      (await ebanx.fetchRefund?.(ctx(), { reference: null, paymentReference: OXXO_HASH, refundId: 'ref_9' }))
        ?.status,
    ).toBe(mapped);
  });

  it('cancels an open voucher with /ws/cancel and refuses to cancel a paid one', async () => {
    payments.set(OXXO_HASH, { hash: OXXO_HASH, status: 'PE', payment_type_code: 'oxxo' });
    next.cancel = () => ({
      status: 200,
      body: { payment: { hash: OXXO_HASH, status: 'CA' }, status: 'SUCCESS' },
    });
    await ebanx.cancel(ctx(), OXXO_HASH);
    expect(gw.fake.calls('POST', '/ws/cancel')[0]?.json).toEqual({ integration_key: KEY, hash: OXXO_HASH });
    payments.set(OXXO_HASH, { hash: OXXO_HASH, status: 'CO', payment_type_code: 'oxxo' });
    expect((await failure(ebanx.cancel(ctx(), OXXO_HASH))).code).toBe('already_paid');
    expect(gw.fake.calls('POST', '/ws/cancel')).toHaveLength(1);
  });
});

describe('EBANX: notifications', () => {
  const note = fixture<{ contentType: string; body: string }>('ebanx', 'notification');
  const headers = new Headers({ 'content-type': note.contentType });

  it('a notification carries no state: Borda queries the payment with its key and reports what EBANX says', async () => {
    payments.set(OXXO_HASH, {
      hash: OXXO_HASH,
      status: 'CO',
      currency_code: 'MXN',
      amount_total: '1234.56',
      payment_type_code: 'oxxo',
    });
    const event = await ebanx.parseWebhook(ctx(), { headers, body: note.body });
    expect(event).toEqual({
      kind: 'paid',
      eventId: `${OXXO_HASH}:CO`,
      reference: OXXO_HASH,
      amount: 123456,
      currency: 'MXN',
    });
    expect(gw.fake.calls('POST', '/ws/query')[0]?.json).toEqual({ integration_key: KEY, hash: OXXO_HASH });
  });

  it('a replayed notification names the same event; a pending payment is ignored', async () => {
    payments.set(OXXO_HASH, { hash: OXXO_HASH, status: 'CO' });
    const a = await ebanx.parseWebhook(ctx(), { headers, body: note.body });
    const b = await ebanx.parseWebhook(ctx(), { headers, body: note.body });
    expect(b.eventId).toBe(a.eventId);
    payments.set(OXXO_HASH, { hash: OXXO_HASH, status: 'PE' });
    expect((await ebanx.parseWebhook(ctx(), { headers, body: note.body })).kind).toBe('ignored');
  });

  it('a notification of a payment this key does not know, or with another key, is not authentic', async () => {
    expect((await failure(ebanx.parseWebhook(ctx(), { headers, body: note.body }))).code).toBe(
      'unauthorized',
    );
    payments.set(OXXO_HASH, { hash: OXXO_HASH, status: 'CO' });
    const other = contextFor(gw.fake.base, { integration_key: 'someone_elses_key' });
    expect((await failure(ebanx.parseWebhook(other, { headers, body: note.body }))).code).toBe(
      'gateway_auth',
    );
  });

  it('a body that is not a payment status change is refused without a query', async () => {
    const e = await failure(ebanx.parseWebhook(ctx(), { headers, body: 'operation=other&hash_codes=abc' }));
    expect(e.code).toBe('invalid_payload');
    expect(gw.fake.received).toHaveLength(0);
  });
});
