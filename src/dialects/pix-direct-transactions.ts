import type { SessionRow } from '../db/schema';
import { ApiError } from '../domain/errors';
import type { MerchantCtx } from '../features/context';
import { findLiveSessionForOrder } from '../features/sessions/service';

const SEED003: SessionRow['dialect'] = 'seed003';

/**
 * A transaction whose payment was denied may be tried again under the same id, as the document's
 * statuses allow: its session went back to open (a hosted page could retry it, this API cannot), so it
 * is canceled through its SessionDO first, which frees the id. A pending or paid one keeps it.
 */
async function releaseDeniedTransaction(ctx: MerchantCtx, transactionId: string): Promise<void> {
  const live = await findLiveSessionForOrder(ctx, transactionId);
  if (live?.dialect !== SEED003 || live.status !== 'open') return;
  await ctx.transition({
    sessionId: live.id,
    to: 'canceled',
    owner: { merchantId: ctx.merchant.id, mode: ctx.mode },
    now: ctx.now,
  });
}

/** The canonical 409s carry the open session's token and URL; this API has neither, so they stay out. */
function transactionConflict(err: unknown, transactionId: string): unknown {
  if (!(err instanceof ApiError)) return err;
  if (err.code === 'order_already_paid') {
    return new ApiError('order_already_paid', `Transaction ${transactionId} is already paid.`);
  }
  if (err.code === 'order_has_open_session') {
    return new ApiError('order_has_open_session', `Transaction ${transactionId} has a pending payment.`);
  }
  return err;
}

/** Creates the session of a transaction: a denied one under the same id is released first; conflicts name no session. */
export async function openTransaction(
  ctx: MerchantCtx,
  transactionId: string,
  create: () => Promise<SessionRow>,
): Promise<SessionRow> {
  await releaseDeniedTransaction(ctx, transactionId);
  try {
    return await create();
  } catch (err) {
    throw transactionConflict(err, transactionId);
  }
}
