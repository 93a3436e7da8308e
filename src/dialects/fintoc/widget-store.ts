import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { apiKeys, checkoutSessions } from '../../db/schema';
import { ownedBy } from '../../db/tenant';
import type { Mode } from '../../domain/tenant';
import { sha256Hex } from '../../lib/crypto';

/** The merchant, mode and kind of an unrevoked API key, by its plaintext. */
export async function liveKeyOwner(db: DrizzleD1Database, key: string, now: number) {
  const [row] = await db
    .select({ merchantId: apiKeys.merchantId, mode: apiKeys.mode, kind: apiKeys.kind })
    .from(apiKeys)
    .where(
      and(eq(apiKeys.hash, await sha256Hex(key)), or(isNull(apiKeys.revokedAt), gt(apiKeys.revokedAt, now))),
    )
    .limit(1);
  return row;
}

/** What the widget may know of a session, only when it is this merchant's in this mode. */
export async function widgetSessionOf(
  db: DrizzleD1Database,
  sessionId: string,
  owner: { merchantId: string; mode: Mode },
) {
  const [session] = await db
    .select({
      id: checkoutSessions.id,
      status: checkoutSessions.status,
      createdAt: checkoutSessions.createdAt,
      expiresAt: checkoutSessions.expiresAt,
    })
    .from(checkoutSessions)
    .where(and(eq(checkoutSessions.id, sessionId), ownedBy(checkoutSessions, owner.merchantId, owner.mode)))
    .limit(1);
  return session;
}
