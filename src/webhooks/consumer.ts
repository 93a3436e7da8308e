import { and, eq, inArray } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { type DrizzleD1Database, drizzle } from 'drizzle-orm/d1';
import { type DeliveryRow, disabledEndpoints, webhookAttempts, webhookDeliveries } from '../db/schema';
import { newId } from '../lib/ids';
import { open } from '../lib/secretbox';
import { postWebhook } from './attempt';
import { type DeliveryContext, loadDeliveryContext } from './context';
import type { DeliverMessage } from './messages';
import { webhookBody } from './payload';
import { parseSchedule, queueHopSeconds, retryDelayMs } from './schedule';
import { signatureHeaders } from './sign';
import { refuseUnsafeUrl } from './url-guard';

type Outcome = { kind: 'done' } | { kind: 'retry'; dueAt: number } | { kind: 'dead' };

/**
 * Delivers one outbox event to each URL it goes to, and decides the message's fate: ack when every
 * delivery is settled, retry (after the earliest due time, at most 12 h per queue hop) while any is
 * pending, or the dead-letter queue when the retry schedule has run out.
 */
export async function handleDeliverMessage(
  env: Env,
  message: Message<DeliverMessage>,
  now = Date.now(),
): Promise<void> {
  const db = drizzle(env.DB);
  const outcome = await deliverEvent(env, db, message.body.eventId, now);
  if (outcome.kind === 'retry') {
    message.retry({ delaySeconds: queueHopSeconds(outcome.dueAt, now) });
    return;
  }
  if (outcome.kind === 'dead') await env.WEBHOOKS_DLQ.send(message.body);
  message.ack();
}

async function deliverEvent(env: Env, db: DrizzleD1Database, eventId: string, now: number): Promise<Outcome> {
  const ctx = await loadDeliveryContext(db, eventId);
  if (!ctx || ctx.targets.length === 0) return { kind: 'done' };
  const deliveries = await ensureDeliveries(db, ctx, now);
  const due = deliveries.filter((d) => d.status === 'pending' && (d.nextAttemptAt ?? 0) <= now);
  const secrets = await signingSecrets(env, ctx, now);
  const body = webhookBody({ ...ctx.event, data: ctx.event.data }, ctx.dialect ?? 'canonical');
  const schedule = parseSchedule(env.WEBHOOK_RETRY_SCHEDULE);
  const settled = await Promise.all(
    due.map((d) =>
      attemptDelivery(db, ctx, d, {
        body,
        secrets,
        schedule,
        now,
        allowLoopback: env.ALLOW_LOOPBACK_URLS === 'true',
      }),
    ),
  );
  const byId = new Map(settled.map((d) => [d.id, d]));
  const current = deliveries.map((d) => byId.get(d.id) ?? d);
  const pending = current.filter((d) => d.status === 'pending');
  if (pending.length === 0) return { kind: 'done' };
  if (pending.some((d) => d.nextAttemptAt === null)) return { kind: 'dead' };
  return { kind: 'retry', dueAt: Math.min(...pending.map((d) => d.nextAttemptAt ?? now)) };
}

