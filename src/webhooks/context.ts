import { and, type Column, eq, isNull, sql } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import {
  checkoutSessions,
  type DeliveryRow,
  disabledEndpoints,
  type EventRow,
  events,
  merchantModeSettings,
  type WebhookEndpointRow,
  webhookDeliveries,
  webhookEndpoints,
} from '../db/schema';
import { ownedBy } from '../db/tenant';
import type { WebhookDialect } from './payload';

/** Where one delivery of an event goes; `endpointId` names the webhook endpoint of an `endpoint` target. */
export type DeliveryTarget = { target: DeliveryRow['target']; url: string; endpointId: string | null };

/** Whether a delivery row is the one of this target (the same kind, and for an endpoint the same one). */
export function isTargetOf(d: Pick<DeliveryRow, 'target' | 'endpointId'>, t: DeliveryTarget): boolean {
  return d.target === t.target && (d.endpointId ?? null) === t.endpointId;
}

/**
 * The webhook endpoints an event goes to: its mode's enabled endpoints subscribed to its type that
 * existed when it happened (a redelivery or replay of an older event never reaches a newer endpoint).
 */
export function endpointTargets(
  event: Pick<EventRow, 'merchantId' | 'mode' | 'type' | 'createdAt'>,
  endpoints: readonly WebhookEndpointRow[],
): DeliveryTarget[] {
  return endpoints
    .filter(
      (e) =>
        e.merchantId === event.merchantId &&
        e.mode === event.mode &&
        e.status === 'enabled' &&
        e.createdAt <= event.createdAt &&
        (e.enabledEvents === null || e.enabledEvents.includes(event.type)),
    )
    .map((e) => ({ target: 'endpoint' as const, url: e.url, endpointId: e.id }));
}

/** `column IN (the ids)`, the ids bound as one JSON parameter (D1 binds at most 100 per statement). */
export function inJson(column: Column, ids: string[]) {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/**
 * Everything needed to deliver a batch of events, read in one D1 round trip (a batch of four
 * reads, whatever the number of events): each event with its merchant's URL and sealed secrets and
 * its session's URLs and dialect, their delivery rows, the merchants' disabled URLs and their
 * webhook endpoints. The same batch marks the events enqueued: a SessionDO only sends its events to
 * the queue, and the cron re-sends one that no consumer has read after a grace period.
 */
export async function loadDeliveryContexts(db: DrizzleD1Database, eventIds: string[], now: number) {
  const merchantsOfEvents = sql`(SELECT merchant_id FROM events WHERE ${inJson(events.id, eventIds)})`;
  const [, found, deliveries, disabled, endpoints] = await db.batch([
    db
      .update(events)
      .set({ enqueuedAt: now })
      .where(and(inJson(events.id, eventIds), isNull(events.enqueuedAt))),
    db
      .select({
        event: events,
        // Aliased: inside db.batch D1 returns rows keyed by column name, so two `notification_url`
        // columns from different tables would overwrite each other.
        sessionNotificationUrl: sql<string | null>`${checkoutSessions.notificationUrl}`.as(
          's_notification_url',
        ),
        paymentFailureUrl: sql<string | null>`${checkoutSessions.paymentFailureUrl}`.as(
          's_payment_failure_url',
        ),
        dialect: sql<WebhookDialect | null>`${checkoutSessions.dialect}`.as('s_dialect'),
        // The settings of the event's own mode: a live event is signed with the live secret and sent
        // to the live URL, whatever a test key changed.
        merchantNotificationUrl: sql<string | null>`${merchantModeSettings.notificationUrl}`.as(
          'm_notification_url',
        ),
        secretSealed: sql<string>`${merchantModeSettings.webhookSecretSealed}`.as('m_secret'),
        previousSecretSealed: sql<string | null>`${merchantModeSettings.webhookSecretPreviousSealed}`.as(
          'm_previous_secret',
        ),
        previousSecretUntil: sql<number | null>`${merchantModeSettings.webhookSecretPreviousUntil}`.as(
          'm_previous_until',
        ),
      })
      .from(events)
      .innerJoin(merchantModeSettings, and(ownedBy(merchantModeSettings, events.merchantId, events.mode)))
      .leftJoin(checkoutSessions, eq(checkoutSessions.id, events.sessionId))
      .where(inJson(events.id, eventIds)),
    db.select().from(webhookDeliveries).where(inJson(webhookDeliveries.eventId, eventIds)),
    db
      .select({
        merchantId: disabledEndpoints.merchantId,
        mode: disabledEndpoints.mode,
        url: disabledEndpoints.url,
      })
      .from(disabledEndpoints)
      .where(sql`${disabledEndpoints.merchantId} IN ${merchantsOfEvents}`),
    db.select().from(webhookEndpoints).where(sql`${webhookEndpoints.merchantId} IN ${merchantsOfEvents}`),
  ]);
  const contexts = new Map<string, DeliveryContext>();
  for (const row of found) {
    const targets: DeliveryTarget[] = [];
    const notify = row.sessionNotificationUrl ?? row.merchantNotificationUrl;
    if (notify) targets.push({ target: 'notification', url: notify, endpointId: null });
    if (row.event.type === 'payment.failed' && row.paymentFailureUrl) {
      targets.push({ target: 'payment_failure', url: row.paymentFailureUrl, endpointId: null });
    }
    targets.push(...endpointTargets(row.event, endpoints));
    contexts.set(row.event.id, {
      ...row,
      targets,
      deliveries: deliveries.filter((d) => d.eventId === row.event.id),
      disabledUrls: new Set(
        disabled
          .filter((d) => d.merchantId === row.event.merchantId && d.mode === row.event.mode)
          .map((d) => d.url),
      ),
      endpoints: new Map(
        endpoints
          .filter((e) => e.merchantId === row.event.merchantId && e.mode === row.event.mode)
          .map((e) => [e.id, e]),
      ),
    });
  }
  return contexts;
}

export type DeliveryContext = {
  event: typeof events.$inferSelect;
  sessionNotificationUrl: string | null;
  paymentFailureUrl: string | null;
  dialect: WebhookDialect | null;
  merchantNotificationUrl: string | null;
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretUntil: number | null;
  targets: DeliveryTarget[];
  deliveries: DeliveryRow[];
  disabledUrls: Set<string>;
  /** The mode's webhook endpoints by id, enabled or not: a delivery to one disabled or removed stops. */
  endpoints: Map<string, WebhookEndpointRow>;
};
