import { and, asc, desc, eq, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import {
  checkoutSessions,
  customerNotifications,
  events,
  paymentAttempts,
  payments,
  webhookAttempts,
  webhookDeliveries,
} from '../../db/schema';
import { ownedBy } from '../../db/tenant';
import { decimalTextToMinor } from '../../domain/decimal';
import { CURRENCY_CODES } from '../../domain/money';
import { isEndToEndId } from '../../domain/pix-end-to-end';
import type { MerchantCtx } from '../context';
import { getSessionWithPayments } from '../sessions/service';
import { keyset, type PageRequest, pageOf } from './keyset';

export type SessionSearch = {
  q?: string;
  status?: (typeof checkoutSessions.$inferSelect)['status'];
  method?: string;
  gateway?: string;
  /** Bounds on the session amount as typed in decimals (150.00), applied in each session's own currency. */
  amountMin?: string;
  amountMax?: string;
  from?: number;
  to?: number;
  limit?: number;
};

/**
 * The conditions that pick sessions of this merchant and mode, narrowed by status, by a payment method
 * tried, by creation time, and by a search text matched exactly against the session id, a payment id,
 * the merchant_order_id, the customer's e-mail or document (digits only; on the session or on a
 * payment), a boleto's linha digitável, a PIX end-to-end id; and by a gateway tried.
 */
function sessionFilter(ctx: MerchantCtx, input: SessionSearch): SQL[] {
  const where: SQL[] = [ownedBy(checkoutSessions, ctx.merchant.id, ctx.mode)];
  if (input.status) where.push(eq(checkoutSessions.status, input.status));
  if (input.from !== undefined) where.push(gte(checkoutSessions.createdAt, input.from));
  if (input.to !== undefined) where.push(lt(checkoutSessions.createdAt, input.to));
  const ownPayments = ownedBy(payments, ctx.merchant.id, ctx.mode);
  if (input.method) {
    where.push(
      inArray(
        checkoutSessions.id,
        ctx.db
          .select({ id: payments.sessionId })
          .from(payments)
          .where(and(ownPayments, eq(payments.method, input.method))),
      ),
    );
  }
  if (input.gateway) {
    const gateway = input.gateway;
    where.push(
      inArray(
        checkoutSessions.id,
        ctx.db
          .select({ id: payments.sessionId })
          .from(payments)
          .where(and(ownPayments, eq(payments.gateway, gateway))),
      ),
    );
  }
  const bound = (text: string | undefined, cmp: typeof gte) => {
    if (!text?.trim()) return;
    // Exact conversion per currency (no float): 150.00 is 15000 in BRL, 150 in CLP.
    const perCurrency = CURRENCY_CODES.flatMap((cur) => {
      const r = decimalTextToMinor(text.trim(), cur);
      return 'minor' in r
        ? [and(eq(checkoutSessions.currency, cur), cmp(checkoutSessions.amount, r.minor))]
        : [];
    });
    where.push(perCurrency.length > 0 ? (or(...perCurrency) as SQL) : sql`0`);
  };
  bound(input.amountMin, gte);
  bound(input.amountMax, lte);
  const q = input.q?.trim();
  if (q) {
    const lowered = q.toLowerCase();
    const digits = q.replace(/\D/g, '');
    const onPayment = or(
      eq(payments.id, q),
      sql`lower(json_extract(${payments.customer}, '$.email')) = ${lowered}`,
      digits.length >= 11 ? sql`json_extract(${payments.customer}, '$.document') = ${digits}` : undefined,
      // A boleto's linha digitável (47 digits, typed with or without its dots and spaces).
      digits.length === 47
        ? sql`replace(replace(json_extract(${payments.details}, '$.boleto.line'), '.', ''), ' ', '') = ${digits}`
        : undefined,
      // A PIX end-to-end id (E + the payer's ISPB + date + sequence, 32 characters), as the bank shows it.
      isEndToEndId(q) ? sql`json_extract(${payments.details}, '$.pix.end_to_end_id') = ${q}` : undefined,
    );
    where.push(
      or(
        eq(checkoutSessions.id, q),
        eq(checkoutSessions.merchantOrderId, q),
        sql`lower(json_extract(${checkoutSessions.customer}, '$.email')) = ${lowered}`,
        digits.length >= 11
          ? sql`json_extract(${checkoutSessions.customer}, '$.document') = ${digits}`
          : undefined,
        inArray(
          checkoutSessions.id,
          ctx.db.select({ id: payments.sessionId }).from(payments).where(and(ownPayments, onPayment)),
        ),
      ) as SQL,
    );
  }
  return where;
}

/** The matching sessions, newest first (the CSV export takes up to 5,000 at once). */
export async function searchSessions(ctx: MerchantCtx, input: SessionSearch) {
  return ctx.db
    .select()
    .from(checkoutSessions)
    .where(and(...sessionFilter(ctx, input)))
    .orderBy(desc(checkoutSessions.createdAt), desc(checkoutSessions.id))
    .limit(Math.min(input.limit ?? 50, 5000));
}

export const SESSIONS_PAGE = 50;

/** One page of the matching sessions, newest first, found by keyset from the page before or after it. */
export async function searchSessionsPage(ctx: MerchantCtx, input: SessionSearch, page: PageRequest) {
  const plan = keyset(checkoutSessions, page);
  const rows = await ctx.db
    .select()
    .from(checkoutSessions)
    .where(and(...sessionFilter(ctx, input), plan.where))
    .orderBy(...plan.order)
    .limit(SESSIONS_PAGE + 1);
  return pageOf(rows, plan, SESSIONS_PAGE, (r) => ({ at: r.createdAt, id: r.id }));
}

/**
 * Everything that happened to one session: its payments, each gateway call (latency, outcome), its
 * events and every delivery attempt of them. 404 (from getSessionWithPayments) outside the merchant and mode.
 */
export async function sessionTimeline(ctx: MerchantCtx, token: string) {
  const { session, payments: paid } = await getSessionWithPayments({ ctx, input: { token } });
  const [calls, evs, deliveries, tries, messages] = await ctx.db.batch([
    ctx.db
      .select()
      .from(paymentAttempts)
      .where(
        and(
          eq(paymentAttempts.sessionId, session.id),
          inArray(
            paymentAttempts.paymentId,
            paid.map((p) => p.id),
          ),
        ),
      )
      .orderBy(asc(paymentAttempts.startedAt)),
    ctx.db
      .select()
      .from(events)
      .where(and(eq(events.sessionId, session.id), ownedBy(events, ctx.merchant.id, ctx.mode)))
      .orderBy(asc(events.createdAt)),
    // Only the event's type beside the delivery: a batch returns rows keyed by column name, so two
    // tables' `id` or `created_at` in one row would overwrite each other.
    ctx.db
      .select({ delivery: webhookDeliveries, eventType: events.type })
      .from(webhookDeliveries)
      .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
      .where(and(eq(events.sessionId, session.id), ownedBy(events, ctx.merchant.id, ctx.mode))),
    ctx.db
      .select({ attempt: webhookAttempts })
      .from(webhookAttempts)
      .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookAttempts.deliveryId))
      .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
      .where(and(eq(events.sessionId, session.id), ownedBy(events, ctx.merchant.id, ctx.mode)))
      .orderBy(asc(webhookAttempts.attemptedAt)),
    // The e-mails and SMS sent to the customer about this session; never their bodies.
    ctx.db
      .select({
        id: customerNotifications.id,
        kind: customerNotifications.kind,
        channel: customerNotifications.channel,
        recipient: customerNotifications.recipient,
        status: customerNotifications.status,
        provider: customerNotifications.provider,
        attempts: customerNotifications.attempts,
        lastError: customerNotifications.lastError,
        createdAt: customerNotifications.createdAt,
        sentAt: customerNotifications.sentAt,
      })
      .from(customerNotifications)
      .where(
        and(
          eq(customerNotifications.sessionId, session.id),
          ownedBy(customerNotifications, ctx.merchant.id, ctx.mode),
        ),
      )
      .orderBy(asc(customerNotifications.createdAt), asc(customerNotifications.id)),
  ]);
  return {
    session,
    payments: paid,
    gatewayCalls: calls,
    events: evs,
    notifications: messages,
    deliveries: deliveries.map((d) => ({
      ...d.delivery,
      eventType: d.eventType,
      attempts: tries.filter((t) => t.attempt.deliveryId === d.delivery.id).map((t) => t.attempt),
    })),
  };
}
