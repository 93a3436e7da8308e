import { and, eq, gte, sql } from 'drizzle-orm';
import { events, webhookAttempts, webhookDeliveries } from '../../db/schema';
import { ownedBy, ownedByMerchant } from '../../db/tenant';
import type { MerchantCtx } from '../context';

export const STATS_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Per webhook endpoint (and per URL for the notification URLs, `endpointId` null) of this merchant and
 * mode, over the attempts made since `since`: how many, how many answered 2xx, and their mean and
 * slowest latency.
 */
export async function endpointStats(ctx: MerchantCtx, since: number) {
  const ok = sql<number>`sum(case when ${webhookAttempts.statusCode} between 200 and 299 then 1 else 0 end)`;
  const rows = await ctx.db
    .select({
      endpointId: webhookDeliveries.endpointId,
      url: webhookDeliveries.url,
      attempts: sql<number>`count(*)`,
      succeeded: ok,
      meanLatencyMs: sql<number>`cast(round(avg(${webhookAttempts.latencyMs})) as integer)`,
      maxLatencyMs: sql<number>`max(${webhookAttempts.latencyMs})`,
    })
    .from(webhookAttempts)
    .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookAttempts.deliveryId))
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(
      and(
        ownedByMerchant(webhookDeliveries, ctx.merchant.id),
        ownedBy(events, ctx.merchant.id, ctx.mode),
        gte(webhookAttempts.attemptedAt, since),
      ),
    )
    .groupBy(webhookDeliveries.endpointId, webhookDeliveries.url)
    .orderBy(webhookDeliveries.endpointId, webhookDeliveries.url);
  return rows.map((r) => ({ ...r, successRate: r.attempts === 0 ? 0 : r.succeeded / r.attempts }));
}
export type EndpointStats = Awaited<ReturnType<typeof endpointStats>>;
