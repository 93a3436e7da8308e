import { eq } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { type DeliveryRow, webhookAttempts, webhookDeliveries } from '../db/schema';
import { checkWebhookUrl } from '../domain/urls';
import { newId } from '../lib/ids';

/**
 * Checks a delivery's URL again at send time, with today's settings: a URL stored while loopback was
 * allowed (local development) or under rules since tightened is never called. A refused URL fails
 * the delivery at once, with the reason recorded as its attempt; null when the URL may be called.
 */
export async function refuseUnsafeUrl(
  db: DrizzleD1Database,
  delivery: DeliveryRow,
  opts: { allowLoopback: boolean; now: number },
): Promise<DeliveryRow | null> {
  const problem = checkWebhookUrl(delivery.url, { allowLoopback: opts.allowLoopback });
  if (!problem) return null;
  const refused: DeliveryRow = {
    ...delivery,
    status: 'failed',
    nextAttemptAt: null,
    attempts: delivery.attempts + 1,
    updatedAt: opts.now,
  };
  await db.batch([
    db.insert(webhookAttempts).values({
      id: newId('wha'),
      deliveryId: delivery.id,
      attemptedAt: opts.now,
      statusCode: null,
      latencyMs: 0,
      error: `url refused: ${problem.code}`,
    }),
    db
      .update(webhookDeliveries)
      .set({ status: 'failed', nextAttemptAt: null, attempts: refused.attempts, updatedAt: opts.now })
      .where(eq(webhookDeliveries.id, delivery.id)),
  ]);
  return refused;
}
