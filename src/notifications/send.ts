import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { d1Of, updateById } from '../db/guarded-sql';
import { preparedOnce } from '../db/prepared';
import { customerNotifications, type NotificationRow } from '../db/schema';
import type { Locale } from '../domain/methods';
import type { Currency } from '../domain/money';
import { newId } from '../lib/ids';
import { concurrency } from '../lib/limit';
import { bankLinkUrl } from '../lib/refund-link';
import type { Ports } from '../platform/ports';
import { queueHopSeconds, retryClock, retryDelayMs } from '../webhooks/schedule';
import { emailSender, MAILBOX, type NotifyConfig, notifyConfig, smsSender } from './config';
import { customerOf, loadNotificationContexts, type NotificationContext } from './context';
import type { NotifyMessage } from './messages';
import { payableUntil, refOf } from './plan';
import type { SendOutcome } from './providers/types';
import { type NotificationKind, type RenderedMessage, renderNotification } from './render';

/** One consumer at a time holds a message while it talks to the provider (whose timeout is 15 s). */
const LEASE_MS = 60_000;

type Result = { status: NotificationRow['status']; dueAt?: number };

/**
 * The claim of the due messages among some ids (one JSON parameter): pending, or held by a consumer
 * whose lease lapsed. Prepared once per isolate (every customer message runs it).
 */
const claim = preparedOnce((db) =>
  db
    .update(customerNotifications)
    .set({
      status: 'sending',
      leaseUntil: sql`${sql.placeholder('leaseUntil')}`,
      updatedAt: sql`${sql.placeholder('now')}`,
    })
    .where(
      and(
        sql`${customerNotifications.id} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`,
        lt(customerNotifications.nextAttemptAt, sql.placeholder('dueBefore')),
        or(
          eq(customerNotifications.status, 'pending'),
          and(
            eq(customerNotifications.status, 'sending'),
            lt(customerNotifications.leaseUntil, sql.placeholder('now')),
          ),
        ),
      ),
    )
    .returning()
    .prepare(),
);

/** Where the messages a claim did not take stand: not yet due, or done, or held by another consumer. */
const standing = preparedOnce((db) =>
  db
    .select({
      id: customerNotifications.id,
      status: customerNotifications.status,
      nextAttemptAt: customerNotifications.nextAttemptAt,
    })
    .from(customerNotifications)
    .where(sql`${customerNotifications.id} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`)
    .prepare(),
);

/** Provider calls in flight per batch: a Worker invocation has six simultaneous outbound connections. */
const PARALLEL_SENDS = 6;

/**
 * Notifications consumer, a queue batch at a time: claims the due messages (a lease, so a duplicated
 * queue message never sends one twice), sends each through the environment's provider, records every
 * attempt, and acks each message or has it wait for its next attempt on the retry schedule. Four D1
 * round trips at most for the whole batch.
 */
export async function handleNotifyBatch(
  platform: Ports,
  messages: readonly Message<NotifyMessage>[],
  now = Date.now(),
): Promise<void> {
  const startedAt = Date.now();
  const results = await sendNotifications(
    platform,
    platform.db,
    messages.map((m) => m.body.id),
    now,
  );
  // After the whole batch: its slowest provider call may have waited out its timeout.
  const retryFrom = retryClock(now, startedAt);
  for (const message of messages) {
    const result = results.get(message.body.id);
    if (result?.status === 'pending' && result.dueAt !== undefined) {
      message.retry({ delaySeconds: queueHopSeconds(result.dueAt, retryFrom) });
    } else message.ack();
  }
}

/** One message (a batch of one). */
export async function sendNotification(
  platform: Ports,
  db: DrizzleD1Database,
  id: string,
  now: number,
): Promise<Result> {
  return (await sendNotifications(platform, db, [id], now)).get(id) ?? { status: 'skipped' };
}

