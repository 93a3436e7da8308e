import { and, gte, sql } from 'drizzle-orm';
import { checkoutSessions, payments } from '../../db/schema';
import { ownedBy } from '../../db/tenant';
import type { MerchantCtx } from '../context';

const DAY_MS = 86_400_000;

/**
 * The mode's last `days` days (UTC): sessions created and paid per day, and per method and per
 * gateway how many payment attempts there were and how many were paid.
 */
export async function overview(ctx: MerchantCtx, days = 14) {
  const since = Math.floor(ctx.now / DAY_MS) * DAY_MS - (days - 1) * DAY_MS;
  // A literal divisor: a bound parameter may arrive as a real and make the division fractional.
  const day = sql<number>`(${checkoutSessions.createdAt} / ${sql.raw(String(DAY_MS))})`;
  const ownPayments = and(ownedBy(payments, ctx.merchant.id, ctx.mode), gte(payments.createdAt, since));
  // Paid at some point: a payment refunded since still counts as approved.
  const paidCount = sql<number>`sum(case when ${payments.paidAt} is not null then 1 else 0 end)`;
  // Three parallel reads, not a batch: a batch returns rows keyed by column name, and computed
  // columns have none.
  const [perDay, perMethod, perGateway] = await Promise.all([
    ctx.db
      .select({
        day,
        created: sql<number>`count(*)`,
        paid: sql<number>`sum(case when ${checkoutSessions.status} = 'paid' then 1 else 0 end)`,
      })
      .from(checkoutSessions)
      .where(
        and(ownedBy(checkoutSessions, ctx.merchant.id, ctx.mode), gte(checkoutSessions.createdAt, since)),
      )
      .groupBy(day),
    ctx.db
      .select({ key: payments.method, attempts: sql<number>`count(*)`, paid: paidCount })
      .from(payments)
      .where(ownPayments)
      .groupBy(payments.method),
    ctx.db
      .select({ key: payments.gateway, attempts: sql<number>`count(*)`, paid: paidCount })
      .from(payments)
      .where(ownPayments)
      .groupBy(payments.gateway),
  ]);
  const byDay = new Map(perDay.map((d) => [Number(d.day), d]));
  const series = Array.from({ length: days }, (_, i) => {
    const d = since / DAY_MS + i;
    const row = byDay.get(d);
    return {
      date: new Date(d * DAY_MS).toISOString().slice(0, 10),
      created: row?.created ?? 0,
      paid: row?.paid ?? 0,
    };
  });
  return { series, perMethod, perGateway };
}
export type Overview = Awaited<ReturnType<typeof overview>>;
