import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { d1Of, updateById } from '../db/guarded-sql';
import { preparedOnce } from '../db/prepared';
import { customerNotifications, type NotificationRow } from '../db/schema';
import type { Locale } from '../domain/methods';
import type { Currency } from '../domain/money';
import { newId } from '../lib/ids';
import type { Ports } from '../platform/ports';
import { queueHopSeconds, retryDelayMs } from '../webhooks/schedule';
import { emailSender, MAILBOX, type NotifyConfig, notifyConfig, smsSender } from './config';
import { customerOf, loadNotificationContext, type NotificationContext } from './context';
import type { NotifyMessage } from './messages';
import { payableUntil } from './plan';
import type { SendOutcome } from './providers/types';
import { type NotificationKind, type RenderedMessage, renderNotification } from './render';

/** One consumer at a time holds a message while it talks to the provider (whose timeout is 15 s). */
const LEASE_MS = 60_000;

type Result = { status: NotificationRow['status']; dueAt?: number };

/**
 * The claim of a message that is due: pending, or held by a consumer whose lease lapsed. Prepared
 * once per isolate (every customer message runs it).
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
        eq(customerNotifications.id, sql.placeholder('id')),
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

/**
 * Notifications consumer: claims the message (a lease, so a duplicated queue message never sends it
 * twice), sends it through the environment's provider, records the attempt, and acks or waits for the
 * next attempt on the retry schedule.
 */
export async function handleNotifyMessage(
  platform: Ports,
  message: Message<NotifyMessage>,
  now = Date.now(),
): Promise<void> {
  const { db } = platform;
  const result = await sendNotification(platform, db, message.body.id, now);
  if (result.status === 'pending' && result.dueAt !== undefined) {
    message.retry({ delaySeconds: queueHopSeconds(result.dueAt, now) });
    return;
  }
  message.ack();
}

export async function sendNotification(
  platform: Ports,
  db: DrizzleD1Database,
  id: string,
  now: number,
): Promise<Result> {
  const [claimed] = await claim(db).all({ id, now, leaseUntil: now + LEASE_MS, dueBefore: now + 1 });
  if (!claimed) {
    const [row] = await db
      .select()
      .from(customerNotifications)
      .where(eq(customerNotifications.id, id))
      .limit(1);
    if (row?.status === 'pending') return { status: 'pending', dueAt: row.nextAttemptAt };
    // Sent, failed, skipped, or held by another consumer whose lease has not lapsed: nothing to do.
    return { status: row?.status ?? 'skipped' };
  }
  const config = notifyConfig(platform);
  const ctx = await loadNotificationContext(db, claimed.sessionId, claimed.paymentId);
  const reason = ctx ? staleReason(claimed, ctx) : 'session not found';
  if (!ctx || reason)
    return finish(db, claimed, { kind: 'skipped', reason: reason ?? 'session not found' }, now);
  const rendered = renderNotification({
    kind: claimed.kind as NotificationKind,
    locale: claimed.locale as Locale,
    merchantName: ctx.merchantName,
    customerName: customerOf(ctx).name ?? null,
    orderId: ctx.session.merchantOrderId,
    amount: claimed.amount,
    currency: claimed.currency as Currency,
    pageUrl: ctx.session.checkoutUrl,
    country: ctx.session.country,
    details: ctx.payment?.details ?? {},
    expiresAt: ctx.payment ? payableUntil(ctx.payment.details, ctx.session.expiresAt) : null,
  });
  const outcome = await deliver(platform, config, claimed, rendered);
  return finish(db, claimed, outcome, now, { config, rendered });
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

async function finish(
  db: DrizzleD1Database,
  row: NotificationRow,
  outcome: Delivery,
  now: number,
  sent?: { config: NotifyConfig; rendered: RenderedMessage },
): Promise<Result> {
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
  // Only while this consumer still holds it: the SQL text is written once per shape of `set`.
  await updateById(d1Of(db), customerNotifications, { ...set, leaseUntil: null, updatedAt: at }, 'sending', [
    row.id,
  ]).run();
  return result;
}
