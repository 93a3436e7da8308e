import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mercadopagoConnector as mp } from '../../src/gateways/mercadopago';
import { type Body, ctx, gw, next, payments, SECRET, TOKEN, useFakeMercadoPago } from './mercadopago-fake';
import { failure, fixture } from './payment-request';

useFakeMercadoPago();

describe('Mercado Pago: refunds and voids', () => {
  it('refunds in part with the amount in the currency unit and the refund id as idempotency key', async () => {
    next.refund = () => ({ status: 201, body: fixture('mercadopago', 'refund-approved').body });
    const result = await mp.refund?.(ctx(), {
      refundId: 'ref_abc',
      paymentId: 'pay_1',
      reference: '20359978',
      method: 'card',
      amount: 5025,
      currency: 'BRL',
      chargedAmount: 15050,
      reason: null,
      now: Date.now(),
    });
    const [sent] = gw.fake.calls('POST', '/v1/payments/20359978/refunds');
    expect(sent?.headers['x-idempotency-key']).toBe('ref_abc');
    expect(sent?.headers['x-render-in-process-refunds']).toBe('true');
    expect(sent?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent?.json).toEqual({ amount: 50.25 });
    expect(result).toEqual({ status: 'succeeded', reference: '1009042015' });
  });

  it('a full refund sends no amount; a rejected refund fails; a refund in process is pending', async () => {
    next.refund = () => ({ status: 201, body: { id: 5, status: 'rejected' } });
    const base = {
      refundId: 'ref_full',
      paymentId: 'pay_1',
      reference: '20359978',
      method: 'card',
      amount: 15050,
      currency: 'BRL' as const,
      chargedAmount: 15050,
      reason: null,
      now: Date.now(),
    };
    expect(await mp.refund?.(ctx(), base)).toMatchObject({ status: 'failed', reference: '5' });
    expect(gw.fake.calls('POST', '/v1/payments/20359978/refunds')[0]?.json).toEqual({});
    next.refund = () => ({ status: 200, body: { id: 5, status: 'in_process' } });
    expect(
      await mp.fetchRefund?.(ctx(), { reference: '5', paymentReference: '20359978', refundId: 'ref_full' }),
    ).toEqual({
      status: 'pending',
      reference: '5',
    });
  });

  it('voids a pending payment with PUT status cancelled, and refuses to void a paid one', async () => {
    payments.set('90', { id: 90, status: 'pending' });
    next.update = (r) => ({ status: 200, body: { id: 90, status: (r.json as Body).status } });
    await mp.cancel(ctx(), '90');
    const [put] = gw.fake.calls('PUT', '/v1/payments/90');
    expect(put?.json).toEqual({ status: 'cancelled' });
    expect(put?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    payments.set('91', { id: 91, status: 'approved' });
    const e = await failure(mp.cancel(ctx(), '91'));
    expect(e.code).toBe('already_paid');
    expect(gw.fake.calls('PUT', '/v1/payments/91')).toHaveLength(0);
  });
});

describe('Mercado Pago: notifications', () => {
  const hook = fixture<{ headers: Record<string, string>; query: string; body: Body }>(
    'mercadopago',
    'webhook-payment',
  );
  const url = `https://borda.example/webhooks/gateways/mercadopago/mer_1?${hook.query}`;
  const body = JSON.stringify(hook.body);
  const sign = (
    ts: string,
    dataId = '1234567890',
    requestId = hook.headers['x-request-id'],
    secret = SECRET,
  ) => createHmac('sha256', secret).update(`id:${dataId};request-id:${requestId};ts:${ts};`).digest('hex');
  const headers = (signature: string, requestId = hook.headers['x-request-id'] ?? '') =>
    new Headers({ 'x-signature': signature, 'x-request-id': requestId, 'content-type': 'application/json' });

  it('verifies the documented signature, then asks for the payment and reports what it says', async () => {
    payments.set('1234567890', {
      id: 1234567890,
      status: 'approved',
      status_detail: 'accredited',
      currency_id: 'BRL',
      transaction_amount: 150.5,
    });
    const ts = '1716651000';
    const event = await mp.parseWebhook(ctx(), { headers: headers(`ts=${ts},v1=${sign(ts)}`), body, url });
    expect(event).toEqual({
      kind: 'paid',
      eventId: '1234567890:approved:accredited',
      reference: '1234567890',
      amount: 15050,
      currency: 'BRL',
    });
    expect(gw.fake.calls('GET', '/v1/payments/1234567890')[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('a replayed notification names the same event, so it is applied once', async () => {
    payments.set('1234567890', { id: 1234567890, status: 'approved', status_detail: 'accredited' });
    const ts = '1716651000';
    const req = { headers: headers(`ts=${ts},v1=${sign(ts)}`), body, url };
    const first = await mp.parseWebhook(ctx(), req);
    const again = await mp.parseWebhook(ctx(), req);
    expect(again.eventId).toBe(first.eventId);
  });

  it.each([
    ['a wrong secret', () => `ts=1,v1=${sign('1', '1234567890', undefined, 'other')}`, url],
    ['a signature over another payment', () => `ts=1,v1=${sign('1', '999')}`, url],
    ['a changed timestamp', () => `ts=2,v1=${sign('1')}`, url],
    [
      'a signed id moved to another payment in the URL',
      () => `ts=1,v1=${sign('1')}`,
      url.replace('1234567890', '1234567891'),
    ],
    ['no signature', () => '', url],
  ])('refuses %s without asking for any payment', async (_name, signature, at) => {
    payments.set('1234567891', { id: 1234567891, status: 'approved' });
    const e = await failure(mp.parseWebhook(ctx(), { headers: headers(signature()), body, url: at }));
    expect(e.code).toBe('unauthorized');
    expect(gw.fake.received).toHaveLength(0);
  });

  it('leaves out of the manifest a part the notification lacks, and lower-cases an alphanumeric id, as documented', async () => {
    payments.set('1234567890', { id: 1234567890, status: 'approved' });
    const ts = '1716651001';
    const noRequestId = createHmac('sha256', SECRET).update(`id:1234567890;ts:${ts};`).digest('hex');
    const bare = new Headers({ 'x-signature': `ts=${ts},v1=${noRequestId}` });
    expect((await mp.parseWebhook(ctx(), { headers: bare, body, url })).kind).toBe('paid');
    // An order-style id: signed lower-cased; not a payment, so nothing is asked of Mercado Pago.
    const orderUrl = url
      .replace('data.id=1234567890', 'data.id=ORD01ABC')
      .replace('type=payment', 'type=order');
    const v1 = createHmac('sha256', SECRET).update(`id:ord01abc;request-id:r1;ts:${ts};`).digest('hex');
    const signed = new Headers({ 'x-signature': `ts=${ts},v1=${v1}`, 'x-request-id': 'r1' });
    expect((await mp.parseWebhook(ctx(), { headers: signed, body, url: orderUrl })).kind).toBe('ignored');
  });

  it('a signed notification of another topic is acknowledged and ignored', async () => {
    const other = url.replace('type=payment', 'type=merchant_order');
    const event = await mp.parseWebhook(ctx(), {
      headers: headers(`ts=5,v1=${sign('5')}`),
      body,
      url: other,
    });
    expect(event.kind).toBe('ignored');
  });

  it('a rejected payment is denied with its reason; an expired voucher is expired', async () => {
    payments.set('1234567890', { id: 1234567890, status: 'cancelled', status_detail: 'expired' });
    const ts = '9';
    const req = { headers: headers(`ts=${ts},v1=${sign(ts)}`), body, url };
    expect((await mp.parseWebhook(ctx(), req)).kind).toBe('expired');
    payments.set('1234567890', {
      id: 1234567890,
      status: 'rejected',
      status_detail: 'cc_rejected_insufficient_amount',
      payment_type_id: 'credit_card',
    });
    expect(await mp.parseWebhook(ctx(), req)).toMatchObject({
      kind: 'denied',
      failureCode: 'insufficient_funds',
    });
  });
});
