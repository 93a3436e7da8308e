import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../src/index';
import type { ExpireMessage } from '../../src/webhooks/messages';
import { api, createSession, type Merchant, newMerchant } from './helpers';
import { insertEvent, waitFor } from './webhook-helpers';

let m: Merchant;
beforeAll(async () => {
  m = await newMerchant();
});

async function runCron(at = Date.now()) {
  const controller = createScheduledController({ scheduledTime: new Date(at), cron: '* * * * *' });
  const ctx = createExecutionContext();
  await worker.scheduled(controller, env, ctx);
  await waitOnExecutionContext(ctx);
}

async function statusOf(id: string) {
  return (
    await env.DB.prepare('SELECT status FROM checkout_sessions WHERE id = ?')
      .bind(id)
      .first<{ status: string }>()
  )?.status;
}

async function expiredEvents(id: string) {
  const r = await env.DB.prepare(
    "SELECT count(*) AS n FROM events WHERE session_id = ? AND type = 'checkout_session.expired'",
  )
    .bind(id)
    .first<{ n: number }>();
  return r?.n ?? 0;
}

describe('scheduled handler', () => {
  it('expires every due open or pending session once, and leaves the rest', async () => {
    const due = await Promise.all(Array.from({ length: 5 }, () => createSession(m.secret_keys.test)));
    const notDue = await createSession(m.secret_keys.test);
    const paid = await createSession(m.secret_keys.test);
    await env.SESSION_DO.get(env.SESSION_DO.idFromName(paid.token)).transition({
      sessionId: paid.token,
      to: 'paid',
    });
    // Fixtures written straight to D1 before any object loads these sessions (expires_at never
    // changes in real life, so an object may cache it).
    for (const s of [...due, paid]) {
      await env.DB.prepare('UPDATE checkout_sessions SET expires_at = ? WHERE id = ?')
        .bind(Date.now() - 1000, s.token)
        .run();
    }
    await env.DB.prepare("UPDATE checkout_sessions SET status = 'pending' WHERE id = ?")
      .bind(due[4]?.token)
      .run();
    await Promise.all([runCron(), runCron()]); // overlapping runs change nothing twice
    for (const s of due) {
      await waitFor(async () => (await statusOf(s.token)) === 'expired');
      expect(await expiredEvents(s.token)).toBe(1);
    }
    // Another sweep, and a jobs message naming them again delivered straight to the consumer (as a
    // late or duplicated queue message would be), awaited to its ack: nothing expires twice.
    await runCron();
    const batch = createMessageBatch<ExpireMessage>('borda-jobs', [
      {
        id: 'again',
        timestamp: new Date(),
        attempts: 1,
        body: { kind: 'expire', sessionIds: due.map((s) => s.token) },
      },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch as MessageBatch<unknown>, env, ctx);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(['again']);
    for (const s of due) expect(await expiredEvents(s.token)).toBe(1);
    expect(await statusOf(notDue.token)).toBe('open');
    expect(await statusOf(paid.token)).toBe('paid');
  }, 20_000);

  it('does not expire a session whose expires_at was pushed back after the sweep read it', async () => {
    const s = await createSession(m.secret_keys.test);
    const stub = env.SESSION_DO.get(env.SESSION_DO.idFromName(s.token));
    const outcome = await stub.transition({ sessionId: s.token, to: 'expired', onlyIfDue: true });
    expect(outcome).toMatchObject({ ok: false });
    expect(await statusOf(s.token)).toBe('open');
  });

  it('re-enqueues outbox rows that never reached the queue, and marks them', async () => {
    const s = await createSession(m.secret_keys.test);
    const stale = await insertEvent({
      merchantId: m.merchant_id,
      sessionId: s.token,
      enqueued: false,
      createdAt: Date.now() - 120_000,
    });
    const fresh = await insertEvent({ merchantId: m.merchant_id, sessionId: s.token, enqueued: false });
    await runCron();
    const enqueued = async (id: string) =>
      (
        await env.DB.prepare('SELECT enqueued_at FROM events WHERE id = ?')
          .bind(id)
          .first<{ enqueued_at: number | null }>()
      )?.enqueued_at;
    expect(await enqueued(stale)).toEqual(expect.any(Number));
    expect(await enqueued(fresh)).toBeNull(); // may still be on its way from the object that wrote it
  });

  it('deletes idempotency keys older than 24 hours', async () => {
    const res = await api('/api/v1/checkout/sessions', m.secret_keys.test, {
      body: { amount: 100, currency: 'BRL', merchant_order_id: `IDEM-${Date.now()}` },
      headers: { 'idempotency-key': 'old-key' },
    });
    expect(res.status).toBe(201);
    await env.DB.prepare("UPDATE idempotency_keys SET created_at = ? WHERE key = 'old-key'")
      .bind(Date.now() - 25 * 3600_000)
      .run();
    await runCron();
    const row = await env.DB.prepare("SELECT key FROM idempotency_keys WHERE key = 'old-key'").first();
    expect(row).toBeNull();
  });
});
