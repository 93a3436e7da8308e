import { and, asc, desc, eq } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { checkoutSessions, customerNotifications, type NotificationRow } from '../../db/schema';
import { ownedBy } from '../../db/tenant';
import { ApiError } from '../../domain/errors';
import { isoUtc } from '../../lib/time';
import type { MerchantCtx } from '../context';

/** The public shape of a customer notification: what was sent, to whom, how often it was tried. */
export function notificationView(n: NotificationRow) {
  return {
    id: n.id,
    object: 'customer_notification' as const,
    checkout_session_id: n.sessionId,
    payment_id: n.paymentId,
    event_id: n.eventId,
    kind: n.kind,
    channel: n.channel,
    recipient: n.recipient,
    locale: n.locale,
    amount: n.amount,
    currency: n.currency,
    status: n.status,
    provider: n.provider,
    provider_message_id: n.providerMessageId,
    attempts: n.attempts,
    last_error: n.lastError,
    subject: n.subject,
    next_attempt_at: n.status === 'pending' ? isoUtc(n.nextAttemptAt) : null,
    sent_at: n.sentAt === null ? null : isoUtc(n.sentAt),
    created_at: isoUtc(n.createdAt),
  };
}

/** A session's notifications, oldest first; another merchant's or mode's session is 404. */
export async function listSessionNotifications({
  ctx,
  input,
}: {
  ctx: MerchantCtx;
  input: { token: string };
}) {
  const [owned, rows] = await ctx.db.batch([
    ctx.db
      .select({ id: checkoutSessions.id })
      .from(checkoutSessions)
      .where(and(eq(checkoutSessions.id, input.token), ownedBy(checkoutSessions, ctx.merchant.id, ctx.mode)))
      .limit(1),
    ctx.db
      .select()
      .from(customerNotifications)
      .where(
        and(
          eq(customerNotifications.sessionId, input.token),
          ownedBy(customerNotifications, ctx.merchant.id, ctx.mode),
        ),
      )
      .orderBy(asc(customerNotifications.createdAt), asc(customerNotifications.id)),
  ]);
  if (!owned[0]) throw new ApiError('not_found', 'No such checkout session.');
  return { object: 'list' as const, data: rows.map(notificationView), has_more: false };
}

/** The dev mailbox: the newest messages kept locally, optionally only those to one recipient. */
export async function mailboxMessages(db: DrizzleD1Database, to: string | undefined, limit = 50) {
  const where = [eq(customerNotifications.provider, 'mailbox')];
  if (to) where.push(eq(customerNotifications.recipient, to));
  return db
    .select()
    .from(customerNotifications)
    .where(and(...where))
    .orderBy(desc(customerNotifications.sentAt), desc(customerNotifications.id))
    .limit(limit);
}

/** One message of the dev mailbox, by id (only a message the mailbox provider kept). */
export async function mailboxMessage(
  db: DrizzleD1Database,
  id: string,
): Promise<NotificationRow | undefined> {
  const [row] = await db
    .select()
    .from(customerNotifications)
    .where(and(eq(customerNotifications.id, id), eq(customerNotifications.provider, 'mailbox')))
    .limit(1);
  return row;
}
