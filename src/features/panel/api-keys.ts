import { and, eq, gt, isNull, or } from 'drizzle-orm';
import { d1Of, insertWhere } from '../../db/guarded-sql';
import { apiKeys } from '../../db/schema';
import { ownedBy } from '../../db/tenant';
import { ApiError, fieldError } from '../../domain/errors';
import { sha256Hex } from '../../lib/crypto';
import { newId, randomBase62 } from '../../lib/ids';
import type { MerchantCtx } from '../context';
import { forgetKeys } from '../key-cache';

const KEY_CHARS = 32;
const PREFIX_SECRET_CHARS = 4;
/** Keys working at once per kind and mode: enough for one per service, few enough to audit. */
export const MAX_KEYS_PER_KIND = 10;

/** A new key of `kind` in the context's mode: the key itself (shown once) and the row D1 keeps. */
async function issueKey(ctx: MerchantCtx, kind: 'secret' | 'public') {
  const key = `${kind === 'secret' ? 'sk' : 'pk'}_${ctx.mode}_${randomBase62(KEY_CHARS)}`;
  const row = {
    id: newId('key', 20),
    merchantId: ctx.merchant.id,
    kind,
    mode: ctx.mode,
    prefix: key.slice(0, key.indexOf('_', 3) + 1 + PREFIX_SECRET_CHARS),
    hash: await sha256Hex(key),
    createdAt: ctx.now,
  };
  return { key, row };
}

/** The merchant's unrevoked keys in the context's mode (prefixes only: keys are never stored). */
export async function listApiKeys(ctx: MerchantCtx) {
  return ctx.db
    .select({
      id: apiKeys.id,
      kind: apiKeys.kind,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(
      and(
        ownedBy(apiKeys, ctx.merchant.id, ctx.mode),
        or(isNull(apiKeys.revokedAt), gt(apiKeys.revokedAt, ctx.now)),
      ),
    );
}

/**
 * Issues a new key of `kind` in the context's mode and stops the previous ones of that kind at once
 * or after `overlapMs` (both work meanwhile, so the merchant can deploy the new one), in one batch.
 * The key is returned once; D1 keeps its SHA-256 and a short prefix. Stopped at once, the old key
 * leaves this isolate's cache at once; another isolate that cached it may accept it for up to
 * KEY_CACHE_TTL_MS (60 s, src/http/auth.ts), as it may past the end of an overlap.
 */
export async function rollApiKey(ctx: MerchantCtx, kind: 'secret' | 'public', overlapMs = 0) {
  const stopsAt = ctx.now + overlapMs;
  const { key, row } = await issueKey(ctx, kind);
  const [revoked] = await ctx.db.batch([
    ctx.db
      .update(apiKeys)
      .set({ revokedAt: stopsAt })
      .where(
        and(
          ownedBy(apiKeys, ctx.merchant.id, ctx.mode),
          eq(apiKeys.kind, kind),
          // Keys still working, or working past the new stop: an earlier stop is never pushed later.
          or(isNull(apiKeys.revokedAt), gt(apiKeys.revokedAt, stopsAt)),
        ),
      )
      .returning({ hash: apiKeys.hash }),
    ctx.db.insert(apiKeys).values(row),
  ]);
  if (overlapMs === 0) forgetKeys(revoked.map((r) => r.hash));
  return { id: row.id, key, prefix: row.prefix };
}

/**
 * One more key of `kind` beside the working ones (a key per service, rolled on its own), at most
 * MAX_KEYS_PER_KIND working at once. Returned once; D1 keeps its SHA-256 and prefix.
 */
export async function createApiKey(ctx: MerchantCtx, kind: 'secret' | 'public') {
  const { key, row } = await issueKey(ctx, kind);
  // The count of working keys and the insert are one statement: requests at the same time cannot pass the limit.
  const inserted = await insertWhere(
    d1Of(ctx.db),
    apiKeys,
    row,
    `(SELECT count(*) FROM "api_keys" WHERE "merchant_id" = ? AND "mode" = ? AND "kind" = ?
      AND ("revoked_at" IS NULL OR "revoked_at" > ?)) < ?`,
    [ctx.merchant.id, ctx.mode, kind, ctx.now, MAX_KEYS_PER_KIND],
  ).run();
  if (inserted.meta.changes !== 1)
    throw fieldError(
      'kind',
      'too_many_keys',
      `At most ${MAX_KEYS_PER_KIND} ${kind} keys work at once: revoke one first.`,
    );
  return { id: row.id, key, prefix: row.prefix };
}

/**
 * Stops one working key of this merchant and mode now (404 for any other key). It leaves this
 * isolate's cache at once; another isolate may accept it for up to the cache's 60 s.
 */
export async function revokeApiKey(ctx: MerchantCtx, id: string) {
  const [row] = await ctx.db
    .update(apiKeys)
    .set({ revokedAt: ctx.now })
    .where(
      and(
        eq(apiKeys.id, id),
        ownedBy(apiKeys, ctx.merchant.id, ctx.mode),
        or(isNull(apiKeys.revokedAt), gt(apiKeys.revokedAt, ctx.now)),
      ),
    )
    .returning({ hash: apiKeys.hash, kind: apiKeys.kind, prefix: apiKeys.prefix });
  if (!row) throw new ApiError('not_found', 'No such working key in this mode.');
  forgetKeys([row.hash]);
  return { id, kind: row.kind, prefix: row.prefix };
}