/** Sends the due messages among `ids`; what became of each id comes back. */
export async function sendNotifications(
  platform: Ports,
  db: DrizzleD1Database,
  ids: readonly string[],
  now: number,
): Promise<Map<string, Result>> {
  const unique = JSON.stringify([...new Set(ids)]);
  const claimed = await claim(db).all({ ids: unique, now, leaseUntil: now + LEASE_MS, dueBefore: now + 1 });
  const results = new Map<string, Result>();
  if (claimed.length < new Set(ids).size) {
    const taken = new Set(claimed.map((c) => c.id));
    for (const row of await standing(db).all({ ids: unique })) {
      if (taken.has(row.id)) continue;
      // Sent, failed, skipped, or held by another consumer whose lease has not lapsed: nothing to do.
      results.set(
        row.id,
        row.status === 'pending' ? { status: 'pending', dueAt: row.nextAttemptAt } : { status: row.status },
      );
    }
  }
  if (claimed.length === 0) return results;
  const config = notifyConfig(platform);
  const contextOf = await loadNotificationContexts(db, claimed);
  const slot = concurrency(PARALLEL_SENDS);
  const finished = await Promise.all(
    claimed.map((row) =>
      slot(async () => {
        const ctx = contextOf(row);
        const reason = ctx ? staleReason(row, ctx) : 'session not found';
        if (!ctx || reason)
          return settle(row, { kind: 'skipped', reason: reason ?? 'session not found' }, now);
        // One message that throws (a render bug) must not leave the batch's sent messages unrecorded.
        let rendered: RenderedMessage;
        try {
          // The bank-account request links to the refund's own page (signed), not to the checkout.
          const pageUrl =
            row.kind === 'refund_requires_action'
              ? await bankLinkUrl(platform.secrets.signingKey, ctx.session.checkoutUrl, refOf(row.dedupeKey))
              : ctx.session.checkoutUrl;
          rendered = renderNotification({
            kind: row.kind as NotificationKind,
            locale: row.locale as Locale,
            merchantName: ctx.merchantName,
            customerName: customerOf(ctx).name ?? null,
            orderId: ctx.session.merchantOrderId,
            amount: row.amount,
            currency: row.currency as Currency,
            pageUrl,
            country: ctx.session.country,
            details: ctx.payment?.details ?? {},
            expiresAt: ctx.payment ? payableUntil(ctx.payment.details, ctx.session.expiresAt) : null,
          });
        } catch (err) {
          const error = `render failed: ${err instanceof Error ? err.message : 'unknown'}`;
          return settle(row, { ok: false, retryable: false, error, retryAfterMs: null }, now);
        }
        const outcome = await deliver(platform, config, row, rendered);
        return settle(row, outcome, now, { config, rendered });
      }),
    ),
  );
  // Each only while this consumer still holds it: the SQL text is written once per shape of `set`.
  const d1 = d1Of(db);
  await d1.batch(finished.map((f) => updateById(d1, customerNotifications, f.set, 'sending', [f.id])));
  for (const f of finished) results.set(f.id, f.result);
  return results;
}

/** A reminder is only worth sending while the payment is still waiting to be paid. */
function staleReason(row: NotificationRow, ctx: NotificationContext): string | null {
  if (row.kind !== 'payment_reminder') return null;
  if (ctx.payment?.status !== 'pending' || ctx.session.status !== 'pending')
    return 'payment no longer pending';
  return null;
}

type Delivery = SendOutcome | { kind: 'skipped'; reason: string } | { kind: 'mailbox' };

async function deliver(
  platform: Ports,
  config: NotifyConfig,
  row: NotificationRow,
  m: RenderedMessage,
): Promise<Delivery> {
  const provider = row.channel === 'email' ? config.emailProvider : config.smsProvider;
  if (provider === MAILBOX) return { kind: 'mailbox' };
  if (row.channel === 'email') {
    const sender = emailSender(platform, config);
    if (!sender) return { kind: 'skipped', reason: 'no e-mail provider configured' };
    return sender.send({
      from: config.emailFrom,
      to: row.recipient,
      subject: m.subject,
      text: m.text,
      html: m.html,
      idempotencyKey: row.id,
    });
  }
  const sender = smsSender(platform, config);
  if (!sender || !config.smsFrom) return { kind: 'skipped', reason: 'no SMS provider configured' };
  return sender.send({ from: config.smsFrom, to: row.recipient, body: m.sms, idempotencyKey: row.id });
}

/** What one attempt leaves on its row, and what becomes of its queue message. */
function settle(
  row: NotificationRow,
  outcome: Delivery,
  now: number,
  sent?: { config: NotifyConfig; rendered: RenderedMessage },
): { id: string; set: Partial<NotificationRow>; result: Result } {
  const at = Date.now();
  const provider = sent
    ? row.channel === 'email'
      ? sent.config.emailProvider
      : sent.config.smsProvider
    : null;
  const subject = row.channel === 'email' ? (sent?.rendered.subject ?? null) : null;
  let set: Partial<NotificationRow>;
  let result: Result;
  if ('kind' in outcome && outcome.kind === 'skipped') {
    set = { status: 'skipped', lastError: outcome.reason };
    result = { status: 'skipped' };
  } else if ('kind' in outcome && outcome.kind === 'mailbox') {
    const r = sent?.rendered;
    set = {
      status: 'sent',
      provider: MAILBOX,
      providerMessageId: newId('mbx'),
      attempts: row.attempts + 1,
      sentAt: at,
      subject,
      bodyText: row.channel === 'email' ? (r?.text ?? null) : (r?.sms ?? null),
      bodyHtml: row.channel === 'email' ? (r?.html ?? null) : null,
    };
    result = { status: 'sent' };
  } else if (outcome.ok) {
    set = {
      status: 'sent',
      provider,
      providerMessageId: outcome.messageId,
      attempts: row.attempts + 1,
      sentAt: at,
      subject,
      lastError: null,
    };
    result = { status: 'sent' };
  } else {
    const attempts = row.attempts + 1;
    const wait = outcome.retryable
      ? retryDelayMs(sent?.config.retrySchedule ?? [], attempts, Math.random)
      : null;
    const delay = wait === null ? null : Math.max(wait, outcome.retryAfterMs ?? 0);
    set = { provider, attempts, lastError: outcome.error, subject };
    if (delay === null) {
      set.status = 'failed';
      result = { status: 'failed' };
    } else {
      set.status = 'pending';
      set.nextAttemptAt = now + delay;
      result = { status: 'pending', dueAt: now + delay };
    }
  }
  return { id: row.id, set: { ...set, leaseUntil: null, updatedAt: at }, result };
}
