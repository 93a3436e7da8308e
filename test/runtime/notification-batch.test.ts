import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../src/index';
import { CUSTOMER, pay } from './client-helpers';
import { countingD1 } from './counting-d1';
import { createSession, type Merchant, newMerchant } from './helpers';
import { eventsOf, notificationsOf, waitForNotifications } from './notification-helpers';

/**
 * Customer notifications are planned and sent a queue batch at a time: the D1 round trips of a
 * batch do not grow with its size, and every message in it is still sent exactly once.
 */
const SIZE = 12;
let m: Merchant;
let sessions: Array<{ token: string; email: string }>;

beforeAll(async () => {
  m = await newMerchant({ name: 'Loja Lote', country: 'BRA' });
  sessions = [];
  for (let i = 0; i < SIZE; i++) {
    const email = `lote-${i}-${Date.now()}@example.com`;
    const s = await createSession(m.secret_keys.test, {
      payment_method: 'pix',
      customer: { ...CUSTOMER, email },
    });
    const res = await pay(s.token, { method: 'pix', customer: { ...CUSTOMER, email } });
    expect(res.status).toBe(201);
    sessions.push({ token: s.token, email });
  }
  // The queues run on their own: each customer has had the PIX instructions once before we begin.
  for (const s of sessions) {
    await waitForNotifications(m.secret_keys.test, s.token, (l) =>
      l.some((n) => n.kind === 'payment_instructions' && n.status === 'sent'),
    );
  }
}, 60_000);

/** Runs the real queue handler on one batch, over a D1 that counts its round trips. */
async function consume(queue: string, bodies: unknown[]) {
  const { db, counter } = countingD1(env.DB);
  const batch = createMessageBatch(
    queue,
    bodies.map((body, i) => ({ id: `msg-${i}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, { ...env, DB: db }, ctx);
  return { result: await getQueueResult(batch, ctx), calls: counter.calls };
}

async function instructionsOf(token: string) {
  return (await notificationsOf(m.secret_keys.test, token)).filter((n) => n.kind === 'payment_instructions');
}

/** Puts each session's sent instructions back to a fresh, due message; their ids. */
async function resetInstructions(tokens: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const token of tokens) {
    const [n] = await instructionsOf(token);
    await env.DB.prepare(
      "UPDATE customer_notifications SET status = 'pending', attempts = 0, provider = NULL, provider_message_id = NULL, next_attempt_at = ? WHERE id = ?",
    )
      .bind(Date.now() - 1, n?.id)
      .run();
    ids.push(n?.id ?? '');
  }
  return ids;
}

describe('customer notifications, a queue batch at a time', { timeout: 30_000 }, () => {
  it('plans a whole batch of events in the D1 round trips of one, and plans each message once', async () => {
    const eventIds = (await Promise.all(sessions.map((s) => eventsOf(s.token, 'payment.pending')))).flat();
    expect(eventIds).toHaveLength(SIZE);
    const one = await consume(
      'borda-webhooks',
      eventIds.slice(0, 1).map((eventId) => ({ kind: 'deliver', eventId })),
    );
    const all = await consume(
      'borda-webhooks',
      eventIds.map((eventId) => ({ kind: 'deliver', eventId })),
    );
    expect(all.result.explicitAcks).toHaveLength(SIZE);
    expect(one.calls).toBeGreaterThan(0);
    expect(all.calls).toBe(one.calls);
    for (const s of sessions) expect(await instructionsOf(s.token)).toHaveLength(1);
  });

  it('sends a whole batch in the D1 round trips of one: each due message once, a repeat acked, a later one left to wait', async () => {
    const [first, ...rest] = await resetInstructions(sessions.map((s) => s.token));
    const one = await consume('borda-notifications', [{ kind: 'notify', id: first }]);
    expect(one.result.explicitAcks).toHaveLength(1);
    const due = rest.slice(1);
    const later = rest[0] ?? '';
    const dueAt = Date.now() + 3_600_000;
    await env.DB.prepare('UPDATE customer_notifications SET next_attempt_at = ? WHERE id = ?')
      .bind(dueAt, later)
      .run();
    const onlyDue = await consume(
      'borda-notifications',
      due.map((id) => ({ kind: 'notify', id })),
    );
    expect(onlyDue.calls).toBe(one.calls);
    expect(onlyDue.result.explicitAcks).toHaveLength(due.length);
    // Again, with a message repeated and one not yet due: those are acked and retried, not sent.
    const mixed = await consume('borda-notifications', [
      { kind: 'notify', id: due[0] },
      { kind: 'notify', id: later },
      { kind: 'notify', id: 'ntf_missing' },
    ]);
    expect(mixed.result.explicitAcks).toHaveLength(2);
    expect(mixed.result.retryMessages).toEqual([{ msgId: 'msg-1' }]);
    for (const s of sessions) {
      const [n] = await instructionsOf(s.token);
      if (n?.id === later) expect(n).toMatchObject({ status: 'pending', attempts: 0 });
      else expect(n).toMatchObject({ status: 'sent', attempts: 1, provider: 'mailbox' });
    }
  });

  it('a message that cannot be rendered fails on its own: the rest of its batch is still sent and recorded', async () => {
    const [good = ''] = await resetInstructions(sessions.slice(0, 1).map((s) => s.token));
    const bad = `ntf_bad_${Date.now()}`;
    // A copy of the good row with a kind no template knows (as a row written by a newer version might be).
    await env.DB.prepare(
      `INSERT INTO customer_notifications (id, merchant_id, mode, session_id, payment_id, event_id, kind, channel,
        dedupe_key, recipient, locale, amount, currency, status, attempts, next_attempt_at, created_at, updated_at)
       SELECT ?, merchant_id, mode, session_id, payment_id, event_id, 'unknown_kind', channel, ?, recipient,
        locale, amount, currency, 'pending', 0, next_attempt_at, created_at, updated_at
       FROM customer_notifications WHERE id = ?`,
    )
      .bind(bad, `${bad}:dedupe`, good)
      .run();
    const batch = await consume('borda-notifications', [
      { kind: 'notify', id: bad },
      { kind: 'notify', id: good },
    ]);
    expect(batch.result.explicitAcks).toHaveLength(2);
    const row = (id: string) =>
      env.DB.prepare('SELECT status, attempts, last_error FROM customer_notifications WHERE id = ?')
        .bind(id)
        .first<{ status: string; attempts: number; last_error: string | null }>();
    expect(await row(bad)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await row(bad))?.last_error).toMatch(/^render failed/);
    expect(await row(good)).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
