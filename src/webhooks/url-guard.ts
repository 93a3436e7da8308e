import type { DeliveryRow } from '../db/schema';
import { checkWebhookUrl } from '../domain/urls';
import { newId } from '../lib/ids';
import type { DeliveryWrite } from './record';

/**
 * Checks a delivery's URL again at send time, with today's settings: a URL stored while loopback was
 * allowed (local development) or under rules since tightened is never called. A refused URL fails
 * the delivery at once, with the reason recorded as its attempt (written with the rest of the batch);
 * null when the URL may be called.
 */
export function refuseUnsafeUrl(
  delivery: DeliveryRow,
  opts: { allowLoopback: boolean; now: number },
): DeliveryWrite | null {
  const problem = checkWebhookUrl(delivery.url, { allowLoopback: opts.allowLoopback });
  if (!problem) return null;
  return {
    delivery: {
      ...delivery,
      status: 'failed',
      nextAttemptAt: null,
      attempts: delivery.attempts + 1,
      updatedAt: opts.now,
    },
    attempt: {
      id: newId('wha'),
      deliveryId: delivery.id,
      attemptedAt: opts.now,
      statusCode: null,
      latencyMs: 0,
      error: `url refused: ${problem.code}`,
    },
  };
}
