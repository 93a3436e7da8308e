import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_KEYS_PER_KIND } from '../../src/features/panel/api-keys';
import { api, type Merchant, newMerchant } from './helpers';
import { type PanelClient, signedIn } from './panel-helpers';

/** API keys from the panel: another key beside the working ones, and revoking one now. */
let m: Merchant;
let owner: PanelClient;
beforeAll(async () => {
  m = await newMerchant();
  owner = (await signedIn(m.merchant_id, 'owner')).client;
});

const shownKey = (html: string) =>
  /id="shown-secret">((?:sk|pk)_(?:test|live)_[0-9A-Za-z]{32})</.exec(html)?.[1];

async function keyId(prefixOf: string) {
  const row = await env.DB.prepare('SELECT id FROM api_keys WHERE prefix = ?')
    .bind(prefixOf.slice(0, 12))
    .first<{ id: string }>();
  return row?.id ?? '';
}

async function createKey(client: PanelClient, mode: 'test' | 'live', kind = 'secret') {
  const res = await client.submit(`/dashboard/${mode}/developers`, `/dashboard/${mode}/developers/keys`, {
    kind,
  });
  return { res, html: await res.text() };
}

describe('panel: API keys', () => {
  it('creates another key that works at once beside the old one, shown once and stored hashed', async () => {
    const { res, html } = await createKey(owner, 'test');
    expect(res.status).toBe(200);
    const key = shownKey(html) ?? '';
    expect(key).toMatch(/^sk_test_/);
    expect((await api('/api/v1/merchant', key)).status).toBe(200);
    expect((await api('/api/v1/merchant', m.secret_keys.test)).status).toBe(200);
    const stored = await env.DB.prepare('SELECT COUNT(*) AS n FROM api_keys WHERE hash = ? OR prefix = ?')
      .bind(key, key)
      .first<{ n: number }>();
    expect(stored?.n).toBe(0);
    expect(shownKey((await owner.page('/dashboard/test/developers')).html)).toBeUndefined();
    expect((await owner.page('/dashboard/audit')).html).toContain('api_key.created');
  });

  it('revokes one key now: it stops, the others keep working, and it is audited', async () => {
    const key = shownKey((await createKey(owner, 'test')).html) ?? '';
    expect((await api('/api/v1/merchant', key)).status).toBe(200);
    const id = await keyId(key);
    const res = await owner.submit(
      '/dashboard/test/developers',
      `/dashboard/test/developers/keys/${id}/revoke`,
    );
    expect(res.status).toBe(200);
    expect((await api('/api/v1/merchant', key)).status).toBe(401);
    expect((await api('/api/v1/merchant', m.secret_keys.test)).status).toBe(200);
    expect((await owner.page('/dashboard/test/developers')).html).not.toContain(key.slice(0, 12));
    expect((await owner.page('/dashboard/audit')).html).toContain('api_key.revoked');
    // Revoked already: nothing left to stop.
    const again = await owner.submit(
      '/dashboard/test/developers',
      `/dashboard/test/developers/keys/${id}/revoke`,
    );
    expect(again.status).toBe(404);
  });

  it("never revokes another merchant's key nor the other mode's", async () => {
    const other = await newMerchant();
    const theirs = await keyId(other.secret_keys.test);
    const refused = await owner.submit(
      '/dashboard/test/developers',
      `/dashboard/test/developers/keys/${theirs}/revoke`,
    );
    expect(refused.status).toBe(404);
    expect((await api('/api/v1/merchant', other.secret_keys.test)).status).toBe(200);
    const live = await keyId(m.secret_keys.live);
    const crossMode = await owner.submit(
      '/dashboard/test/developers',
      `/dashboard/test/developers/keys/${live}/revoke`,
    );
    expect(crossMode.status).toBe(404);
    expect((await api('/api/v1/merchant', m.secret_keys.live)).status).toBe(200);
  });

  it('a support user can neither create nor revoke keys', async () => {
    const { client } = await signedIn(m.merchant_id, 'support');
    const csrf = (await client.page('/dashboard/test/payments')).csrf;
    const create = await client.request('/dashboard/test/developers/keys', {
      form: { _csrf: csrf, kind: 'secret' },
    });
    expect(create.status).toBe(403);
    const id = await keyId(m.secret_keys.test);
    const revoke = await client.request(`/dashboard/test/developers/keys/${id}/revoke`, {
      form: { _csrf: csrf },
    });
    expect(revoke.status).toBe(403);
    expect((await api('/api/v1/merchant', m.secret_keys.test)).status).toBe(200);
  });

  it(`keeps at most ${MAX_KEYS_PER_KIND} working keys of a kind in a mode`, async () => {
    const n = await newMerchant();
    const o = (await signedIn(n.merchant_id, 'owner')).client;
    for (let i = 1; i < MAX_KEYS_PER_KIND; i += 1)
      expect(shownKey((await createKey(o, 'live')).html)).toBeDefined();
    const over = await createKey(o, 'live');
    expect(over.res.status).toBe(400);
    expect(over.html).toContain(`At most ${MAX_KEYS_PER_KIND} secret keys`);
    expect(shownKey(over.html)).toBeUndefined();
    // The other kind and the other mode have their own room.
    expect(shownKey((await createKey(o, 'live', 'public')).html)).toMatch(/^pk_live_/);
    expect(shownKey((await createKey(o, 'test')).html)).toMatch(/^sk_test_/);
  });

  it('holds that limit when the requests arrive at the same time', async () => {
    const n = await newMerchant();
    const o = (await signedIn(n.merchant_id, 'owner')).client;
    const made = await Promise.all(Array.from({ length: 16 }, () => createKey(o, 'live')));
    // The merchant's first live secret key is one of the ten.
    expect(made.filter((k) => shownKey(k.html) !== undefined)).toHaveLength(MAX_KEYS_PER_KIND - 1);
    expect(made.filter((k) => k.res.status === 400)).toHaveLength(16 - (MAX_KEYS_PER_KIND - 1));
    const working = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM api_keys WHERE merchant_id = ? AND mode = 'live' AND kind = 'secret' AND revoked_at IS NULL",
    )
      .bind(n.merchant_id)
      .first<{ n: number }>();
    expect(working?.n).toBe(MAX_KEYS_PER_KIND);
  });
});
