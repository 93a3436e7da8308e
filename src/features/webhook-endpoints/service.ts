import { and, asc, eq } from 'drizzle-orm';
import { d1Of, insertWhere } from '../../db/guarded-sql';
import { type WebhookEndpointRow, webhookEndpoints } from '../../db/schema';
import { ownedBy } from '../../db/tenant';
import { ApiError, fieldError } from '../../domain/errors';
import { checkWebhookUrl } from '../../domain/urls';
import { newId } from '../../lib/ids';
import { isoUtc } from '../../lib/time';
import type { MerchantCtx } from '../context';
import { type CreateWebhookEndpoint, MAX_ENDPOINTS } from './schema';

/** The condition that picks this merchant's endpoints in this mode (and one of them, given its id). */
function ownEndpoints(ctx: MerchantCtx, id?: string) {
  return and(
    ownedBy(webhookEndpoints, ctx.merchant.id, ctx.mode),
    id === undefined ? undefined : eq(webhookEndpoints.id, id),
  );
}

export function endpointView(e: WebhookEndpointRow) {
  return {
    id: e.id,
    object: 'webhook_endpoint' as const,
    url: e.url,
    enabled_events: e.enabledEvents ?? ['*'],
    status: e.status,
    description: e.description,
    livemode: e.mode === 'live',
    created_at: isoUtc(e.createdAt),
  };
}

/** The mode's webhook endpoints, oldest first (at most MAX_ENDPOINTS, so one page). */
export async function listWebhookEndpoints(ctx: MerchantCtx): Promise<WebhookEndpointRow[]> {
  return ctx.db
    .select()
    .from(webhookEndpoints)
    .where(ownEndpoints(ctx))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}

/**
 * Adds an endpoint to the key's mode. Its URL is checked as notification_url is (and again at every
 * send); it receives the events that happen from now on.
 */
export async function createWebhookEndpoint({
  ctx,
  input,
}: {
  ctx: MerchantCtx;
  input: CreateWebhookEndpoint;
}): Promise<WebhookEndpointRow> {
  const problem = checkWebhookUrl(input.url, { allowLoopback: ctx.allowLoopbackUrls });
  if (problem) throw fieldError('url', problem.code, problem.message);
  const events = input.enabled_events as string[];
  const row: WebhookEndpointRow = {
    id: newId('we'),
    merchantId: ctx.merchant.id,
    mode: ctx.mode,
    url: input.url,
    enabledEvents: events.includes('*') ? null : [...new Set(events)],
    status: 'enabled',
    description: input.description || null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  // The count and the insert are one statement, so requests at the same time cannot pass the limit.
  const inserted = await insertWhere(
    d1Of(ctx.db),
    webhookEndpoints,
    row,
    `(SELECT count(*) FROM "webhook_endpoints" WHERE "merchant_id" = ? AND "mode" = ?) < ?`,
    [ctx.merchant.id, ctx.mode, MAX_ENDPOINTS],
  ).run();
  if (inserted.meta.changes !== 1) {
    throw fieldError('url', 'too_many_endpoints', `A mode has at most ${MAX_ENDPOINTS} endpoints.`);
  }
  return row;
}

/** One endpoint of the key's mode; 404 for another merchant's or mode's. */
export async function getWebhookEndpoint(ctx: MerchantCtx, id: string): Promise<WebhookEndpointRow> {
  const [row] = await ctx.db.select().from(webhookEndpoints).where(ownEndpoints(ctx, id)).limit(1);
  if (!row) throw new ApiError('not_found', 'No such webhook endpoint.');
  return row;
}

/**
 * Turns an endpoint off (nothing more is sent, pending deliveries stop) or on again (also how an
 * endpoint that answered 410 Gone is re-enabled).
 */
export async function setWebhookEndpointStatus(
  ctx: MerchantCtx,
  id: string,
  status: WebhookEndpointRow['status'],
): Promise<WebhookEndpointRow> {
  const [row] = await ctx.db
    .update(webhookEndpoints)
    .set({ status, updatedAt: ctx.now })
    .where(ownEndpoints(ctx, id))
    .returning();
  if (!row) throw new ApiError('not_found', 'No such webhook endpoint.');
  return row;
}

/** Removes an endpoint; its past deliveries stay in the log, pending ones stop. */
export async function deleteWebhookEndpoint(ctx: MerchantCtx, id: string) {
  const [row] = await ctx.db
    .delete(webhookEndpoints)
    .where(ownEndpoints(ctx, id))
    .returning({ id: webhookEndpoints.id });
  if (!row) throw new ApiError('not_found', 'No such webhook endpoint.');
  return { id: row.id, object: 'webhook_endpoint' as const, deleted: true as const };
}
