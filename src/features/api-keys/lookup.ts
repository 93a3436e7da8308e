import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { apiKeys, merchants } from '../../db/schema';
import { type KeyOwner, keyCache } from '../key-cache';

/**
 * Who a secret key (by its SHA-256) belongs to, or null when it is unknown, revoked, or not a secret
 * key. A cached key costs no D1 round trip; an uncached one costs exactly one, and is then cached.
 */
export async function secretKeyOwner(db: DrizzleD1Database, hash: string): Promise<KeyOwner | null> {
  const cached = keyCache.get(hash);
  if (cached) return cached;
  const [row] = await db
    .select({
      id: merchants.id,
      name: merchants.name,
      country: merchants.country,
      mode: apiKeys.mode,
      kind: apiKeys.kind,
    })
    .from(apiKeys)
    .innerJoin(merchants, eq(merchants.id, apiKeys.merchantId))
    // A rolled key may keep working until its revoked_at (the overlap the merchant chose).
    .where(and(eq(apiKeys.hash, hash), or(isNull(apiKeys.revokedAt), gt(apiKeys.revokedAt, Date.now()))))
    .limit(1);
  if (row?.kind !== 'secret') return null;
  const { mode, kind: _kind, ...merchant } = row;
  const owner = { merchant, mode };
  keyCache.set(hash, owner);
  return owner;
}
