import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, call, type Merchant, newMerchant } from './helpers';
import { eventTypes, getJson, type Json, paidPayment, refund } from './refund-helpers';

let m: Merchant;
beforeAll(async () => {
  m = await newMerchant({ name: 'Loja Reembolso', country: 'BRA' });
});

describe('card refunds (sandbox)', () => {
  it('refunds in parts up to the charged amount, then refuses more; the payment shows what went back', async () => {
    const { session, paymentId } = await paidPayment(m, 'card', { amount: 15000 });
    const first = await refund(m, paymentId, {
      amount: 5000,
      reason: 'one item back',
      metadata: { ticket: 'T-1' },
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      object: 'refund',
      status: 'succeeded',
      amount: 5000,
      reason: 'one item back',
    });
    let payment = await getJson(m, `/api/v1/payments/${paymentId}`);
    expect(payment).toMatchObject({ status: 'partially_refunded', refunded_amount: 5000 });
    expect(payment.refunds).toHaveLength(1);

    const tooMuch = await refund(m, paymentId, { amount: 10001 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.errors[0]).toMatchObject({ field: 'amount', code: 'refund_exceeds_refundable' });

    const rest = await refund(m, paymentId); // no body: the rest
    expect(rest.status).toBe(201);
    expect(rest.body).toMatchObject({ status: 'succeeded', amount: 10000 });
    payment = await getJson(m, `/api/v1/payments/${paymentId}`);
    expect(payment).toMatchObject({ status: 'refunded', refunded_amount: 15000 });

    const more = await refund(m, paymentId, { amount: 1 });
    expect(more.status).toBe(409);
    expect(more.body.code).toBe('payment_not_refundable');

    const got = await getJson(m, `/api/v1/refunds/${rest.body.id}`);
    expect(got).toMatchObject({ id: rest.body.id, status: 'succeeded', payment_id: paymentId });
    const types = await eventTypes(m, session.token);
    expect(types.filter((t) => t === 'refund.created')).toHaveLength(2);
    expect(types.filter((t) => t === 'refund.succeeded')).toHaveLength(2);
    expect(types.filter((t) => t === 'payment.refunded')).toHaveLength(2);
  });

  it('refunds the amount charged with the method pricing, not the session amount', async () => {
    const { paymentId } = await paidPayment(m, 'card', {
      amount: 10000,
      payment_settings: [{ payment_type: 'credit_card', addition: 10 }],
    });
    const payment = await getJson(m, `/api/v1/payments/${paymentId}`);
    expect(payment.amount).toBeGreaterThan(10000);
    const all = await refund(m, paymentId);
    expect(all.body.amount).toBe(payment.amount);
  });

  it('never over-refunds under concurrent requests', async () => {
    const { paymentId } = await paidPayment(m, 'card', { amount: 10000 });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => refund(m, paymentId, { amount: 4000 })),
    );
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(2);
    expect(results.filter((r) => r.status === 422)).toHaveLength(4);
    const payment = await getJson(m, `/api/v1/payments/${paymentId}`);
    expect(payment.refunded_amount).toBe(8000);
    const { results: rows } = await env.DB.prepare(
      'SELECT SUM(amount) AS total FROM refunds WHERE payment_id = ?',
    )
      .bind(paymentId)
      .all<{ total: number }>();
    expect(rows[0]?.total).toBe(8000);
  });

  it('honours Idempotency-Key: a retry replays the refund instead of refunding twice', async () => {
    const { paymentId } = await paidPayment(m, 'card', { amount: 9000 });
    const headers = { 'idempotency-key': `refund-${paymentId}` };
    const a = await refund(m, paymentId, { amount: 3000 }, headers);
    const b = await refund(m, paymentId, { amount: 3000 }, headers);
    expect(b.body.id).toBe(a.body.id);
    const payment = await getJson(m, `/api/v1/payments/${paymentId}`);
    expect(payment.refunds).toHaveLength(1);
  });

  it('records a declined refund as failed and releases its amount (sandbox amount ..99)', async () => {
    const { session, paymentId } = await paidPayment(m, 'card', { amount: 5000 });
    const declined = await refund(m, paymentId, { amount: 1099 });
    expect(declined.body).toMatchObject({ status: 'failed', failure_code: 'refund_declined' });
    const all = await refund(m, paymentId);
    expect(all.body).toMatchObject({ status: 'succeeded', amount: 5000 });
    expect(await eventTypes(m, session.token)).toContain('refund.failed');
  });

  it('refuses refunds of unpaid payments and of another merchant or mode', async () => {
    const other = await newMerchant({ name: 'Outra Loja', country: 'BRA' });
    const { paymentId } = await paidPayment(m, 'card');
    const res = await api(`/api/v1/payments/${paymentId}/refunds`, other.secret_keys.test, {
      method: 'POST',
    });
    expect(res.status).toBe(404);
    const live = await api(`/api/v1/payments/${paymentId}/refunds`, m.secret_keys.live, { method: 'POST' });
    expect(live.status).toBe(404);
    const r = await refund(m, paymentId, { amount: 100 });
    expect((await api(`/api/v1/refunds/${r.body.id}`, other.secret_keys.test)).status).toBe(404);
  });
});

