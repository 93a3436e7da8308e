import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { inject } from 'vitest';
import worker from '../../src/index';
import { newId } from '../../src/lib/ids';
import type { ReceiverHit } from './receiver-server';

/** A URL on the real loopback receiver (test/runtime/receiver-server.ts), unique per test by `path`. */
export const receiver = (path: string) => `${inject('receiverBase')}${path}`;

/** What the receiver got under a path prefix. */
export async function hitsUnder(prefix: string): Promise<ReceiverHit[]> {
  const res = await fetch(`${inject('receiverBase')}/_hits?prefix=${encodeURIComponent(prefix)}`);
  return res.json();
}

/** The Worker's env as `npm start` runs it: loopback webhook URLs allowed, so the receiver may be called. */
export const devEnv = { ...env, ALLOW_LOOPBACK_URLS: 'true' } as Env;

/** Runs the real queue consumer on one batch holding these events, with `devEnv`. */
export async function consumeDev(eventIds: string[]) {
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
  await worker.queue(batch, devEnv, ctx);
  return getQueueResult(batch, ctx);
}

/**
 * A webhook endpoint as a development server (loopback allowed) stores it; the API refuses loopback
 * URLs under the tests' settings, as in production.
 */
export async function storeEndpoint(opts: {
  merchantId: string;
  mode?: 'test' | 'live';
  url: string;
  events?: string[] | null;
  status?: 'enabled' | 'disabled';
  createdAt?: number;
}) {
  const id = newId('we');
  const at = opts.createdAt ?? Date.now() - 1000;
  await env.DB.prepare(
    `INSERT INTO webhook_endpoints (id, merchant_id, mode, url, enabled_events, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      id,
      opts.merchantId,
      opts.mode ?? 'test',
      opts.url,
      opts.events ? JSON.stringify(opts.events) : null,
      opts.status ?? 'enabled',
      at,
      at,
    )
    .run();
  return id;
}

export type DeliveryDb = {
  id: string;
  target: string;
  endpoint_id: string | null;
  url: string;
  status: string;
  attempts: number;
  next_attempt_at: number | null;
};

export async function deliveriesOf(eventId: string): Promise<DeliveryDb[]> {
  const { results } = await env.DB.prepare(
    'SELECT * FROM webhook_deliveries WHERE event_id = ? ORDER BY target, url',
  )
    .bind(eventId)
    .all<DeliveryDb>();
  return results;
}

export async function attemptRows(deliveryId: string) {
  const { results } = await env.DB.prepare(
    'SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY attempted_at',
  )
    .bind(deliveryId)
    .all<{
      status_code: number | null;
      latency_ms: number;
      error: string | null;
      response_excerpt: string | null;
    }>();
  return results;
}

/** Makes a pending delivery due now, as if its retry delay had passed. */
export async function makeDue(deliveryId: string) {
  await env.DB.prepare('UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ?')
    .bind(Date.now() - 1, deliveryId)
    .run();
}
