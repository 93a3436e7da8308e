import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { type EventRow, events, webhookAttempts, webhookDeliveries, webhookEndpoints } from '../../db/schema';
import { ownedBy, ownedByMerchant } from '../../db/tenant';
import { ApiError, fieldError } from '../../domain/errors';
import { isoUtc } from '../../lib/time';
import type { DeliverMessage } from '../../webhooks/messages';
import { webhookBody } from '../../webhooks/payload';
import type { MerchantCtx } from '../context';
import { createdRangeAndCursor, toPage } from '../shared/cursor';
import type { ListEventsQuery } from './schema';

export function eventView(e: EventRow) {
  return {
    id: e.id,
    object: 'event' as const,
    type: e.type,
    livemode: e.mode === 'live',
    created_at: isoUtc(e.createdAt),
    session_id: e.sessionId,
    payment_id: e.paymentId,
    enqueued: e.enqueuedAt !== null,
    payload: JSON.parse(webhookBody(e)) as Record<string, unknown>,
  };
}

export async function listEvents({ ctx, input }: { ctx: MerchantCtx; input: ListEventsQuery }) {
  const where: SQL[] = [ownedBy(events, ctx.merchant.id, ctx.mode)];
  if (input.type) where.push(eq(events.type, input.type));
  if (input.session) where.push(eq(events.sessionId, input.session));
  where.push(...createdRangeAndCursor(events, input));
  const rows = await ctx.db
    .select()
    .from(events)
    .where(and(...where))
    .orderBy(desc(events.createdAt), desc(events.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit);
}

async function ownEvent(ctx: MerchantCtx, id: string): Promise<EventRow> {
  const [row] = await ctx.db
    .select()
    .from(events)
    .where(and(eq(events.id, id), ownedBy(events, ctx.merchant.id, ctx.mode)))
    .limit(1);
  if (!row) throw new ApiError('not_found', 'No such event.');
  return row;
}

/** An event with each delivery and every attempt of it, in one D1 round trip (a batch of three reads). */
export async function getEvent({ ctx, input }: { ctx: MerchantCtx; input: { id: string } }) {
  const owned = and(eq(events.id, input.id), ownedBy(events, ctx.merchant.id, ctx.mode));
  const [found, deliveries, attempts] = await ctx.db.batch([
    ctx.db.select().from(events).where(owned).limit(1),
    ctx.db
      .select()
      .from(webhookDeliveries)
      .where(
        and(eq(webhookDeliveries.eventId, input.id), ownedByMerchant(webhookDeliveries, ctx.merchant.id)),
      ),
    ctx.db
      .select()
      .from(webhookAttempts)
      .where(
        inArray(
          webhookAttempts.deliveryId,
          ctx.db
            .select({ id: webhookDeliveries.id })
            .from(webhookDeliveries)
            .where(
              and(
                eq(webhookDeliveries.eventId, input.id),
                ownedByMerchant(webhookDeliveries, ctx.merchant.id),
              ),
            ),
        ),
      )
      .orderBy(asc(webhookAttempts.attemptedAt)),
  ]);
  const event = found[0];
  if (!event) throw new ApiError('not_found', 'No such event.');
  return {
    ...eventView(event),
    deliveries: deliveries.map((d) => ({
      id: d.id,
      target: d.target,
      endpoint_id: d.endpointId,
      url: d.url,
      status: d.status,
      attempt_count: d.attempts,
      next_attempt_at: d.nextAttemptAt === null ? null : isoUtc(d.nextAttemptAt),
      delivered_at: d.deliveredAt === null ? null : isoUtc(d.deliveredAt),
      attempts: attempts
        .filter((a) => a.deliveryId === d.id)
        .map((a) => ({
          attempted_at: isoUtc(a.attemptedAt),
          status_code: a.statusCode,
          latency_ms: a.latencyMs,
          error: a.error,
          response_excerpt: a.responseExcerpt,
        })),
    })),
  };
}

/**
 * Sends an event again from scratch: its deliveries go back to pending with a fresh retry schedule
 * (their attempt history stays), and it goes to the queue. A delivery that starts over is sent to the
 * URL configured now, so a merchant can fix its endpoint and redeliver. With `deliveryId` or
 * `endpointId`, only that delivery (one endpoint) starts over: the others are not sent again.
 */
export async function redeliverEvent({
  ctx,
  input,
}: {
  ctx: MerchantCtx;
  input: { id: string; deliveryId?: string; endpointId?: string };
}) {
  const event = await ownEvent(ctx, input.id);
  if (input.endpointId !== undefined) {
    // A disabled endpoint is skipped at delivery: queueing it again would answer 202 and send nothing.
    const [endpoint] = await ctx.db
      .select({ status: webhookEndpoints.status })
      .from(webhookEndpoints)
      .where(
        and(eq(webhookEndpoints.id, input.endpointId), ownedBy(webhookEndpoints, ctx.merchant.id, ctx.mode)),
      )
      .limit(1);
    if (endpoint?.status === 'disabled')
      throw fieldError('endpoint_id', 'endpoint_disabled', 'is disabled: enable it, then redeliver.');
  }
  const reset = await ctx.db
    .update(webhookDeliveries)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: null, updatedAt: ctx.now })
    .where(
      and(
        eq(webhookDeliveries.eventId, event.id),
        input.deliveryId === undefined ? undefined : eq(webhookDeliveries.id, input.deliveryId),
        input.endpointId === undefined ? undefined : eq(webhookDeliveries.endpointId, input.endpointId),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  if ((input.deliveryId !== undefined || input.endpointId !== undefined) && reset.length === 0) {
    throw new ApiError('not_found', 'No such delivery of this event.');
  }
  await ctx.queues.webhooks.send({ kind: 'deliver', eventId: event.id } satisfies DeliverMessage);
  return { id: event.id, object: 'event_redelivery' as const, status: 'queued' as const };
}
