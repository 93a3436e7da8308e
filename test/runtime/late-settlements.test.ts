import { beforeAll, describe, expect, it } from 'vitest';
import { card, pay, status, VISA_OK } from './client-helpers';
import { api, createSession, type Merchant, newMerchant } from './helpers';
import { eventTypes, getJson, type Json, refund } from './refund-helpers';

let m: Merchant;
beforeAll(async () => {
  m = await newMerchant({ name: 'Loja Atrasada', country: 'BRA' });
});

async function pendingPix(amount = 10000) {
  const s = await createSession(m.secret_keys.test, { payment_method: ['pix', 'card'], amount });
  const res = await pay(s.token, { method: 'pix' });
  const body = (await res.json()) as Json;
  return { token: s.token, paymentId: body.payment.id as string };
}

async function simulate(paymentId: string, body: Record<string, unknown> = {}) {
  const res = await api(`/api/v1/test/payments/${paymentId}/simulate`, m.secret_keys.test, {
    body: { outcome: 'paid', ...body },
  });
  return { status: res.status, body: (await res.json()) as Json };
}

const accept = (paymentId: string) =>
  api(`/api/v1/payments/${paymentId}/accept`, m.secret_keys.test, { method: 'POST' });

describe('unexpected money is recorded, never dropped (default policy: hold)', () => {
  it('a PIX paid after its session expired is paid, flagged late, and held until the merchant accepts it', async () => {
    const { token, paymentId } = await pendingPix();
    const expired = await api(`/api/v1/checkout/sessions/${token}/expire`, m.secret_keys.test, {
      method: 'POST',
    });
    expect(expired.status).toBe(200);
    const late = await simulate(paymentId);
    expect(late.status).toBe(200);
    const payment = await getJson(m, `/api/v1/payments/${paymentId}`);
    expect(payment).toMatchObject({
      status: 'paid',
      settlement: { flag: 'late', resolution: 'held', received_amount: 10000, received_currency: 'BRL' },
    });
    expect((await status(token)).status).toBe('expired');
    expect(await eventTypes(m, token)).toContain('payment.late');
    expect(await eventTypes(m, token)).not.toContain('checkout_session.finished');

    const accepted = await accept(paymentId);
    expect(accepted.status).toBe(200);
    expect((await accepted.json()) as Json).toMatchObject({ settlement: { resolution: 'accepted' } });
    expect((await status(token)).status).toBe('paid');
    const types = await eventTypes(m, token);
    expect(types).toContain('checkout_session.finished');
    expect(types.indexOf('payment.late')).toBeLessThan(types.indexOf('checkout_session.finished'));
    expect((await accept(paymentId)).status).toBe(409);
  });

  it('a PIX that stops being payable says why: superseded by another attempt, or expired with its session', async () => {
    const failureOf = async (token: string, paymentId: string) => {
      const page = await getJson(m, `/api/v1/events?session=${token}&limit=100`);
      const failed = (page.data as Array<{ type: string; payload: Json }>).filter(
        (e) => e.type === 'payment.failed' && e.payload.payment_id === paymentId,
      );
      expect(failed).toHaveLength(1);
      return [
        failed[0]?.payload.failure_code,
        (await getJson(m, `/api/v1/payments/${paymentId}`)).failure_code,
      ];
    };
    const abandoned = await pendingPix();
    const paid = await pay(abandoned.token, { method: 'card', card: card(VISA_OK) });
    expect(((await paid.json()) as Json).status).toBe('paid');
    expect(await failureOf(abandoned.token, abandoned.paymentId)).toEqual([
      'payment_superseded',
      'payment_superseded',
    ]);

    const left = await pendingPix();
    await api(`/api/v1/checkout/sessions/${left.token}/expire`, m.secret_keys.test, { method: 'POST' });
    expect(await failureOf(left.token, left.paymentId)).toEqual(['payment_expired', 'payment_expired']);
    // Money that arrives anyway clears it.
    await simulate(left.paymentId);
    expect(await getJson(m, `/api/v1/payments/${left.paymentId}`)).toMatchObject({
      status: 'paid',
      failure_code: null,
    });
  });

  it('a simulation names a currency Borda charges in, never an invented one', async () => {
    const { paymentId } = await pendingPix();
    const res = await simulate(paymentId, { currency: 'XXX' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ errors: [{ field: 'currency', code: 'invalid_currency' }] });
    expect(await getJson(m, `/api/v1/payments/${paymentId}`)).toMatchObject({ status: 'pending' });
  });

  it('a PIX paid after a card won is a duplicate: recorded, held, and can be refunded', async () => {
    const { token, paymentId } = await pendingPix();
    const cardPaid = await pay(token, { method: 'card', card: card(VISA_OK) });
    expect(((await cardPaid.json()) as Json).status).toBe('paid');
    const dup = await simulate(paymentId);
    expect(dup.status).toBe(200);
    expect(await getJson(m, `/api/v1/payments/${paymentId}`)).toMatchObject({
      status: 'paid',
      settlement: { flag: 'duplicate', resolution: 'held' },
    });
    expect(await eventTypes(m, token)).toContain('payment.duplicate');
    // A repeat of the same notification changes nothing.
    await simulate(paymentId);
    expect((await eventTypes(m, token)).filter((t) => t === 'payment.duplicate')).toHaveLength(1);
    const back = await refund(m, paymentId);
    expect(back.body).toMatchObject({ status: 'pending', amount: 10000 });
    // Refunding held money decides it: it can no longer be accepted.
    expect(await getJson(m, `/api/v1/payments/${paymentId}`)).toMatchObject({
      settlement: { resolution: 'refunded' },
    });
    expect((await accept(paymentId)).status).toBe(409);
  });

  it('an underpaid notification never completes the session and cannot be accepted', async () => {
    const { token, paymentId } = await pendingPix(10000);
    const under = await simulate(paymentId, { amount: 9000 });
    expect(under.status).toBe(200);
    expect(await getJson(m, `/api/v1/payments/${paymentId}`)).toMatchObject({
      status: 'paid',
      settlement: { flag: 'amount_mismatch', resolution: 'held', received_amount: 9000 },
    });
    expect((await status(token)).status).toBe('open');
    expect(await eventTypes(m, token)).toContain('payment.amount_mismatch');
    const refused = await accept(paymentId);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as Json).code).toBe('amount_insufficient');
    // What can go back is what arrived.
    expect((await refund(m, paymentId, { amount: 9001 })).status).toBe(422);
    expect((await refund(m, paymentId)).body.amount).toBe(9000);
  });

  it('an overpaid notification is held; accepting it pays the session', async () => {
    const { token, paymentId } = await pendingPix(10000);
    await simulate(paymentId, { amount: 12000 });
    expect(await getJson(m, `/api/v1/payments/${paymentId}`)).toMatchObject({
      settlement: { flag: 'amount_mismatch', resolution: 'held', received_amount: 12000 },
    });
    expect((await status(token)).status).not.toBe('paid');
    expect((await accept(paymentId)).status).toBe(200);
    expect((await status(token)).status).toBe('paid');
  });

  it('money in another currency is a mismatch, never a payment of the session', async () => {
    const { token, paymentId } = await pendingPix(10000);
    await simulate(paymentId, { amount: 10000, currency: 'USD' });
    expect(await getJson(m, `/api/v1/payments/${paymentId}`)).toMatchObject({
      settlement: { flag: 'amount_mismatch', received_currency: 'USD' },
    });
    expect((await status(token)).status).toBe('open');
  });

  it('late money for an order another session holds cannot be kept: refunded, or accepted once that session ended', async () => {
    const order = `ORD-AGAIN-${Date.now()}`;
    const s = await createSession(m.secret_keys.test, { payment_method: 'pix', merchant_order_id: order });
    const paymentId = ((await (await pay(s.token, { method: 'pix' })).json()) as Json).payment.id as string;
    await api(`/api/v1/checkout/sessions/${s.token}/expire`, m.secret_keys.test, { method: 'POST' });
    const again = await createSession(m.secret_keys.test, {
      payment_method: 'pix',
      merchant_order_id: order,
    });
    await simulate(paymentId);
    const refused = await accept(paymentId);
    expect(refused.status).toBe(409);
    expect((await refused.json()) as Json).toMatchObject({ code: 'order_has_open_session' });
    expect(await getJson(m, `/api/v1/payments/${paymentId}`)).toMatchObject({
      settlement: { flag: 'late', resolution: 'held' },
    });
    expect((await status(again.token)).status).toBe('open');
    // Once the other session is over, keeping the money completes the order with it.
    await api(`/api/v1/checkout/sessions/${again.token}/expire`, m.secret_keys.test, { method: 'POST' });
    expect((await accept(paymentId)).status).toBe(200);
    expect((await status(s.token)).status).toBe('paid');
  });

  it('late money for an order another session already paid is refused at accept (it would be charged twice) and can be refunded', async () => {
    const order = `ORD-PAID-${Date.now()}`;
    const s = await createSession(m.secret_keys.test, {
      payment_method: ['pix', 'card'],
      merchant_order_id: order,
    });
    const paymentId = ((await (await pay(s.token, { method: 'pix' })).json()) as Json).payment.id as string;
    await api(`/api/v1/checkout/sessions/${s.token}/expire`, m.secret_keys.test, { method: 'POST' });
    const again = await createSession(m.secret_keys.test, {
      payment_method: ['pix', 'card'],
      merchant_order_id: order,
    });
    await simulate(paymentId);
    const paid = await pay(again.token, { method: 'card', card: card(VISA_OK) });
    expect(((await paid.json()) as Json).status).toBe('paid');
    const refused = await accept(paymentId);
    expect(refused.status).toBe(409);
    expect((await refused.json()) as Json).toMatchObject({ code: 'order_already_paid' });
    const successes = (await eventTypes(m, s.token)).filter((t) => t === 'payment.success');
    expect(successes).toHaveLength(0);
    expect((await refund(m, paymentId)).body).toMatchObject({ status: 'pending', amount: 15000 });
  });
});
