import { env } from 'cloudflare:workers';
import { drizzle } from 'drizzle-orm/d1';
import { beforeAll, describe, expect, it } from 'vitest';
import { secretKeyOwner } from '../../src/features/api-keys/lookup';
import { forgetKeys } from '../../src/features/key-cache';
import { sha256Hex } from '../../src/lib/crypto';
import { type Merchant, newMerchant } from './helpers';

const db = drizzle(env.DB);
let m: Merchant;
beforeAll(async () => {
  m = await newMerchant({ name: 'Key lookup' });
});

const revokeInD1 = (hash: string) =>
  env.DB.prepare('UPDATE api_keys SET revoked_at = ? WHERE hash = ?')
    .bind(Date.now() - 1, hash)
    .run();

describe('secret key lookup', () => {
  it('finds the owner and mode of a secret key, and nothing for a public or unknown key', async () => {
    const owner = await secretKeyOwner(db, await sha256Hex(m.secret_keys.live));
    expect(owner).toMatchObject({ merchant: { id: m.merchant_id, name: 'Key lookup' }, mode: 'live' });
    expect(await secretKeyOwner(db, await sha256Hex(m.public_keys.test))).toBeNull();
    expect(await secretKeyOwner(db, await sha256Hex(`sk_test_${'z'.repeat(32)}`))).toBeNull();
  });

  it('answers a cached key without reading D1, until the key is forgotten', async () => {
    const hash = await sha256Hex(m.secret_keys.test);
    expect(await secretKeyOwner(db, hash)).toMatchObject({ merchant: { id: m.merchant_id }, mode: 'test' });
    // Revoked behind the cache's back: only a lookup that skips D1 can still see the key.
    await revokeInD1(hash);
    expect(await secretKeyOwner(db, hash)).toMatchObject({ merchant: { id: m.merchant_id }, mode: 'test' });
    forgetKeys([hash]);
    expect(await secretKeyOwner(db, hash)).toBeNull();
  });
});
