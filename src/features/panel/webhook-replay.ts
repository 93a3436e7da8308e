import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { events, webhookDeliveries } from '../../db/schema';
import { ownedBy, ownedByMerchant } from '../../db/tenant';
import { inJson } from '../../webhooks/context';
import type { DeliverMessage } from '../../webhooks/messages';
import { DELIVER_SEND_BATCH } from '../../webhooks/messages';
import type { MerchantCtx } from '../context';
import { endpointFilter } from './delivery-log';

/** At most this many events per bulk replay; a wider range is replayed in several requests. */
export const MAX_REPLAY = 500;

/**
 * Sends again every event of this merchant and mode whose delivery failed (or was disabled) within
 * [from, to], the way a single redelivery does: the delivery goes back to pending with a fresh retry
 * schedule, goes to the URL configured now, and keeps its attempt history. With `endpoint` (an
 * endpoint's id, or `default` for the notification URLs) only that endpoint's failed deliveries start
 * over; deliveries that succeeded are never sent again.
 */
export async function replayFailedDeliveries({
  ctx,
  input,
}: {
  ctx: MerchantCtx;
  input: { from: number; to: number; endpoint?: string };
}) {
  const rows = await ctx.db
    .selectDistinct({ eventId: webhookDeliveries.eventId })
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(
      and(
        ownedByMerchant(webhookDeliveries, ctx.merchant.id),
        ownedBy(events, ctx.merchant.id, ctx.mode),
        inArray(webhookDeliveries.status, ['failed', 'disabled']),
        gte(webhookDeliveries.createdAt, input.from),
        lte(webhookDeliveries.createdAt, input.to),
        endpointFilter(input.endpoint),
      ),
    )
    .limit(MAX_REPLAY);
  const ids = rows.map((r) => r.eventId);
  for (let i = 0; i < ids.length; i += DELIVER_SEND_BATCH) {
    const chunk = ids.slice(i, i + DELIVER_SEND_BATCH);
    await ctx.db
      .update(webhookDeliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: null, updatedAt: ctx.now })
      .where(
        and(
          // The ids as one JSON parameter: 100 of them bound one by one would pass D1's 100-parameter bound.
          inJson(webhookDeliveries.eventId, chunk),
          ownedByMerchant(webhookDeliveries, ctx.merchant.id),
          inArray(webhookDeliveries.status, ['failed', 'disabled']),
          endpointFilter(input.endpoint),
        ),
      );
    await ctx.queues.webhooks.sendBatch(
      chunk.map((eventId) => ({ body: { kind: 'deliver', eventId } satisfies DeliverMessage })),
    );
  }
  return { replayed: ids.length };
}
