import { and, eq, sql } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import {
  checkoutSessions,
  type DeliveryRow,
  disabledEndpoints,
  events,
  merchantModeSettings,
  webhookDeliveries,
} from '../db/schema';
import type { WebhookDialect } from './payload';

export type DeliveryTarget = { target: DeliveryRow['target']; url: string };

/** Everything needed to deliver one event, read in one D1 round trip. */
export async function loadDeliveryContext(db: DrizzleD1Database, eventId: string) {
  const merchantOfEvent = sql`(SELECT merchant_id FROM events WHERE id = ${eventId})`;
  const modeOfEvent = sql`(SELECT mode FROM events WHERE id = ${eventId})`;
  const [found, deliveries, disabled] = await db.batch([
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
      .innerJoin(
        merchantModeSettings,
        and(
          eq(merchantModeSettings.merchantId, events.merchantId),
          eq(merchantModeSettings.mode, events.mode),
        ),
      )
      .leftJoin(checkoutSessions, eq(checkoutSessions.id, events.sessionId))
      .where(eq(events.id, eventId))
      .limit(1),
    db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, eventId)),
    db
      .select({ url: disabledEndpoints.url })
      .from(disabledEndpoints)
      .where(and(eq(disabledEndpoints.merchantId, merchantOfEvent), eq(disabledEndpoints.mode, modeOfEvent))),
  ]);
  const row = found[0];
  if (!row) return null;
  const targets: DeliveryTarget[] = [];
  const notify = row.sessionNotificationUrl ?? row.merchantNotificationUrl;
  if (notify) targets.push({ target: 'notification', url: notify });
  if (row.event.type === 'payment.failed' && row.paymentFailureUrl) {
    targets.push({ target: 'payment_failure', url: row.paymentFailureUrl });
  }
  return { ...row, targets, deliveries, disabledUrls: new Set(disabled.map((d) => d.url)) };
}

export type DeliveryContext = NonNullable<Awaited<ReturnType<typeof loadDeliveryContext>>>;
