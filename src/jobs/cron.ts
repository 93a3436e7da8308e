import { purgeIdempotencyKeys } from '../features/idempotency/store';
import { reenqueueNotifications } from '../notifications/sweep';
import type { Platform } from '../platform/platform';
import type { ExpireMessage } from '../webhooks/messages';
import { publishEvents } from '../webhooks/publish';
import { archiveOldEvents } from './archive';
import { expireSessionsInD1 } from './expire-set';
import { sweepExpiredSessions } from './expire-sweep';
import { purgePanelState, reenqueueOutbox } from './maintenance';
import { reconcilePendingPayments } from './reconcile';
import { pollPendingRefunds } from './refund-poll';
import { voidIssuedPayments } from './void-issued';

/**
 * The every-minute cron: expiry sweep, outbox reconcile, idempotency purge, archiving of old events,
 * gateway reconciliation of payments left pending, voiding of what finished sessions issued, refund
 * status, lost customer messages. Each part runs even if another fails.
 */
export async function runCron(platform: Platform, now: number): Promise<void> {
  const { db, queues } = platform;
  const results = await Promise.allSettled([
    sweepExpiredSessions(db, queues.jobs, now),
    reenqueueOutbox(db, queues.webhooks, now),
    purgeIdempotencyKeys(db, now),
    archiveOldEvents(platform.d1, platform.archive, now, platform.config.eventRetentionDays),
    purgePanelState(db, now),
    reconcilePendingPayments(platform, db, now),
    voidIssuedPayments(platform, db, now),
    pollPendingRefunds(platform, db, now),
    reenqueueNotifications(db, queues.notifications, now),
  ]);
  for (const r of results) {
    if (r.status === 'rejected')
      console.error(`cron step failed: ${r.reason instanceof Error ? r.reason.message : 'unknown'}`);
  }
}

/** Parallel Durable Object calls per jobs message. */
const EXPIRE_CONCURRENCY = 10;

/**
 * Jobs consumer. `inD1`: expires the due sessions set-based in D1 and enqueues their events (a send
 * that fails is repaired by the cron's outbox reconcile). Otherwise asks each session's object to
 * expire it if it is due (a refusal means it no longer is).
 */
export async function handleExpireMessage(
  platform: Platform,
  message: Message<ExpireMessage>,
): Promise<void> {
  if (message.body.inD1) {
    const now = Date.now();
    const eventIds = await expireSessionsInD1(platform.d1, message.body.sessionIds, now);
    message.ack();
    await publishEvents(platform.queues.webhooks, platform.db, eventIds, now).catch((err) =>
      console.error(
        `enqueue of ${eventIds.length} expiry events failed: ${err instanceof Error ? err.message : 'unknown'}`,
      ),
    );
    return;
  }
  const ids = [...message.body.sessionIds];
  const workers = Array.from({ length: EXPIRE_CONCURRENCY }, async () => {
    for (let id = ids.shift(); id !== undefined; id = ids.shift()) {
      await platform.session(id).transition({ sessionId: id, to: 'expired', onlyIfDue: true });
    }
  });
  await Promise.all(workers);
  message.ack();
}
