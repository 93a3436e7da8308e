import { and, desc, eq } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { orderSignature } from '../../checkout/link-signature';
import { checkoutOrders, checkoutSessions, type OrderRow, type SessionRow } from '../../db/schema';
import { ownedBy } from '../../db/tenant';
import type { MerchantCtx } from '../../features/context';

/** The order a merchant_key names now (the latest one; an order that ended may be followed by another). */
export async function latestOrder(ctx: MerchantCtx, merchantKey: string): Promise<OrderRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(checkoutOrders)
    .where(
      and(ownedBy(checkoutOrders, ctx.merchant.id, ctx.mode), eq(checkoutOrders.merchantKey, merchantKey)),
    )
    .orderBy(desc(checkoutOrders.createdAt))
    .limit(1);
  return row;
}

export async function orderById(db: DrizzleD1Database, id: string): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(checkoutOrders).where(eq(checkoutOrders.id, id)).limit(1);
  return row;
}

/**
 * The order's checkout_url, shaped like Southpayments' (`/checkout/<id>/?signature=...`, here under
 * `/checkout/orders/` so it never meets a session token): it always leads to the order's current session.
 */
export async function orderUrl(
  ctx: Pick<MerchantCtx, 'baseUrl' | 'secrets'>,
  orderId: string,
): Promise<string> {
  const signature = await orderSignature(orderId, ctx.secrets.signingKey);
  return `${ctx.baseUrl}/checkout/orders/${orderId}?signature=${signature}`;
}

/** Inserts the order's new session unless another open one took its order id first (then undefined). */
export async function insertOrderSession(
  db: DrizzleD1Database,
  row: SessionRow,
): Promise<SessionRow | undefined> {
  const [created] = await db.insert(checkoutSessions).values(row).onConflictDoNothing().returning();
  return created;
}

/** Moves the order from one session to another, only if it still stands on `from` (races lose). */
export async function repointOrder(
  db: DrizzleD1Database,
  orderId: string,
  from: string,
  to: string,
): Promise<boolean> {
  const moved = await db
    .update(checkoutOrders)
    .set({ sessionId: to })
    .where(and(eq(checkoutOrders.id, orderId), eq(checkoutOrders.sessionId, from)))
    .returning({ id: checkoutOrders.id });
  return moved.length === 1;
}

/** Points the order at a new session (or records a new order), after that session was inserted. */
export async function saveOrder(
  ctx: MerchantCtx,
  order: { id: string; merchantKey: string; sessionId: string; customer: Record<string, unknown> | null },
  existing: OrderRow | undefined,
): Promise<OrderRow> {
  if (existing && existing.id === order.id) {
    const [row] = await ctx.db
      .update(checkoutOrders)
      .set({ sessionId: order.sessionId, customer: order.customer, updatedAt: ctx.now })
      .where(eq(checkoutOrders.id, order.id))
      .returning();
    if (row) return row;
  }
  const [row] = await ctx.db
    .insert(checkoutOrders)
    .values({
      id: order.id,
      merchantId: ctx.merchant.id,
      mode: ctx.mode,
      merchantKey: order.merchantKey,
      sessionId: order.sessionId,
      customer: order.customer,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('order insert returned nothing');
  return row;
}
