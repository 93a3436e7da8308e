import { env } from 'cloudflare:workers';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSession, type Merchant, newMerchant } from './helpers';
import { attemptsOf, consume, deliveries, insertEvent, stubReceiver } from './webhook-helpers';

let m: Merchant;
let sessionId: string;
let stub: ReturnType<typeof stubReceiver> | null = null;
afterEach(() => stub?.restore());

beforeAll(async () => {
  m = await newMerchant({
    name: 'Hooks',
    country: 'BRA',
    notification_url: 'https://hooks.lojadamaria.com.br/borda',
  });
  sessionId = (await createSession(m.secret_keys.test)).token;
});

describe('webhook queue consumer', () => {
  it('POSTs the event signed two ways over the exact bytes, records the attempt and acks', async () => {
    stub = stubReceiver(() => new Response('ok'));
    const eventId = await insertEvent({ merchantId: m.merchant_id, sessionId });
    const result = await consume(eventId);
    expect(result.explicitAcks).toEqual([`msg-${eventId}`]);
    expect(result.retryMessages).toEqual([]);
    expect(stub.received).toHaveLength(1);
    const [req] = stub.received;
    expect(req?.url).toBe('https://hooks.lojadamaria.com.br/borda');
    expect(req?.headers.get('webhook-id')).toBe(eventId);
    const headers = Object.fromEntries(req?.headers ?? []);
    expect(new Webhook(m.webhook_secrets.test).verify(req?.body ?? '', headers)).toMatchObject({
      id: eventId,
      type: 'payment.success',
    });
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(m.webhook_secrets.test),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(req?.body)));
    expect(req?.headers.get('x-signature')).toBe(
      [...mac].map((b) => b.toString(16).padStart(2, '0')).join(''),
    );
    const [d] = await deliveries(eventId);
    expect(d).toMatchObject({ status: 'delivered', attempts: 1, last_status_code: 200 });
    const [a] = await attemptsOf(d?.id ?? '');
    expect(a).toMatchObject({ status_code: 200, error: null });
    expect(a?.latency_ms).toBeGreaterThanOrEqual(0);
  });

  it('retries a 500 through the queue with a jittered delay from the schedule', async () => {
    stub = stubReceiver(() => new Response('boom', { status: 500 }));
    const eventId = await insertEvent({ merchantId: m.merchant_id, sessionId });
    const result = await consume(eventId);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages).toHaveLength(1);
    const delay = result.retryMessages[0]?.delaySeconds ?? -1;
    expect(delay).toBeGreaterThanOrEqual(4); // 5 s ± 20 %
    expect(delay).toBeLessThanOrEqual(6);
    const [d] = await deliveries(eventId);
    expect(d).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 500 });
    expect((await attemptsOf(d?.id ?? ''))[0]).toMatchObject({ status_code: 500, error: 'HTTP 500' });
  });

  it('honours Retry-After on 429 and 503', async () => {
    stub = stubReceiver(() => new Response('slow down', { status: 503, headers: { 'retry-after': '120' } }));
    const eventId = await insertEvent({ merchantId: m.merchant_id, sessionId });
    const result = await consume(eventId);
    expect(result.retryMessages[0]?.delaySeconds).toBeGreaterThanOrEqual(119);
    expect(result.retryMessages[0]?.delaySeconds).toBeLessThanOrEqual(121);
  });

  it('counts a retry delay from the end of the batch, not from its start: a slow batch is not waited twice', async () => {
    // The endpoint takes 3 s to answer 429 Retry-After: 10; the queue's delay runs from the retry() call.
    stub = stubReceiver(async () => {
      await new Promise((r) => setTimeout(r, 3000));
      return new Response('slow down', { status: 429, headers: { 'retry-after': '10' } });
    });
    const eventId = await insertEvent({ merchantId: m.merchant_id, sessionId });
    const result = await consume(eventId);
    expect(result.retryMessages[0]?.delaySeconds).toBeGreaterThanOrEqual(9);
    expect(result.retryMessages[0]?.delaySeconds).toBeLessThanOrEqual(11);
  });

  it('does not follow redirects: a 302 is a failed attempt', async () => {
    stub = stubReceiver(
      () => new Response(null, { status: 302, headers: { location: 'https://hooks.elsewhere.com/' } }),
    );
    const eventId = await insertEvent({ merchantId: m.merchant_id, sessionId });
    const result = await consume(eventId);
    expect(stub.received.map((r) => r.url)).toEqual(['https://hooks.lojadamaria.com.br/borda']);
    expect(result.retryMessages).toHaveLength(1);
    expect((await deliveries(eventId))[0]).toMatchObject({ status: 'pending', last_status_code: 302 });
  });

  it('records a network failure as an attempt with its error', async () => {
    stub = stubReceiver(() => {
      throw new TypeError('connection refused');
    });
    const eventId = await insertEvent({ merchantId: m.merchant_id, sessionId });
    await consume(eventId);
    const [d] = await deliveries(eventId);
    expect((await attemptsOf(d?.id ?? ''))[0]).toMatchObject({
      status_code: null,
      error: expect.stringContaining('connection refused'),
    });
  });

  it('waits again when a chained hop arrives before the attempt is due', async () => {
    stub = stubReceiver(() => new Response('ok'));
    const eventId = await insertEvent({ merchantId: m.merchant_id, sessionId });
    await consume(eventId); // delivered; make a second event look mid-schedule instead
    const later = await insertEvent({ merchantId: m.merchant_id, sessionId });
    stub.restore();
    stub = stubReceiver(() => new Response('no', { status: 500 }));
    await consume(later);
    const due = Date.now() + 20 * 3600_000; // 20 h away: more than one 12 h hop
    await env.DB.prepare('UPDATE webhook_deliveries SET next_attempt_at = ? WHERE event_id = ?')
      .bind(due, later)
      .run();
    const before = stub.received.length;
    const result = await consume(later);
    expect(stub.received.length).toBe(before); // no attempt: not due yet
    expect(result.retryMessages[0]?.delaySeconds).toBe(43200);
  });

  it('sends the event to the dead-letter queue when the schedule runs out; its consumer marks the delivery failed', async () => {
    stub = stubReceiver(() => new Response('still broken', { status: 500 }));
    const eventId = await insertEvent({ merchantId: m.merchant_id, sessionId });
    await consume(eventId);
    // Nine retries already spent: the next failure has no retry left.
    await env.DB.prepare('UPDATE webhook_deliveries SET attempts = 9, next_attempt_at = 0 WHERE event_id = ?')
      .bind(eventId)
      .run();
    const last = await consume(eventId);
    expect(last.explicitAcks).toEqual([`msg-${eventId}`]);
    expect(last.retryMessages).toEqual([]);
    const dead = await consume(eventId, 'borda-webhooks-dlq');
    expect(dead.explicitAcks).toHaveLength(1);
    expect((await deliveries(eventId))[0]).toMatchObject({ status: 'failed', attempts: 10 });
  });

  it('disables an endpoint that answers 410 and sends it nothing more', async () => {
    const gone = await newMerchant({ name: 'Gone', notification_url: 'https://hooks.gone-store.com/x' });
    const s = (await createSession(gone.secret_keys.test)).token;
    stub = stubReceiver(() => new Response('gone', { status: 410 }));
    const first = await insertEvent({ merchantId: gone.merchant_id, sessionId: s });
    expect((await consume(first)).explicitAcks).toHaveLength(1);
    expect((await deliveries(first))[0]).toMatchObject({ status: 'disabled', last_status_code: 410 });
    const second = await insertEvent({ merchantId: gone.merchant_id, sessionId: s });
    await consume(second);
    expect(stub.received).toHaveLength(1);
    expect((await deliveries(second))[0]).toMatchObject({ status: 'disabled', attempts: 0 });
  });

  it('also POSTs failed payments to the session payment_failure_url', async () => {
    stub = stubReceiver(() => new Response('ok'));
    const s = await createSession(m.secret_keys.test, {
      payment_failure_url: 'https://hooks.failures-store.com/f',
    });
    const eventId = await insertEvent({
      merchantId: m.merchant_id,
      sessionId: s.token,
      type: 'payment.failed',
    });
    await consume(eventId);
    expect(stub.received.map((r) => r.url).sort()).toEqual([
      'https://hooks.failures-store.com/f',
      'https://hooks.lojadamaria.com.br/borda',
    ]);
    expect((await deliveries(eventId)).map((d) => [d.target, d.status])).toEqual([
      ['notification', 'delivered'],
      ['payment_failure', 'delivered'],
    ]);
  });

  it('acks an event whose merchant has no webhook URL, sending nothing', async () => {
    const quiet = await newMerchant({ name: 'Quiet' });
    const s = (await createSession(quiet.secret_keys.test)).token;
    stub = stubReceiver(() => new Response('ok'));
    const eventId = await insertEvent({ merchantId: quiet.merchant_id, sessionId: s });
    expect((await consume(eventId)).explicitAcks).toHaveLength(1);
    expect(stub.received).toHaveLength(0);
  });
});
