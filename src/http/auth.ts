import { and, eq, gt, isNull, or } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { apiKeys, merchants } from '../db/schema';
import { keyCache } from '../features/key-cache';
import { sha256Hex } from '../lib/crypto';
import type { AppEnv } from './context';
import { ApiError } from './errors';

/** Takes the secret key from `X-API-Key` (seed 001) or `Authorization: Bearer` (Stripe style). */
export function presentedKey(req: Request): string | null {
  const header = req.headers.get('x-api-key');
  if (header) return header.trim();
  const auth = req.headers.get('authorization');
  if (!auth) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
  return match?.[1] ?? auth.trim();
}

const SECRET_KEY = /^sk_(test|live)_[0-9A-Za-z]{16,64}$/;

export { forgetKeys, KEY_CACHE_TTL_MS } from '../features/key-cache';

export const requireSecretKey = createMiddleware<AppEnv>(async (c, next) => {
  const key = presentedKey(c.req.raw);
  if (!key)
    throw new ApiError(
      'authentication_required',
      'Send your secret key in X-API-Key or Authorization: Bearer.',
    );
  if (key.startsWith('pk_'))
    throw new ApiError('invalid_api_key', 'Public keys cannot call the merchant API; use a secret key.');
  if (!SECRET_KEY.test(key)) throw new ApiError('invalid_api_key');
  const hash = await sha256Hex(key);
  const cached = keyCache.get(hash);
  if (cached) {
    c.set('merchant', cached.merchant);
    c.set('mode', cached.mode);
    return next();
  }
  const [row] = await c
    .get('db')
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
  if (row?.kind !== 'secret') throw new ApiError('invalid_api_key');
  const { mode, kind: _kind, ...merchant } = row;
  keyCache.set(hash, { merchant, mode });
  c.set('merchant', merchant);
  c.set('mode', mode);
  await next();
});
