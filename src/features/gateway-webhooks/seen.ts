import { and, eq } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { gatewayEvents } from '../../db/schema';
import { ownedByMerchant } from '../../db/tenant';

/** A gateway's event, named as the gateway names it. Event ids are the gateway's, per merchant, across modes. */
export type GatewayEventKey = { gateway: string; merchantId: string; eventId: string };

/** Whether this event was applied before (a gateway retry or replay). */
export async function alreadyApplied(db: DrizzleD1Database, key: GatewayEventKey): Promise<boolean> {
  const [seen] = await db
    .select({ id: gatewayEvents.eventId })
    .from(gatewayEvents)
    .where(
      and(
        eq(gatewayEvents.gateway, key.gateway),
        ownedByMerchant(gatewayEvents, key.merchantId),
        eq(gatewayEvents.eventId, key.eventId),
      ),
    )
    .limit(1);
  return seen !== undefined;
}

/** Remembers the event once it was applied, so a retry after a failure is still applied. */
export async function rememberApplied(
  db: DrizzleD1Database,
  key: GatewayEventKey,
  now: number,
): Promise<void> {
  await db
    .insert(gatewayEvents)
    .values({ ...key, receivedAt: now })
    .onConflictDoNothing();
}
