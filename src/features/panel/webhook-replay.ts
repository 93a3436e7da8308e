import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { events, webhookDeliveries } from '../../db/schema';
import { ownedBy, ownedByMerchant } from '../../db/tenant';
import type { DeliverMessage } from '../../webhooks/messages';
import { DELIVER_SEND_BATCH } from '../../webhooks/messages';
import type { MerchantCtx } from '../context';

/** At most this many events per bulk replay; a wider range is replayed in several requests. */
export const MAX_REPLAY = 500;

/**
 * Sends again every event of this merchant and mode whose delivery failed (or was disabled) within
 * [from, to], the way a single redelivery does: the delivery goes back to pending with a fresh retry
 * schedule, goes to the URL configured now, and keeps its attempt history.
 */
export async function replayFailedDeliveries({
  ctx,
  input,
}: {
  ctx: MerchantCtx;
  input: { from: number; to: number };
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
          inArray(webhookDeliveries.eventId, chunk),
          ownedByMerchant(webhookDeliveries, ctx.merchant.id),
          inArray(webhookDeliveries.status, ['failed', 'disabled']),
        ),
      );
    await ctx.queues.webhooks.sendBatch(
      chunk.map((eventId) => ({ body: { kind: 'deliver', eventId } satisfies DeliverMessage })),
    );
  }
  return { replayed: ids.length };
}
