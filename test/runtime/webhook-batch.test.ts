import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import worker from '../../src/index';
import { createSession, type Merchant, newMerchant } from './helpers';
import { attemptsOf, deliveries, insertEvent, stubReceiver } from './webhook-helpers';

let m: Merchant;
let sessionId: string;
let stub: ReturnType<typeof stubReceiver> | null = null;
afterEach(() => stub?.restore());

beforeAll(async () => {
  m = await newMerchant({ name: 'Lote', country: 'BRA', notification_url: 'https://hooks.lote.com.br/in' });
  sessionId = (await createSession(m.secret_keys.test)).token;
});

async function consume(eventIds: string[]) {
  const batch = createMessageBatch(
    'borda-webhooks',
    eventIds.map((eventId, i) => ({
      id: `msg-${i}-${eventId}`,
      timestamp: new Date(),
      attempts: 1,
      body: { kind: 'deliver', eventId },
    })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  return getQueueResult(batch, ctx);
}

describe('webhook consumer, a batch at a time', () => {
  it('delivers a whole batch, records every attempt, retries only the failures, and sends a repeated message once', async () => {
    const ids = await Promise.all(
      Array.from({ length: 40 }, () => insertEvent({ merchantId: m.merchant_id, sessionId })),
    );
    const failing = new Set(ids.slice(0, 7));
    stub = stubReceiver((req) =>
      failing.has(req.headers.get('webhook-id') ?? '')
        ? new Response('no', { status: 500 })
        : new Response('ok'),
    );
    const first = ids[10] ?? '';
    const result = await consume([...ids, first]);
    // One POST per event: the repeated message is acked, not sent again.
    expect(stub.received).toHaveLength(40);
    expect(new Set(stub.received.map((r) => r.headers.get('webhook-id')))).toEqual(new Set(ids));
    expect(result.retryMessages.map((r) => r.msgId).sort()).toEqual(
      ids
        .map((id, i) => [id, `msg-${i}-${id}`] as const)
        .filter(([id]) => failing.has(id))
        .map(([, msg]) => msg)
        .sort(),
    );
    expect(result.explicitAcks).toHaveLength(41 - failing.size);
    for (const id of ids) {
      const [d] = await deliveries(id);
      const ok = !failing.has(id);
      expect(d).toMatchObject({
        status: 'pending',
        attempts: 1,
        last_status_code: ok ? 200 : 500,
        ...(ok ? { status: 'delivered' } : {}),
      });
      const attempts = await attemptsOf(d?.id ?? '');
      expect(attempts).toHaveLength(1);
      expect(attempts[0]).toMatchObject({ status_code: ok ? 200 : 500 });
    }
    // The next hop of a failed one sends only that one again, and records a second attempt.
    const retry = ids[0] ?? '';
    await env.DB.prepare('UPDATE webhook_deliveries SET next_attempt_at = 0 WHERE event_id = ?')
      .bind(retry)
      .run();
    failing.clear();
    const again = await consume([retry]);
    expect(again.explicitAcks).toHaveLength(1);
    const [d] = await deliveries(retry);
    expect(d).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(await attemptsOf(d?.id ?? '')).toHaveLength(2);
  });

  it('marks the events it reads enqueued, so the cron does not send them again; an event marked before keeps its mark', async () => {
    const unmarked = await Promise.all(
      Array.from({ length: 3 }, () =>
        insertEvent({
          merchantId: m.merchant_id,
          sessionId,
          enqueued: false,
          createdAt: Date.now() - 120_000,
        }),
      ),
    );
    const marked = await insertEvent({ merchantId: m.merchant_id, sessionId });
    const markOf = async (id: string) =>
      (
        await env.DB.prepare('SELECT enqueued_at FROM events WHERE id = ?')
          .bind(id)
          .first<{ enqueued_at: number | null }>()
      )?.enqueued_at;
    const before = await markOf(marked);
    stub = stubReceiver(() => new Response('ok'));
    const t0 = Date.now();
    await consume([...unmarked, marked]);
    for (const id of unmarked) expect(await markOf(id)).toBeGreaterThanOrEqual(t0);
    expect(await markOf(marked)).toBe(before);
  });
});
