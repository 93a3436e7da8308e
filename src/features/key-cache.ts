import type { AuthedMerchant, Mode } from '../domain/tenant';
import { TtlCache } from '../lib/ttl-cache';

export type KeyOwner = { merchant: AuthedMerchant; mode: Mode };
/**
 * Key lookups cached per isolate for a minute: the create-session hot path then makes one D1
 * round trip instead of two. The cache holds only who the key is (merchant id, name, country, mode),
 * which no API call changes; settings are per mode and read from D1 by whoever needs them, so a
 * settings change holds on the next request in every isolate. A key revoked in D1 by an operator
 * can still authenticate for up to a minute in an isolate that cached it.
 */
export const KEY_CACHE_TTL_MS = 60_000;
export const keyCache = new TtlCache<KeyOwner>(KEY_CACHE_TTL_MS, 10_000);

/** Drops revoked keys (by SHA-256) from this isolate's cache; other isolates drop them within the TTL. */
export function forgetKeys(hashes: string[]): void {
  for (const h of hashes) keyCache.delete(h);
}
