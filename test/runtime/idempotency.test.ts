import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, type Merchant, newMerchant, sessionBody } from './helpers';

let m: Merchant;
beforeAll(async () => {
  m = await newMerchant();
});

const create = (key: string, idem: string, body: unknown) =>
  api('/api/v1/checkout/sessions', key, { body, headers: { 'idempotency-key': idem } });

async function sessionsForOrder(orderId: string): Promise<number> {
  const row = await env.DB.prepare('SELECT count(*) AS n FROM checkout_sessions WHERE merchant_order_id = ?')
    .bind(orderId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

describe('Idempotency-Key', () => {
  it('replays the same status and body for the same key and body, creating one session', async () => {
    const body = sessionBody();
    const first = await create(m.secret_keys.test, 'k-replay', body);
    const second = await create(m.secret_keys.test, 'k-replay', body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.text()).toBe(await first.text());
    expect(await sessionsForOrder(body.merchant_order_id)).toBe(1);
  });

  it('treats a body with reordered keys as the same request', async () => {
    const body = sessionBody();
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const first = await create(m.secret_keys.test, 'k-order', body);
    const second = await create(m.secret_keys.test, 'k-order', reordered);
    expect(second.status).toBe(201);
    expect(await second.json()).toEqual(await first.json());
  });

  it('refuses the same key with a different body with 422', async () => {
    await create(m.secret_keys.test, 'k-different', sessionBody());
    const other = sessionBody();
    const res = await create(m.secret_keys.test, 'k-different', other);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'idempotency_key_reused' });
    expect(await sessionsForOrder(other.merchant_order_id)).toBe(0);
  });

  it('lets exactly one of many parallel requests with one key run, whatever their bodies and orders', async () => {
    // Distinct bodies and order ids: order-id uniqueness cannot stop a second session, only the key's lock.
    const bodies = Array.from({ length: 8 }, () => sessionBody());
    const results = await Promise.all(bodies.map((b) => create(m.secret_keys.test, 'k-race', b)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    // The others arrived while the first ran (409) or after it with another body (422 reuse).
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409 || s === 422)).toBe(true);
    const created = await Promise.all(bodies.map((b) => sessionsForOrder(b.merchant_order_id)));
    expect(created.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('stores a rolled webhook secret only sealed, and still replays it', async () => {
    const roll = () =>
      api('/api/v1/webhook_secret/roll', m.secret_keys.test, {
        method: 'POST',
        headers: { 'idempotency-key': 'k-roll' },
      });
    const first = await roll();
    expect(first.status).toBe(200);
    const { secret } = (await first.json()) as { secret: string };
    const { results } = await env.DB.prepare('SELECT * FROM idempotency_keys').all();
    const cells = results.flatMap((r) => Object.values(r).map(String));
    const bare = secret.slice('whsec_'.length);
    expect(cells.filter((c) => c.includes(bare))).toEqual([]);
    const replay = await roll();
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(((await replay.json()) as { secret: string }).secret).toBe(secret);
  });

  it('answers 409 for a key whose request holds the lock, and takes over a lock that lapsed', async () => {
    const now = Date.now();
    const insert = (key: string, lockedUntil: number, hash: string) =>
      env.DB.prepare(
        'INSERT INTO idempotency_keys (merchant_id, mode, key, request_hash, created_at, locked_until) VALUES (?, ?, ?, ?, ?, ?)',
      )
        .bind(m.merchant_id, 'test', key, hash, now, lockedUntil)
        .run();
    // Held by a different request: refused as reuse, not run.
    const fresh = sessionBody();
    await insert('k-held', now + 60_000, 'another-request');
    const held = await create(m.secret_keys.test, 'k-held', fresh);
    expect(held.status).toBe(422);
    expect(await sessionsForOrder(fresh.merchant_order_id)).toBe(0);

    // Same fingerprint as the running one: 409 while locked.
    const lockedBody = sessionBody();
    const lockedHash = await fingerprintOf(lockedBody);
    await insert('k-locked', now + 60_000, lockedHash);
    const locked = await create(m.secret_keys.test, 'k-locked', lockedBody);
    expect(locked.status).toBe(409);
    expect(await locked.json()).toMatchObject({ code: 'idempotency_request_in_progress' });

    // The same, but the holder died long ago: the lock lapsed and the retry runs.
    const lapsedBody = sessionBody();
    await insert('k-lapsed', now - 1, await fingerprintOf(lapsedBody));
    const lapsed = await create(m.secret_keys.test, 'k-lapsed', lapsedBody);
    expect(lapsed.status).toBe(201);
    expect(await sessionsForOrder(lapsedBody.merchant_order_id)).toBe(1);
  });

  it('does not store a request that failed validation: the fixed retry runs', async () => {
    const body = sessionBody();
    const bad = await create(m.secret_keys.test, 'k-fix', { ...body, amount: -5 });
    expect(bad.status).toBe(422);
    const good = await create(m.secret_keys.test, 'k-fix', body);
    expect(good.status).toBe(201);
    expect(good.headers.get('idempotent-replayed')).toBeNull();
  });

  it('stores and replays a 409 conflict', async () => {
    const body = sessionBody();
    await create(m.secret_keys.test, 'k-conflict-1', body);
    const conflict = await create(m.secret_keys.test, 'k-conflict-2', body);
    expect(conflict.status).toBe(409);
    const replay = await create(m.secret_keys.test, 'k-conflict-2', body);
    expect(replay.status).toBe(409);
    expect(replay.headers.get('content-type')).toBe('application/problem+json');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('scopes keys per merchant and per mode', async () => {
    const other = await newMerchant({ name: 'Other' });
    const body = sessionBody();
    const results = await Promise.all([
      create(m.secret_keys.test, 'k-scope', body),
      create(m.secret_keys.live, 'k-scope', body),
      create(other.secret_keys.test, 'k-scope', body),
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(results.map((r) => r.headers.get('idempotent-replayed'))).toEqual([null, null, null]);
  });

  it('forgets keys after 24 hours', async () => {
    await create(m.secret_keys.test, 'k-old', sessionBody());
    await env.DB.prepare('UPDATE idempotency_keys SET created_at = ? WHERE key = ?')
      .bind(Date.now() - 24 * 3600_000 - 1000, 'k-old')
      .run();
    const res = await create(m.secret_keys.test, 'k-old', sessionBody());
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
  });

  it('applies to expire too', async () => {
    const created = (await (await create(m.secret_keys.test, 'k-exp-create', sessionBody())).json()) as {
      token: string;
    };
    const path = `/api/v1/checkout/sessions/${created.token}/expire`;
    const first = await api(path, m.secret_keys.test, {
      method: 'POST',
      headers: { 'idempotency-key': 'k-exp' },
    });
    const second = await api(path, m.secret_keys.test, {
      method: 'POST',
      headers: { 'idempotency-key': 'k-exp' },
    });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
  });

  it.each([['x'.repeat(256)], ['has space']])('refuses a malformed key %#', async (bad) => {
    const res = await create(m.secret_keys.test, bad, sessionBody());
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ field: 'Idempotency-Key' }] });
  });
});

async function fingerprintOf(body: unknown): Promise<string> {
  const { requestFingerprint } = await import('../../src/http/idempotency');
  return requestFingerprint('POST', '/api/v1/checkout/sessions', JSON.stringify(body));
}

describe('a path no route serves', () => {
  it('keeps no Idempotency-Key: nothing ran, so there is nothing to replay', async () => {
    const m = await newMerchant();
    for (const path of ['/v1/payment/nothing-here', '/api/v1/checkout/nothing-here']) {
      const res = await api(path, m.secret_keys.test, {
        body: {},
        headers: { 'idempotency-key': 'no-route-1' },
      });
      expect(res.status).toBe(404);
    }
    const row = await env.DB.prepare("SELECT key FROM idempotency_keys WHERE key = 'no-route-1'").first();
    expect(row).toBeNull();
  });
});
