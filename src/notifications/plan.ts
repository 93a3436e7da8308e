import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { d1Of, insertOnce } from '../db/guarded-sql';
import {
  customerNotifications,
  type EventRow,
  type NotificationRow,
  type PaymentDetails,
} from '../db/schema';
import { newId } from '../lib/ids';
import type { Ports } from '../platform/ports';
import { queueHopSeconds } from '../webhooks/schedule';
import { customerOf, loadNotificationContexts, localeOf, type NotificationContext } from './context';
import type { NotifyMessage } from './messages';
import type { NotificationKind } from './render';

/** Refund events (emitted by the refunds feature) by name, and the notice each one sends. */
const REFUND_KINDS: Record<string, NotificationKind> = {
  'refund.created': 'refund_pending',
  'refund.pending': 'refund_pending',
  'refund.succeeded': 'refund_succeeded',
  'refund.failed': 'refund_failed',
  'refund.requires_action': 'refund_requires_action',
};

/**
 * A refund event whose refund waits for the customer's bank account on Borda's own page: the
 * refunds feature says so with `refund.created` (or `refund.updated`) in status `requires_action`,
 * never with an event of its own, so the status decides. A form hosted by the gateway (Asaas) is not
 * Borda's to announce.
 */
function needsBankAccount(data: Record<string, unknown>): boolean {
  const action = data.next_action as { type?: unknown; url?: unknown } | null | undefined;
  if (data.status !== 'requires_action' || action?.type !== 'collect_bank_account') return false;
  return (
    typeof action.url === 'string' && /^https?:\/\/[^/]+\/refunds\/[^/]+\/bank-account\//.test(action.url)
  );
}

/** The refund (or payment) a message is about, from its dedupe key (see planNotifications). */
export function refOf(dedupeKey: string): string {
  return dedupeKey.split(':')[2] ?? '';
}

/** Outbox event types that may tell a customer something. */
export function isNotifiable(type: string): boolean {
  return (
    type === 'payment.pending' ||
    type === 'payment.success' ||
    type === 'refund.updated' ||
    Object.hasOwn(REFUND_KINDS, type)
  );
}

type Channel = NotificationRow['channel'];

/** The messages of these dedupe keys (one JSON parameter) with what decides whether to queue them. */
const STILL_WAITING = `SELECT id, next_attempt_at, status, attempts FROM customer_notifications
WHERE dedupe_key IN (SELECT value FROM json_each(?1))`;
type WaitingRow = { id: string; next_attempt_at: number; status: string; attempts: number };
type Planned = { kind: NotificationKind; ref: string; dueAt: number; amount: number; currency: string };

/** The channels a session's customer is told on: its own choice, else the merchant's default, else e-mail. */
export function channelsFor(choice: string | null, merchantDefault: string | null): Channel[] {
  const c = choice ?? merchantDefault ?? 'email';
  if (c === 'both') return ['email', 'sms'];
  if (c === 'email' || c === 'sms') return [c];
  return [];
}

/** Does the payment carry something the customer pays with later (a code, line, account or reference)? */
export function hasInstructions(d: PaymentDetails): boolean {
  return Boolean(d.pix || d.boleto || d.bank_transfer || d.spei || d.voucher?.kind === 'voucher');
}

/**
 * The instant an issued payment stops being payable as issued: a boleto's due date (end of that day in
 * Brasília, -03:00), a PIX code's or voucher's expiry, else the session's.
 */
export function payableUntil(d: PaymentDetails, sessionExpiresAt: number): number {
  if (d.boleto) return Date.parse(`${d.boleto.due_date}T23:59:59-03:00`);
  if (d.pix) return d.pix.expires_at;
  if (d.voucher) return d.voucher.expires_at;
  return sessionExpiresAt;
}

/** Which messages one event asks for. Pure. */
export function plannedMessages(
  event: Pick<EventRow, 'id' | 'type' | 'data'>,
  ctx: NotificationContext,
  opts: { now: number; reminderBeforeMs: number },
): Planned[] {
  const p = ctx.payment;
  if (event.type === 'payment.pending' && p && p.status === 'pending' && hasInstructions(p.details)) {
    const money = { amount: p.amount, currency: p.currency };
    const out: Planned[] = [{ kind: 'payment_instructions', ref: p.id, dueAt: opts.now, ...money }];
    const remindAt = payableUntil(p.details, ctx.session.expiresAt) - opts.reminderBeforeMs;
    // A reminder only makes sense well after the instructions: not for a 30-minute PIX code.
    if (opts.reminderBeforeMs > 0 && remindAt > opts.now + opts.reminderBeforeMs / 2) {
      out.push({ kind: 'payment_reminder', ref: p.id, dueAt: remindAt, ...money });
    }
    return out;
  }
  if (event.type === 'payment.success' && p) {
    return [{ kind: 'payment_receipt', ref: p.id, dueAt: opts.now, amount: p.amount, currency: p.currency }];
  }
  const refundKind =
    event.type.startsWith('refund.') && needsBankAccount(event.data)
      ? 'refund_requires_action'
      : REFUND_KINDS[event.type];
  if (refundKind) {
    const ref = event.data.refund_id ?? event.data.id ?? event.id;
    // The refund's own amount when the event says it (a partial refund), else what was charged.
    const amount =
      typeof event.data.amount === 'number' ? event.data.amount : (p?.amount ?? ctx.session.amount);
    const currency =
      typeof event.data.currency === 'string' ? event.data.currency : (p?.currency ?? ctx.session.currency);
    return [
      { kind: refundKind, ref: String(ref), dueAt: opts.now, amount, currency: currency.toUpperCase() },
    ];
  }
  return [];
}