describe('PIX refunds (devolução)', () => {
  it('are pending until the gateway settles them, several partials up to the original, and say when the window closes', async () => {
    const { session, paymentId } = await paidPayment(m, 'pix', { amount: 20000 });
    const a = await refund(m, paymentId, { amount: 5000 });
    expect(a.body.status).toBe('pending');
    const paidAt = Date.parse((await getJson(m, `/api/v1/payments/${paymentId}`)).paid_at);
    expect(Date.parse(a.body.window_closes_at)).toBe(paidAt + 90 * 24 * 3600 * 1000);
    const b = await refund(m, paymentId, { amount: 15000 });
    expect(b.body.status).toBe('pending');
    // Pending refunds already hold their amount.
    expect((await refund(m, paymentId, { amount: 1 })).status).toBe(409);
    const sim = await api(`/api/v1/test/refunds/${a.body.id}/simulate`, m.secret_keys.test, {
      body: { outcome: 'succeeded' },
    });
    expect((await sim.json()) as Json).toMatchObject({ status: 'succeeded' });
    expect(await getJson(m, `/api/v1/payments/${paymentId}`)).toMatchObject({
      status: 'partially_refunded',
      refunded_amount: 5000,
    });
    await api(`/api/v1/test/refunds/${b.body.id}/simulate`, m.secret_keys.test, {
      body: { outcome: 'failed' },
    });
    const payment = await getJson(m, `/api/v1/payments/${paymentId}`);
    expect(payment.refunds.map((r: Json) => r.status)).toEqual(['succeeded', 'failed']);
    expect(await eventTypes(m, session.token)).toEqual(
      expect.arrayContaining(['refund.succeeded', 'refund.failed']),
    );
  });

  it('is refused once 90 days have passed since the payment', async () => {
    const { paymentId } = await paidPayment(m, 'pix', { amount: 3000 });
    const longAgo = Date.now() - 91 * 24 * 3600 * 1000;
    await env.DB.prepare('UPDATE payments SET paid_at = ? WHERE id = ?').bind(longAgo, paymentId).run();
    const late = await refund(m, paymentId);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('refund_window_closed');
  });
});

describe('the API document', () => {
  it('covers the refund routes with the schemas the handlers validate with', async () => {
    const doc = (await (await call('/openapi.json')).json()) as Json;
    for (const path of [
      '/api/v1/payments/{id}/refunds',
      '/api/v1/refunds/{id}',
      '/api/v1/refunds/{id}/confirm',
      '/api/v1/refunds/{id}/cancel',
      '/api/v1/payments/{id}/accept',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(JSON.stringify(doc.paths['/api/v1/payments/{id}/refunds'].post)).toContain('CreateRefund');
  });
});
