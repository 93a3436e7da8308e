import { and, eq, inArray } from 'drizzle-orm';
import { type DeliveryRow, webhookDeliveries } from '../db/schema';
import { newId } from '../lib/ids';
import { concurrency } from '../lib/limit';
import { planCustomerNotifications } from '../notifications/hook';
import type { Ports, Secrets } from '../platform/ports';
import { postWebhook } from './attempt';
import { type DeliveryContext, loadDeliveryContexts } from './context';
import { ensureDeliveries } from './deliveries';
import { dialectAdapter } from './dialect-hook';
import type { DeliverMessage } from './messages';
import { webhookBody } from './payload';
import { type DeliveryWrite, recordDeliveries } from './record';
import { parseSchedule, queueHopSeconds, retryClock, retryDelayMs } from './schedule';
import { signatureHeaders } from './sign';
import { refuseUnsafeUrl } from './url-guard';

type Outcome = { kind: 'done' } | { kind: 'retry'; dueAt: number } | { kind: 'dead' };

/** POSTs in flight per batch: a Worker invocation has six simultaneous outbound connections. */
const PARALLEL_POSTS = 6;

/**
 * Delivers a batch of outbox events, each to every URL it goes to, in three D1 round trips for the
 * whole batch (read the contexts, create missing delivery rows, record every attempt; the customer
 * messages the events ask for are planned beside them in two more) with the HTTP
 * POSTs between them, six at a time (each timeout starts when its POST is sent); then decides each
 * message's fate: ack when every delivery is settled, retry (after the earliest due time, at most 12 h per queue hop) while any is pending, or
 * the dead-letter queue when the retry schedule has run out. A message repeated within the batch
 * is delivered once and acked.
 */
export async function handleDeliverBatch(
  platform: Ports,
  messages: readonly Message<DeliverMessage>[],
  now = Date.now(),
): Promise<void> {
  const startedAt = Date.now();
  const { db } = platform;
  const eventIds = [...new Set(messages.map((m) => m.body.eventId))];
  const contexts = await loadDeliveryContexts(db, eventIds, now);
  const dialects = dialectAdapter();
  const extrasOf = new Map<string, unknown>();
  await Promise.all([
    // Customer messages ride on the same at-least-once delivery: planning is idempotent per event.
    planCustomerNotifications(
      platform,
      db,
      [...contexts.values()].map((ctx) => ctx.event),
      now,
    ),
    ...[...contexts.values()].map(async (ctx) => {
      // Each dialect's URL gets only the events its document describes, in that document's shape.
      if (!dialects) return;
      const extras = await dialects.extras(db, platform.secrets.signingKey, ctx.dialect, ctx.event);
      extrasOf.set(ctx.event.id, extras);
      // Webhook endpoints take every subscribed event in the canonical shape, whatever the dialect.
      ctx.targets = ctx.targets.filter(
        (t) => t.target === 'endpoint' || dialects.receives(ctx.dialect, ctx.event, t.target, extras),
      );
    }),
  ]);
  // An event whose endpoints were all disabled or removed still settles their pending deliveries.
  const deliverable = [...contexts.values()].filter(
    (c) =>
      c.targets.length > 0 || c.deliveries.some((d) => d.target === 'endpoint' && d.status === 'pending'),
  );
  await ensureDeliveries(platform.d1, deliverable, now);
  const schedule = parseSchedule(platform.config.webhookRetrySchedule);
  const secrets = secretOpener(platform.secrets, now);
  const slot = concurrency(PARALLEL_POSTS);
  const writes: DeliveryWrite[] = [];
  const outcomes = new Map<string, Outcome>();
  await Promise.all(
    deliverable.map(async (ctx) => {
      const due = ctx.deliveries.filter((d) => d.status === 'pending' && (d.nextAttemptAt ?? 0) <= now);
      const body = webhookBody(ctx.event, ctx.dialect ?? 'canonical', extrasOf.get(ctx.event.id));
      const toEndpoint =
        ctx.dialect && ctx.dialect !== 'canonical' && due.some((d) => d.target === 'endpoint');
      const canonical = toEndpoint ? webhookBody(ctx.event) : body;
      const keys = due.length > 0 ? await secrets(ctx) : [];
      const settled = await Promise.all(
        due.map((d) =>
          slot(() =>
            attemptDelivery(ctx, d, {
              body: d.target === 'endpoint' ? canonical : body,
              keys,
              schedule,
              now,
              allowLoopback: platform.config.allowLoopbackUrls,
            }),
          ),
        ),
      );
      writes.push(...settled);
      const byId = new Map(settled.map((w) => [w.delivery.id, w.delivery]));
      outcomes.set(
        ctx.event.id,
        fate(
          ctx.deliveries.map((d) => byId.get(d.id) ?? d),
          now,
        ),
      );
    }),
  );
  await recordDeliveries(platform.d1, writes);
  // After the whole batch: its slowest POST may have waited out the 15 s timeout.
  const retryFrom = retryClock(now, startedAt);
  const decided = new Set<string>();
  for (const message of messages) {
    const id = message.body.eventId;
    const outcome = decided.has(id)
      ? { kind: 'done' as const }
      : (outcomes.get(id) ?? { kind: 'done' as const });
    decided.add(id);
    if (outcome.kind === 'retry') {
      message.retry({ delaySeconds: queueHopSeconds(outcome.dueAt, retryFrom) });
      continue;
    }
    if (outcome.kind === 'dead') await platform.queues.webhooksDlq.send(message.body);
    message.ack();
  }
}