/** Creates the delivery rows an event needs (once; the unique (event, target) index makes it race-safe). */
async function ensureDeliveries(
  db: DrizzleD1Database,
  ctx: DeliveryContext,
  now: number,
): Promise<DeliveryRow[]> {
  // A delivery starting over (new, or reset by a redelivery) goes to the URL configured now.
  const moved = ctx.deliveries.filter((d) => {
    const url = ctx.targets.find((t) => t.target === d.target)?.url;
    return d.status === 'pending' && d.attempts === 0 && url !== undefined && url !== d.url;
  });
  for (const d of moved) {
    d.url = ctx.targets.find((t) => t.target === d.target)?.url ?? d.url;
    await db
      .update(webhookDeliveries)
      .set({ url: d.url, updatedAt: now })
      .where(eq(webhookDeliveries.id, d.id));
  }
  const missing = ctx.targets.filter((t) => !ctx.deliveries.some((d) => d.target === t.target));
  if (missing.length === 0) return ctx.deliveries;
  const created = await db
    .insert(webhookDeliveries)
    .values(
      missing.map((t) => ({
        id: newId('whd'),
        eventId: ctx.event.id,
        merchantId: ctx.event.merchantId,
        target: t.target,
        url: t.url,
        status: 'pending' as const,
        attempts: 0,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning();
  // Another consumer may have created some of them meanwhile; only then read them back.
  if (created.length === missing.length) return [...ctx.deliveries, ...created];
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, ctx.event.id));
}

/** The current secret, and during a roll the previous one too, so receivers holding either verify. */
async function signingSecrets(env: Env, ctx: DeliveryContext, now: number): Promise<string[]> {
  const secrets = [await open(ctx.secretSealed, env.ENCRYPTION_KEY)];
  if (ctx.previousSecretSealed && (ctx.previousSecretUntil ?? 0) > now) {
    secrets.push(await open(ctx.previousSecretSealed, env.ENCRYPTION_KEY));
  }
  return secrets;
}

async function attemptDelivery(
  db: DrizzleD1Database,
  ctx: DeliveryContext,
  delivery: DeliveryRow,
  opts: { body: string; secrets: string[]; schedule: number[]; now: number; allowLoopback: boolean },
): Promise<DeliveryRow> {
  const refused = await refuseUnsafeUrl(db, delivery, opts);
  if (refused) return refused;
  if (ctx.disabledUrls.has(delivery.url)) {
    await db
      .update(webhookDeliveries)
      .set({ status: 'disabled', updatedAt: opts.now })
      .where(eq(webhookDeliveries.id, delivery.id));
    return { ...delivery, status: 'disabled' };
  }
  const headers = await signatureHeaders({
    secrets: opts.secrets,
    id: ctx.event.id,
    timestampSeconds: Math.floor(Date.now() / 1000),
    body: opts.body,
  });
  const result = await postWebhook(delivery.url, opts.body, headers);
  const at = Date.now();
  const attempts = delivery.attempts + 1;
  const next: DeliveryRow = { ...delivery, attempts, lastStatusCode: result.statusCode, updatedAt: at };
  if (result.verdict.kind === 'delivered') {
    Object.assign(next, { status: 'delivered', deliveredAt: at, nextAttemptAt: null });
  } else if (result.verdict.kind === 'gone') {
    Object.assign(next, { status: 'disabled', nextAttemptAt: null });
  } else {
    const wait = retryDelayMs(opts.schedule, attempts, Math.random);
    // Retry-After is honoured, but never beyond the point where our schedule would give up.
    const delay = wait === null ? null : Math.max(wait, result.verdict.retryAfterMs ?? 0);
    next.nextAttemptAt = delay === null ? null : at + delay;
  }
  const writes: BatchItem<'sqlite'>[] = [
    db.insert(webhookAttempts).values({
      id: newId('wha'),
      deliveryId: delivery.id,
      attemptedAt: at,
      statusCode: result.statusCode,
      latencyMs: result.latencyMs,
      error: result.error,
    }),
    db
      .update(webhookDeliveries)
      .set({
        status: next.status,
        attempts,
        lastStatusCode: next.lastStatusCode,
        nextAttemptAt: next.nextAttemptAt,
        deliveredAt: next.deliveredAt,
        updatedAt: at,
      })
      .where(eq(webhookDeliveries.id, delivery.id)),
  ];
  if (result.verdict.kind === 'gone') {
    writes.push(
      db
        .insert(disabledEndpoints)
        .values({ merchantId: ctx.event.merchantId, mode: ctx.event.mode, url: delivery.url, disabledAt: at })
        .onConflictDoNothing(),
    );
  }
  await db.batch(writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  return next;
}

/** Dead-letter consumer: whatever is still pending for the event has run out of attempts. */
export async function handleDeadLetter(
  env: Env,
  message: Message<DeliverMessage>,
  now = Date.now(),
): Promise<void> {
  const db = drizzle(env.DB);
  await db
    .update(webhookDeliveries)
    .set({ status: 'failed', nextAttemptAt: null, updatedAt: now })
    .where(
      and(
        eq(webhookDeliveries.eventId, message.body.eventId),
        inArray(webhookDeliveries.status, ['pending']),
      ),
    );
  message.ack();
}
