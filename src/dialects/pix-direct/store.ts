import { and, asc, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { checkoutSessions, type PaymentRow, payments, type SessionRow } from '../../db/schema';
import { ownedBy } from '../../db/tenant';
import type { MerchantCtx } from '../../features/context';
import { META } from './payload';
import type { ListQuery, SORT_FIELDS } from './schema';

/**
 * The sessions column's TypeScript enum does not list 'seed003' yet (src/db/schema.ts is not this
 * module's to edit); D1 stores any text there and the webhook consumer already reads it as a dialect.
 */
export const SEED003: SessionRow['dialect'] = 'seed003';

const metaText = (key: string) => sql`json_extract(${checkoutSessions.metadata}, ${`$.${key}`})`;

const SORT_COLUMNS: Record<(typeof SORT_FIELDS)[number], SQL | typeof payments.id> = {
  id: payments.id,
  customer_id: metaText(META.customerId),
  transaction_id: sql`${checkoutSessions.merchantOrderId}`,
  amount: sql`CAST(${metaText(META.amount)} AS REAL)`,
  currency: metaText(META.currency),
  status: sql`${payments.status}`,
  payment_method: sql`${payments.method}`,
  created_at: sql`${checkoutSessions.createdAt}`,
  updated_at: sql`${payments.updatedAt}`,
};

/** A direct payment with the session fields its view reads. */
export type DirectPayment = {
  payment: PaymentRow;
  merchantOrderId: string;
  metadata: Record<string, unknown>;
  createdAt: number;
};

/** Seed 003 payments of this merchant and mode: its sessions joined to their (single) payment. */
function seed003Select(ctx: MerchantCtx, where: (SQL | undefined)[]) {
  return ctx.db
    .select({
      payment: payments,
      merchantOrderId: checkoutSessions.merchantOrderId,
      metadata: checkoutSessions.metadata,
      createdAt: sql<number>`${checkoutSessions.createdAt}`.as('s_created_at'),
    })
    .from(checkoutSessions)
    .innerJoin(payments, eq(payments.sessionId, checkoutSessions.id))
    .where(
      and(
        ownedBy(checkoutSessions, ctx.merchant.id, ctx.mode),
        eq(checkoutSessions.dialect, SEED003),
        ownedBy(payments, ctx.merchant.id, ctx.mode),
        ...where,
      ),
    );
}

/** One direct payment of this merchant and mode, by its payment id. */
export async function directPayment(ctx: MerchantCtx, id: string): Promise<DirectPayment | undefined> {
  const [row] = await seed003Select(ctx, [eq(payments.id, id)]).limit(1);
  return row;
}

/** A page of direct payments, one more than `limit` so the caller knows whether another follows. */
export async function directPayments(ctx: MerchantCtx, q: ListQuery): Promise<DirectPayment[]> {
  const [field, dir] = q.sort.split(',') as [(typeof SORT_FIELDS)[number], 'asc' | 'desc'];
  const order = dir === 'asc' ? asc : desc;
  return (
    seed003Select(ctx, [
      q.start_time ? gte(checkoutSessions.createdAt, Date.parse(q.start_time)) : undefined,
      q.end_time ? lte(checkoutSessions.createdAt, Date.parse(q.end_time)) : undefined,
      q.customer_id ? sql`${metaText(META.customerId)} = ${q.customer_id}` : undefined,
      // One bound parameter for up to 100 ids (D1 allows about 100 per statement): a JSON array.
      q.transaction_id
        ? sql`${checkoutSessions.merchantOrderId} IN (SELECT value FROM json_each(${JSON.stringify(q.transaction_id)}))`
        : undefined,
    ])
      .orderBy(order(SORT_COLUMNS[field]), order(payments.id))
      // One more than asked tells whether another page follows, without a second (count) query.
      .limit(q.limit + 1)
      .offset((q.page - 1) * q.limit)
  );
}
