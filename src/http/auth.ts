import { createMiddleware } from 'hono/factory';
import { secretKeyOwner } from '../features/api-keys/lookup';
import { sha256Hex } from '../lib/crypto';
import type { AppEnv } from './context';
import { ApiError } from './errors';

/** The keys a request presents: `X-API-Key` (seed 001), then `Authorization: Bearer` (Stripe style), distinct. */
function presentedKeys(req: Request): string[] {
  const header = req.headers.get('x-api-key')?.trim();
  const auth = req.headers.get('authorization');
  const bearer = auth ? (/^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1] ?? auth.trim()) : undefined;
  return [...new Set([header, bearer].filter((k): k is string => !!k))];
}

/** The key a request presents (`X-API-Key` first), or null. */
export function presentedKey(req: Request): string | null {
  return presentedKeys(req)[0] ?? null;
}

const SECRET_KEY = /^sk_(test|live)_[0-9A-Za-z]{16,64}$/;

export { forgetKeys, KEY_CACHE_TTL_MS } from '../features/key-cache';

export const requireSecretKey = createMiddleware<AppEnv>(async (c, next) => {
  const keys = presentedKeys(c.req.raw);
  // Both headers naming different keys: serving either would pick a mode the caller may not have meant.
  if (keys.length > 1)
    throw new ApiError('invalid_api_key', 'X-API-Key and Authorization name two different keys: send one.');
  const key = keys[0];
  if (!key)
    throw new ApiError(
      'authentication_required',
      'Send your secret key in X-API-Key or Authorization: Bearer.',
    );
  if (key.startsWith('pk_'))
    throw new ApiError('invalid_api_key', 'Public keys cannot call the merchant API; use a secret key.');
  if (!SECRET_KEY.test(key)) throw new ApiError('invalid_api_key');
  const hash = await sha256Hex(key);
  const owner = await secretKeyOwner(c.get('db'), hash);
  if (!owner) throw new ApiError('invalid_api_key');
  c.set('merchant', owner.merchant);
  c.set('mode', owner.mode);
  await next();
});