function fate(current: DeliveryRow[], now: number): Outcome {
  const pending = current.filter((d) => d.status === 'pending');
  if (pending.length === 0) return { kind: 'done' };
  if (pending.some((d) => d.nextAttemptAt === null)) return { kind: 'dead' };
  return { kind: 'retry', dueAt: Math.min(...pending.map((d) => d.nextAttemptAt ?? now)) };
}

/**
 * The current secret, and during a roll the previous one too, so receivers holding either verify.
 * Opened once per merchant per batch.
 */
function secretOpener(sealing: Secrets, now: number) {
  const opened = new Map<string, Promise<string[]>>();
  return (ctx: DeliveryContext): Promise<string[]> => {
    const key = `${ctx.secretSealed}|${ctx.previousSecretSealed ?? ''}|${ctx.previousSecretUntil ?? ''}`;
    let secrets = opened.get(key);
    if (!secrets) {
      secrets = (async () => {
        const out = [await sealing.open(ctx.secretSealed)];
        if (ctx.previousSecretSealed && (ctx.previousSecretUntil ?? 0) > now) {
          out.push(await sealing.open(ctx.previousSecretSealed));
        }
        return out;
      })();
      opened.set(key, secrets);
    }
    return secrets;
  };
}

/** One POST of one delivery (or none, to a disabled endpoint); what to write comes back, not written. */
async function attemptDelivery(
  ctx: DeliveryContext,
  delivery: DeliveryRow,
  opts: { body: string; keys: string[]; schedule: number[]; now: number; allowLoopback: boolean },
): Promise<DeliveryWrite> {
  const refused = refuseUnsafeUrl(delivery, opts);
  if (refused) return refused;
  if (isSwitchedOff(ctx, delivery)) {
    return { delivery: { ...delivery, status: 'disabled', updatedAt: opts.now } };
  }
  const headers = await signatureHeaders({
    secrets: opts.keys,
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
  return {
    delivery: next,
    attempt: {
      id: newId('wha'),
      deliveryId: delivery.id,
      attemptedAt: at,
      statusCode: result.statusCode,
      latencyMs: result.latencyMs,
      error: result.error,
      responseExcerpt: result.excerpt,
    },
    ...(result.verdict.kind === 'gone' ? goneWrite(ctx, delivery, at) : {}),
  };
}

/** A delivery to a URL that answered 410 Gone, or to an endpoint disabled or removed since, stops. */
function isSwitchedOff(ctx: DeliveryContext, delivery: DeliveryRow): boolean {
  if (delivery.target !== 'endpoint') return ctx.disabledUrls.has(delivery.url);
  return ctx.endpoints.get(delivery.endpointId ?? '')?.status !== 'enabled';
}

/** 410 Gone disables the webhook endpoint that answered it, or for the default URLs that URL in the mode. */
function goneWrite(ctx: DeliveryContext, delivery: DeliveryRow, at: number): Partial<DeliveryWrite> {
  if (delivery.target === 'endpoint' && delivery.endpointId) {
    return { disableEndpoint: { id: delivery.endpointId, at } };
  }
  return { disable: { merchantId: ctx.event.merchantId, mode: ctx.event.mode, url: delivery.url, at } };
}

/** Dead-letter consumer: whatever is still pending for the event has run out of attempts. */
export async function handleDeadLetter(
  platform: Ports,
  message: Message<DeliverMessage>,
  now = Date.now(),
): Promise<void> {
  await platform.db
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
