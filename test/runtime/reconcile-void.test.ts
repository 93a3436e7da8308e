import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../src/index';
import { pay, status } from './client-helpers';
import { api, createSession, newMerchant } from './helpers';
import { eventTypes, getJson, type Json } from './refund-helpers';

async function runCron(at: number) {
  const controller = createScheduledController({ scheduledTime: new Date(at), cron: '* * * * *' });
  const ctx = createExecutionContext();
  await worker.scheduled(controller, env, ctx);
  await waitOnExecutionContext(ctx);
}

/** A merchant whose sandbox account behaves as `settings` says. */
async function merchantWith(settings: Record<string, unknown>) {
  const m = await newMerchant({ name: 'Loja Conciliada', country: 'BRA' });
  const res = await api('/api/v1/gateways', m.secret_keys.test, { body: { gateway: 'sandbox', settings } });
  if (res.status !== 201) throw new Error(`account: ${res.status} ${await res.text()}`);
  return m;
}

async function pendingPix(key: string) {
  const s = await createSession(key, { payment_method: 'pix', amount: 7000, expires_in: 3600 });
  const body = (await (await pay(s.token, { method: 'pix' })).json()) as Json;
  return { token: s.token, paymentId: body.payment.id as string };
}

const MIN = 60_000;
const row = (id: string) =>
  env.DB.prepare('SELECT status, voided_at, void_error, reconciled_at FROM payments WHERE id = ?')
    .bind(id)
    .first<{
      status: string;
      voided_at: number | null;
      void_error: string | null;
      reconciled_at: number | null;
    }>();

describe('reconciliation', () => {
  it('recovers a payment whose webhook was lost: asked after its window, settled once, not asked again before the next', async () => {
    const m = await merchantWith({ status_after_timeout: 'paid' });
    const { token, paymentId } = await pendingPix(m.secret_keys.test);
    const now = Date.now();
    await runCron(now + 2 * MIN); // inside the PIX window: not asked yet
    expect((await row(paymentId))?.status).toBe('pending');
    await runCron(now + 11 * MIN);
    expect((await row(paymentId))?.status).toBe('paid');
    expect((await status(token)).status).toBe('paid');
    await runCron(now + 12 * MIN);
    const types = await eventTypes(m, token);
    expect(types.filter((t) => t === 'payment.success')).toHaveLength(1);
    expect(types.filter((t) => t === 'checkout_session.finished')).toHaveLength(1);
  });

  it('takes the late path when the money is found after the session ended (expired by plain SQL, not the object)', async () => {
    const m = await merchantWith({ status_after_timeout: 'paid' });
    const { token, paymentId } = await pendingPix(m.secret_keys.test);
    // A set-based expiry, as another writer would do it: the session moves in D1, its payment stays pending.
    await env.DB.prepare(
      "UPDATE checkout_sessions SET status = 'expired', version = version + 1 WHERE id = ?",
    )
      .bind(token)
      .run();
    await runCron(Date.now() + 11 * MIN);
    const payment = await getJson(m, `/api/v1/payments/${paymentId}`);
    expect(payment).toMatchObject({ status: 'paid', settlement: { flag: 'late', resolution: 'held' } });
    expect(await eventTypes(m, token)).toContain('payment.late');
    expect((await status(token)).status).toBe('expired');
  });
});

describe('voiding what finished sessions issued', () => {
  it('voids the PIX of an expired session at the gateway, once', async () => {
    const m = await merchantWith({});
    const { token, paymentId } = await pendingPix(m.secret_keys.test);
    expect((await row(paymentId))?.voided_at).toBeNull();
    await api(`/api/v1/checkout/sessions/${token}/expire`, m.secret_keys.test, { method: 'POST' });
    await runCron(Date.now());
    const voided = await row(paymentId);
    expect(voided?.voided_at).not.toBeNull();
    expect(voided?.void_error).toBeNull();
    await runCron(Date.now() + MIN);
    expect((await row(paymentId))?.voided_at).toBe(voided?.voided_at);
  });

  it('voids a pending PIX left in a session that ended outside its object', async () => {
    const m = await merchantWith({});
    const { token, paymentId } = await pendingPix(m.secret_keys.test);
    await env.DB.prepare(
      "UPDATE checkout_sessions SET status = 'expired', version = version + 1 WHERE id = ?",
    )
      .bind(token)
      .run();
    await runCron(Date.now());
    expect((await row(paymentId))?.voided_at).not.toBeNull();
  });

  it('records the money when the gateway refuses the void because it was already paid', async () => {
    const m = await merchantWith({ void_outcome: 'already_paid' });
    const { token, paymentId } = await pendingPix(m.secret_keys.test);
    await api(`/api/v1/checkout/sessions/${token}/expire`, m.secret_keys.test, { method: 'POST' });
    await runCron(Date.now());
    expect(await row(paymentId)).toMatchObject({ status: 'paid', void_error: 'already_paid' });
    expect(await getJson(m, `/api/v1/payments/${paymentId}`)).toMatchObject({ settlement: { flag: 'late' } });
  });

  it('retries a void that failed transiently at the next run', async () => {
    const m = await merchantWith({ void_outcome: 'fail' });
    const { token, paymentId } = await pendingPix(m.secret_keys.test);
    await api(`/api/v1/checkout/sessions/${token}/expire`, m.secret_keys.test, { method: 'POST' });
    await runCron(Date.now());
    expect(await row(paymentId)).toMatchObject({ voided_at: null, void_error: 'gateway_unavailable' });
  });
});

describe('refund status poll', () => {
  it('settles a pending PIX devolução from the gateway, and a refund made to fail (..97) as failed', async () => {
    const m = await merchantWith({});
    const { token, paymentId } = await pendingPix(m.secret_keys.test);
    await api(`/api/v1/test/payments/${paymentId}/simulate`, m.secret_keys.test, {
      body: { outcome: 'paid' },
    });
    const ok = (await (
      await api(`/api/v1/payments/${paymentId}/refunds`, m.secret_keys.test, { body: { amount: 1000 } })
    ).json()) as Json;
    const bad = (await (
      await api(`/api/v1/payments/${paymentId}/refunds`, m.secret_keys.test, { body: { amount: 1097 } })
    ).json()) as Json;
    expect([ok.status, bad.status]).toEqual(['pending', 'pending']);
    await runCron(Date.now() + 2 * MIN);
    expect((await getJson(m, `/api/v1/refunds/${ok.id}`)).status).toBe('succeeded');
    expect(await getJson(m, `/api/v1/refunds/${bad.id}`)).toMatchObject({
      status: 'failed',
      failure_code: 'refund_rejected',
    });
    expect(await getJson(m, `/api/v1/payments/${paymentId}`)).toMatchObject({
      status: 'partially_refunded',
      refunded_amount: 1000,
    });
    expect(await eventTypes(m, token)).toEqual(expect.arrayContaining(['refund.succeeded', 'refund.failed']));
  });
});
