import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker from '../../src/index';
import { newId } from '../../src/lib/ids';

export type Received = { url: string; headers: Headers; body: string };

/**
 * Stands in for the merchant's servers (outside this machine) at the HTTP boundary: requests to
 * https://hooks.* are answered by `respond`; everything else goes to the real fetch.
 */
export function stubReceiver(respond: (req: Request, n: number) => Response | Promise<Response>) {
  const received: Received[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    if (!new URL(req.url).hostname.startsWith('hooks.')) return original(input, init);
    const body = await req.text();
    received.push({ url: req.url, headers: req.headers, body });
    return respond(
      new Request(req.url, { method: req.method, headers: req.headers, body, redirect: init?.redirect }),
      received.length,
    );
  }) as typeof fetch;
  return { received, restore: () => (globalThis.fetch = original) };
}

/** An outbox row written straight to D1 (not through a SessionDO, so no queue message is sent for it). */
export async function insertEvent(opts: {
  merchantId: string;
  sessionId: string;
  type?: string;
  createdAt?: number;
  enqueued?: boolean;
  mode?: 'test' | 'live';
}) {
  const id = newId('evt');
  const type = opts.type ?? 'payment.success';
  const data = {
    event: type,
    payment_id: 'pay_test',
    checkout_session_id: opts.sessionId,
    amount: 15000,
    currency: 'BRL',
  };
  await env.DB.prepare(
    'INSERT INTO events (id, merchant_id, mode, type, session_id, payment_id, data, created_at, enqueued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
    .bind(
      id,
      opts.merchantId,
      opts.mode ?? 'test',
      type,
      opts.sessionId,
      'pay_test',
      JSON.stringify(data),
      opts.createdAt ?? Date.now(),
      opts.enqueued === false ? null : Date.now(),
    )
    .run();
  return id;
}

export async function deliveries(eventId: string) {
  const { results } = await env.DB.prepare(
    'SELECT * FROM webhook_deliveries WHERE event_id = ? ORDER BY target',
  )
    .bind(eventId)
    .all<{
      id: string;
      target: string;
      url: string;
      status: string;
      attempts: number;
      next_attempt_at: number | null;
      last_status_code: number | null;
    }>();
  return results;
}

export async function attemptsOf(deliveryId: string) {
  const { results } = await env.DB.prepare(
    'SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempted_at',
  )
    .bind(deliveryId)
    .all<{ status_code: number | null; latency_ms: number; error: string | null }>();
  return results;
}

export async function waitFor<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 8000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Runs the real queue handler on a one-message batch. getQueueResult records which messages were
 * acked or retried but not a retry's delay, so the delay is read off the message as well.
 */
export async function consume(eventId: string, queue = 'borda-webhooks') {
  const batch = createMessageBatch(queue, [
    { id: `msg-${eventId}`, timestamp: new Date(), attempts: 1, body: { kind: 'deliver', eventId } },
  ]);
  const delays: Array<number | undefined> = [];
  for (const message of batch.messages) {
    const retry = message.retry.bind(message);
    message.retry = (options?: QueueRetryOptions) => {
      delays.push(options?.delaySeconds);
      retry(options);
    };
  }
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  const result = await getQueueResult(batch, ctx);
  return {
    ...result,
    retryMessages: result.retryMessages.map((r, i) => ({ ...r, delaySeconds: delays[i] })),
  };
}
