import { and, eq, lt, sql } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { idempotencyKeys } from '../../db/schema';
import { ownedBy } from '../../db/tenant';
import { IDEMPOTENCY_TTL_MS } from '../../domain/retention';
import type { Mode } from '../../domain/tenant';
import type { Secrets } from '../../platform/ports';

/** How long a running request holds its key; a worker that died mid-request frees it after this. */
export const IDEMPOTENCY_LOCK_MS = 60 * 1000;

/** One Idempotency-Key of one merchant in one mode. */
export type IdempotencyScope = { merchantId: string; mode: Mode; key: string };

export type StoredAnswer =
  | { state: 'missing' }
  | { state: 'other_request' }
  | { state: 'running' }
  | { state: 'answered'; status: number; body: string };

const owned = (s: IdempotencyScope) =>
  and(ownedBy(idempotencyKeys, s.merchantId, s.mode), eq(idempotencyKeys.key, s.key));

/**
 * Claims the key for the request with fingerprint `hash`, or takes over one that has lapsed (older
 * than 24 h, or locked by a request of the same fingerprint that died). One statement.
 */
export async function claimKey(
  db: DrizzleD1Database,
  s: IdempotencyScope,
  hash: string,
  now: number,
): Promise<boolean> {
  const claimed = await db
    .insert(idempotencyKeys)
    .values({
      merchantId: s.merchantId,
      mode: s.mode,
      key: s.key,
      requestHash: hash,
      createdAt: now,
      lockedUntil: now + IDEMPOTENCY_LOCK_MS,
    })
    .onConflictDoUpdate({
      target: [idempotencyKeys.merchantId, idempotencyKeys.mode, idempotencyKeys.key],
      set: {
        requestHash: hash,
        responseStatus: null,
        responseBody: null,
        createdAt: now,
        lockedUntil: now + IDEMPOTENCY_LOCK_MS,
      },
      setWhere: sql`${idempotencyKeys.createdAt} < ${now - IDEMPOTENCY_TTL_MS} OR (${idempotencyKeys.responseStatus} IS NULL AND ${idempotencyKeys.lockedUntil} < ${now} AND ${idempotencyKeys.requestHash} = ${hash})`,
    })
    .returning({ key: idempotencyKeys.key });
  return claimed.length > 0;
}

/** What the store holds for a key another request claimed, its answer opened if there is one. */
export async function storedAnswer(
  db: DrizzleD1Database,
  secrets: Secrets,
  s: IdempotencyScope,
  hash: string,
): Promise<StoredAnswer> {
  const [existing] = await db.select().from(idempotencyKeys).where(owned(s)).limit(1);
  if (!existing) return { state: 'missing' };
  if (existing.requestHash !== hash) return { state: 'other_request' };
  if (existing.responseStatus === null) return { state: 'running' };
  const stored = existing.responseBody ?? '';
  // Rows written before answers were sealed hold plain JSON (which never starts with "v1.").
  const body = stored.startsWith('v1.') ? await secrets.open(stored) : stored;
  return { state: 'answered', status: existing.responseStatus, body };
}

/** Frees the key: the request never ran to an answer worth replaying. */
export async function releaseKey(db: DrizzleD1Database, s: IdempotencyScope): Promise<void> {
  await db.delete(idempotencyKeys).where(owned(s));
}

/** Keeps the answer, sealed at rest (some hold a secret, e.g. a rolled webhook secret). */
export async function recordAnswer(
  db: DrizzleD1Database,
  secrets: Secrets,
  s: IdempotencyScope,
  status: number,
  body: string,
): Promise<void> {
  const sealed = await secrets.seal(body);
  await db
    .update(idempotencyKeys)
    .set({ responseStatus: status, responseBody: sealed, lockedUntil: null })
    .where(owned(s));
}

/** Keys older than the 24 h they live are dropped (run by the cron). */
export async function purgeIdempotencyKeys(db: DrizzleD1Database, now: number): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, now - IDEMPOTENCY_TTL_MS));
}
