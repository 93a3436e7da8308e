import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { events, webhookAttempts, webhookDeliveries } from '../../db/schema';
import { ownedBy, ownedByMerchant } from '../../db/tenant';
import type { MerchantCtx } from '../context';
import { keyset, type PageRequest, pageOf } from './keyset';

export const LOG_PAGE = 50;
const STATUSES = ['pending', 'delivered', 'failed', 'disabled'] as const;

/**
 * Which deliveries a filter names: `endpoint` is a webhook endpoint's id, or `default` for the mode's
 * notification URL and the sessions' own URLs (everything that is not an endpoint).
 */
export function endpointFilter(endpoint: string | undefined): SQL | undefined {
  if (!endpoint) return undefined;
  if (endpoint === 'default') return isNull(webhookDeliveries.endpointId);
  return eq(webhookDeliveries.endpointId, endpoint);
}

/**
 * The delivery log of this merchant and mode, newest first, 50 a page (keyset paging), optionally of
 * one status and one endpoint: each delivery with its event and every attempt (status code,
 * latency, the start of the answer).
 */
export async function deliveryLog(
  ctx: MerchantCtx,
  input: { status?: string; endpoint?: string; page?: PageRequest },
) {
  const plan = keyset(webhookDeliveries, input.page ?? {});
  const status = STATUSES.find((s) => s === input.status);
  const where = and(
    ownedByMerchant(webhookDeliveries, ctx.merchant.id),
    ownedBy(events, ctx.merchant.id, ctx.mode),
    status ? eq(webhookDeliveries.status, status) : undefined,
    endpointFilter(input.endpoint),
    plan.where,
  );
  const rows = await ctx.db
    .select({
      delivery: webhookDeliveries,
      event: { id: events.id, type: events.type, sessionId: events.sessionId },
    })
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(where)
    .orderBy(...plan.order)
    .limit(LOG_PAGE + 1);
  const page = pageOf(rows, plan, LOG_PAGE, (r) => ({ at: r.delivery.createdAt, id: r.delivery.id }));
  const ids = page.rows.map((r) => r.delivery.id);
  const tries =
    ids.length === 0
      ? []
      : await ctx.db
          .select()
          .from(webhookAttempts)
          .where(inArray(webhookAttempts.deliveryId, ids))
          .orderBy(asc(webhookAttempts.attemptedAt));
  return {
    ...page,
    rows: page.rows.map((r) => ({ ...r, attempts: tries.filter((t) => t.deliveryId === r.delivery.id) })),
  };
}
export type DeliveryLog = Awaited<ReturnType<typeof deliveryLog>>;