/** Queue messages per sendBatch (Queues takes at most 100). */
const SEND_BATCH = 100;

/**
 * Turns outbox events (a queue batch's worth) into customer messages and hands them to the
 * notifications queue, in two D1 round trips and one send for the whole batch. Safe to run any number
 * of times for one event: the dedupe key (session, kind, payment or refund, channel) makes the rows
 * once, and a message that is queued twice is sent once (see send.ts).
 */
export async function planNotifications(
  platform: Ports,
  db: DrizzleD1Database,
  events: readonly EventRow[],
  opts: { now: number; reminderBeforeMs: number },
): Promise<void> {
  const notifiable = events.filter(
    (e): e is EventRow & { sessionId: string } => Boolean(e.sessionId) && isNotifiable(e.type),
  );
  if (notifiable.length === 0) return;
  const contextOf = await loadNotificationContexts(
    db,
    notifiable.map((e) => ({ sessionId: e.sessionId, paymentId: e.paymentId })),
  );
  const rows: NotificationRow[] = [];
  for (const event of notifiable) {
    const ctx = contextOf({ sessionId: event.sessionId, paymentId: event.paymentId });
    if (ctx) rows.push(...messageRows(event, ctx, opts));
  }
  if (rows.length === 0) return;
  // One row per statement: a row binds 28 parameters and D1 allows about 100 per statement. Whether
  // inserted now or by an earlier run that crashed before its send, what is still waiting goes to the
  // queue (a duplicate message is harmless): read in the same batch, after the inserts. Both statements'
  // SQL text is fixed (src/db/guarded-sql.ts), not built per event.
  const d1 = d1Of(db);
  const results = await d1.batch<WaitingRow>([
    ...rows.map((r) => insertOnce(d1, customerNotifications, r)),
    d1.prepare(STILL_WAITING).bind(JSON.stringify(rows.map((r) => r.dedupeKey))),
  ]);
  const toSend = (results[results.length - 1]?.results ?? []).filter(
    (w) => w.status === 'pending' && w.attempts === 0,
  );
  const sends: Promise<unknown>[] = [];
  for (let i = 0; i < toSend.length; i += SEND_BATCH) {
    sends.push(
      platform.queues.notifications.sendBatch(
        toSend.slice(i, i + SEND_BATCH).map((w) => ({
          body: { kind: 'notify', id: w.id } satisfies NotifyMessage,
          delaySeconds: queueHopSeconds(w.next_attempt_at, opts.now),
        })),
      ),
    );
  }
  await Promise.all(sends);
}

/** The rows one event makes: each planned message on each channel the customer can be reached on. */
function messageRows(
  event: EventRow,
  ctx: NotificationContext,
  opts: { now: number; reminderBeforeMs: number },
): NotificationRow[] {
  const planned = plannedMessages(event, ctx, opts);
  const customer = customerOf(ctx);
  const recipients: Partial<Record<Channel, string>> = { email: customer.email, sms: customer.phone };
  const rows: NotificationRow[] = [];
  for (const channel of channelsFor(ctx.session.notifyCustomer, ctx.merchantDefault)) {
    const to = recipients[channel];
    if (!to) continue; // nothing the customer did not give
    for (const m of planned) {
      rows.push({
        id: newId('ntf'),
        merchantId: ctx.session.merchantId,
        mode: ctx.session.mode,
        sessionId: ctx.session.id,
        paymentId: ctx.payment?.id ?? null,
        eventId: event.id,
        kind: m.kind,
        channel,
        dedupeKey: `${ctx.session.id}:${m.kind}:${m.ref}:${channel}`,
        recipient: to,
        locale: localeOf(ctx.session),
        amount: m.amount,
        currency: m.currency,
        status: 'pending',
        provider: null,
        providerMessageId: null,
        attempts: 0,
        nextAttemptAt: m.dueAt,
        leaseUntil: null,
        lastError: null,
        subject: null,
        bodyText: null,
        bodyHtml: null,
        createdAt: opts.now,
        updatedAt: opts.now,
        sentAt: null,
      });
    }
  }
  return rows;
}
