import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveOldEvents } from '../../src/jobs/archive';
import { newId } from '../../src/lib/ids';
import { createSession, type Merchant, newMerchant } from './helpers';
import { insertEvent } from './webhook-helpers';

const DAY = 86_400_000;
let m: Merchant;
let sessionId: string;
beforeAll(async () => {
  m = await newMerchant();
  sessionId = (await createSession(m.secret_keys.test)).token;
});

/** An event of `ageDays` with one delivery in `status` and one attempt of it, straight in D1. */
async function eventWithDelivery(ageDays: number, status: 'delivered' | 'pending' | 'failed') {
  const at = Date.now() - ageDays * DAY;
  const id = await insertEvent({ merchantId: m.merchant_id, sessionId, createdAt: at });
  await env.DB.prepare('UPDATE events SET enqueued_at = ? WHERE id = ?').bind(at, id).run();
  const delivery = newId('whd');
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO webhook_deliveries (id, event_id, merchant_id, target, url, status, attempts, created_at, updated_at)
       VALUES (?, ?, ?, 'notification', 'https://hooks.example.com/x', ?, 1, ?, ?)`,
    ).bind(delivery, id, m.merchant_id, status, at, at),
    env.DB.prepare(
      'INSERT INTO webhook_attempts (id, delivery_id, attempted_at, status_code, latency_ms, error) VALUES (?, ?, ?, 200, 12, NULL)',
    ).bind(newId('wha'), delivery, at),
  ]);
  return { id, delivery, at };
}

async function count(sql: string, id: string) {
  return (await env.DB.prepare(sql).bind(id).first<{ n: number }>())?.n ?? 0;
}
const eventRows = (id: string) => count('SELECT count(*) AS n FROM events WHERE id = ?', id);
const deliveryRows = (id: string) =>
  count('SELECT count(*) AS n FROM webhook_deliveries WHERE event_id = ?', id);
const attemptRows = (delivery: string) =>
  count('SELECT count(*) AS n FROM webhook_attempts WHERE delivery_id = ?', delivery);

describe('archiving old events to R2', () => {
  it('moves settled events past the retention, with deliveries and attempts, and keeps the rest', async () => {
    const old = await eventWithDelivery(100, 'delivered');
    const oldFailed = await eventWithDelivery(95, 'failed');
    const stillPending = await eventWithDelivery(100, 'pending');
    const recent = await eventWithDelivery(10, 'delivered');
    expect(await archiveOldEvents(env.DB, env.ARCHIVE, Date.now(), '')).toBe(2);

    for (const e of [old, oldFailed]) {
      expect([await eventRows(e.id), await deliveryRows(e.id), await attemptRows(e.delivery)]).toEqual([
        0, 0, 0,
      ]);
    }
    for (const e of [stillPending, recent]) {
      expect([await eventRows(e.id), await deliveryRows(e.id), await attemptRows(e.delivery)]).toEqual([
        1, 1, 1,
      ]);
    }
    const listed = await env.ARCHIVE.list({ prefix: `events/${m.merchant_id}/` });
    expect(listed.objects).toHaveLength(1);
    const text = await (await env.ARCHIVE.get(listed.objects[0]?.key ?? ''))?.text();
    const lines = (text ?? '')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id).sort()).toEqual([old.id, oldFailed.id].sort());
    const first = lines.find((l) => l.id === old.id);
    expect(first).toMatchObject({
      type: 'payment.success',
      data: { checkout_session_id: sessionId },
      deliveries: [
        { id: old.delivery, status: 'delivered', attempts: [{ status_code: 200, latency_ms: 12 }] },
      ],
    });
    // Nothing left to move: a second run archives nothing and writes nothing.
    expect(await archiveOldEvents(env.DB, env.ARCHIVE, Date.now(), '')).toBe(0);
    expect((await env.ARCHIVE.list({ prefix: `events/${m.merchant_id}/` })).objects).toHaveLength(1);
  });

  it('honours EVENT_RETENTION_DAYS', async () => {
    const e = await eventWithDelivery(10, 'delivered');
    expect(await archiveOldEvents(env.DB, env.ARCHIVE, Date.now(), '30')).toBe(0);
    expect(await archiveOldEvents(env.DB, env.ARCHIVE, Date.now(), '7')).toBeGreaterThanOrEqual(1);
    expect(await eventRows(e.id)).toBe(0);
  });
});
