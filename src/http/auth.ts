import { createMiddleware } from 'hono/factory';
import { secretKeyOwner } from '../features/api-keys/lookup';
import { sha256Hex } from '../lib/crypto';
import type { AppEnv } from './context';
import { ApiError } from './errors';

/**
 * Takes the secret key from `X-API-Key` (seed 001) or `Authorization: Bearer` (Stripe style). Both
 * naming different keys is refused: serving either would pick a mode the caller may not have meant.
 */
export function presentedKey(req: Request): string | null {
  const header = req.headers.get('x-api-key')?.trim();
  const auth = req.headers.get('authorization');
  const bearer = auth ? (/^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1] ?? auth.trim()) : undefined;
  if (header && bearer && header !== bearer)
    throw new ApiError('invalid_request', 'X-API-Key and Authorization name two different keys: send one.');
  return header || bearer || null;
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
  const owner = await secretKeyOwner(c.get('db'), hash);
  if (!owner) throw new ApiError('invalid_api_key');
  c.set('merchant', owner.merchant);
  c.set('mode', owner.mode);
  await next();
});
